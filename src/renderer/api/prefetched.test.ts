import { describe, expect, it } from 'vitest';
import { prefetchKey } from './prefetched';

describe('boot prefetch keys', () => {
  it('match whatever key order and undefined values the callers send', () => {
    expect(prefetchKey('leads:board', { search: undefined, closedFrom: '2026-11-06', perColumn: 50 })).toBe(
      'leads:board {"closedFrom":"2026-11-06","perColumn":50}',
    );
    expect(prefetchKey('preferences:get', {})).toBe('preferences:get {}');
  });
});
