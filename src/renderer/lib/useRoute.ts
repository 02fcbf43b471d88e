import { useSyncExternalStore } from 'react';

export type Route = { page: string; param?: string; query: URLSearchParams };

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [page = 'pipeline', param] = path.split('/');
  return {
    page: page || 'pipeline',
    param: param ? decodeURIComponent(param) : undefined,
    query: new URLSearchParams(query),
  };
}

function subscribe(callback: () => void) {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

/** Hash routes (#/leads/12?source=3): they work from file:// in Electron and over http in browser mode. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}

export function navigate(path: string): void {
  window.location.hash = path.startsWith('#') ? path : `#/${path.replace(/^\//, '')}`;
}

/** Changes the route without a history entry (filters as they are typed). */
export function replaceRoute(path: string): void {
  const hash = path.startsWith('#') ? path : `#/${path.replace(/^\//, '')}`;
  if (hash === window.location.hash) return;
  window.history.replaceState(null, '', hash);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/** `page?query` with empty values dropped. */
export function routeWith(page: string, query: Record<string, string | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `${page}?${text}` : page;
}

export type PageProps = { route: Route };
