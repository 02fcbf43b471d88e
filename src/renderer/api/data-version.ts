// One counter bumped after every write, so every page that shows data fetches again: the api bumps it after
// each successful write (named-api.ts), pages read it through useDataVersion (src/renderer/lib/dataVersion.ts).
let version = 0;
const listeners = new Set<() => void>();

export function bumpDataVersion(): void {
  version += 1;
  for (const listener of listeners) listener();
}

export function subscribeDataVersion(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export const currentDataVersion = (): number => version;
