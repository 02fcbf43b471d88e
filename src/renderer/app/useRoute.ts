import { useSyncExternalStore } from 'react';

export type Route = { page: string; param?: string; query: URLSearchParams };

function parse(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [page = 'pipeline', param] = path.split('/');
  return { page: page || 'pipeline', param: param ? decodeURIComponent(param) : undefined, query: new URLSearchParams(query) };
}

function subscribe(callback: () => void) {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

/** Hash routes (#/leads/12?source=3): they work from file:// in Electron and over http in browser mode. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parse(hash);
}

export function navigate(path: string): void {
  window.location.hash = path.startsWith('#') ? path : `#/${path.replace(/^\//, '')}`;
}
