import { useSyncExternalStore } from 'react';

// One counter bumped after every write, so every page that shows data fetches again.
let version = 0;
const listeners = new Set<() => void>();

export function notifyDataChanged(): void {
  version += 1;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  const onEvent = () => notifyDataChanged();
  // Other features (CSV import, settings) may announce writes with this window event.
  window.addEventListener('leadledger:data-changed', onEvent);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('leadledger:data-changed', onEvent);
  };
}

export function useDataVersion(): number {
  return useSyncExternalStore(subscribe, () => version);
}
