import { afterEach, describe, expect, it, vi } from 'vitest';
import { bootAnswers, prefetchKey, takePrefetched, takeReady } from './prefetched';

describe('boot prefetch keys', () => {
  it('match whatever key order and undefined values the callers send', () => {
    expect(prefetchKey('leads:board', { search: undefined, closedFrom: '2026-11-06', perColumn: 50 })).toBe(
      'leads:board {"closedFrom":"2026-11-06","perColumn":50}',
    );
    expect(prefetchKey('preferences:get', {})).toBe('preferences:get {}');
  });
});

describe('boot answers', () => {
  const key = 'leads:board {"perColumn":50}';
  const boot = (body: unknown, status = 200) => {
    const answer = { status, body };
    const w = {
      __leadledgerPrefetch: new Map([[key, Promise.resolve(answer)]]),
      __leadledgerReady: new Map([[key, answer]]),
    };
    vi.stubGlobal('window', w);
    return w;
  };
  afterEach(() => vi.unstubAllGlobals());

  it('hands a read answer to the first render once, and the transport does not send it again', async () => {
    const w = boot({ ok: true, value: { columns: [] } });
    expect(takeReady('leads:board', { perColumn: 50, search: undefined })).toEqual({ columns: [] });
    expect(takeReady('leads:board', { perColumn: 50 })).toBeUndefined();
    expect(w.__leadledgerPrefetch.size).toBe(0);
    expect(takePrefetched('leads:board', { perColumn: 50 })).toBeUndefined();
  });

  it('leaves an error answer to the transport', async () => {
    boot({ ok: false, error: { code: 'internal', message: 'x' } });
    expect(takeReady('leads:board', { perColumn: 50 })).toBeUndefined();
    const response = await takePrefetched('leads:board', { perColumn: 50 });
    expect(await response?.json()).toEqual({ ok: false, error: { code: 'internal', message: 'x' } });
  });

  it('waits for the answers at most the time given', async () => {
    vi.stubGlobal('window', { __leadledgerPrefetch: new Map([[key, new Promise(() => {})]]) });
    const started = performance.now();
    await bootAnswers(30);
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
    vi.stubGlobal('window', {});
    await expect(bootAnswers(10_000)).resolves.toBeUndefined();
  });
});
