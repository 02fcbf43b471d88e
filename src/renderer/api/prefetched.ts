/** An answer read by the boot script: its HTTP status and its parsed body (null when it was not JSON). */
export type BootAnswer = { status: number; body: unknown };
type Pending = Map<string, Promise<BootAnswer>>;
declare global {
  interface Window {
    /** Requests the boot script sent before the app's bundle ran (public/boot-prefetch.js), taken once each. */
    __leadledgerPrefetch?: Pending;
    /** The same answers once they have arrived and been parsed, so a first render can draw them. */
    __leadledgerReady?: Map<string, BootAnswer>;
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

const asResponse = (answer: BootAnswer): Pick<Response, 'status' | 'json'> => ({
  status: answer.status,
  json: async () => {
    if (answer.body === null) throw new Error('the answer was not JSON');
    return answer.body;
  },
});

/** The answer of the same request sent at boot, once (a later call asks again). */
export function takePrefetched(name: string, input: unknown): Promise<Pick<Response, 'status' | 'json'>> | undefined {
  const pending = window.__leadledgerPrefetch;
  if (!pending?.size) return undefined;
  const key = prefetchKey(name, input);
  const answer = pending.get(key);
  pending.delete(key);
  window.__leadledgerReady?.delete(key);
  return answer?.then(asResponse);
}

/**
 * The value of the same request sent at boot if it has already arrived and succeeded, synchronously, once (the
 * transport will not hand it out again); undefined otherwise, and the caller asks as usual.
 */
export function takeReady<T>(name: string, input: unknown): T | undefined {
  const key = prefetchKey(name, input);
  const answer = window.__leadledgerReady?.get(key);
  const body = answer?.body as { ok?: boolean; value?: T } | null | undefined;
  if (answer?.status !== 200 || !body?.ok) return undefined;
  window.__leadledgerReady!.delete(key);
  window.__leadledgerPrefetch?.delete(key);
  return body.value;
}

/** Resolves once every boot request has been answered and read, or after `ms`, whichever comes first. */
export function bootAnswers(ms: number): Promise<void> {
  const pending = window.__leadledgerPrefetch;
  if (!pending?.size) return Promise.resolve();
  return Promise.race([
    Promise.allSettled([...pending.values()]).then(() => undefined),
    new Promise<void>((resolve) => setTimeout(resolve, ms)),
  ]);
}
