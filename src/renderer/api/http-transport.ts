import type { Transport } from '../../shared/api/client';
import { takePrefetched } from './prefetched';

/** Browser mode: the token arrives once in the URL, is kept for the tab, and removed from the address bar. */
export function browserToken(): string {
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem('leadledger-token', fromUrl);
    params.delete('token');
    const query = params.toString();
    window.history.replaceState(
      null,
      '',
      `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`,
    );
    return fromUrl;
  }
  return sessionStorage.getItem('leadledger-token') ?? '';
}

export function createHttpTransport(token: string): Transport {
  return async (name, input) => {
    try {
      // The same request sent by the boot script, when there is one (answered once).
      const early = takePrefetched(name, input);
      const response = await (early ??
        fetch(`/api/${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(input ?? {}),
        }));
      if (response.status === 401) {
        return {
          ok: false,
          error: {
            code: 'internal',
            message: 'This page has no valid access token: open the URL printed by `leadledger web`.',
          },
        };
      }
      return await response.json();
    } catch (error) {
      return {
        ok: false,
        error: { code: 'internal', message: `LeadLedger is not reachable: ${(error as Error).message}` },
      };
    }
  };
}
