type Pending = Map<string, Promise<Response>>;
declare global {
  interface Window {
    /** Requests the boot script sent before the app's bundle ran (public/boot-prefetch.js), taken once each. */
    __leadledgerPrefetch?: Pending;
  }
}

/** A request's key: its name and its input with keys sorted and undefined values dropped. */
export function prefetchKey(name: string, input: unknown): string {
  const sorted = (value: unknown): unknown =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value as Record<string, unknown>)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([k, v]) => [k, sorted(v)]),
        )
      : value;
  return `${name} ${JSON.stringify(sorted(input ?? {}))}`;
}

/** The answer of the same request sent at boot, once (a later call asks again). */
export function takePrefetched(name: string, input: unknown): Promise<Response> | undefined {
  const pending = window.__leadledgerPrefetch;
  if (!pending?.size) return undefined;
  const key = prefetchKey(name, input);
  const answer = pending.get(key);
  pending.delete(key);
  return answer;
}
