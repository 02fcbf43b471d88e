import { describe, expect, it } from 'vitest';
import { isStale, staleCutoff } from './stale';

describe('stale leads', () => {
  const now = new Date('2026-12-01T12:00:00.000Z');
  it('is an open lead created, applied, moved and worked on only before the cutoff', () => {
    expect(staleCutoff(21, now)).toBe('2026-11-10T12:00:00.000Z');
    const lead = {
      stage: 'applied',
      createdOn: '2026-10-01',
      appliedOn: '2026-10-02',
      lastActivityAt: null,
      lastMovedAt: null,
    };
    expect(isStale(lead, 21, now)).toBe(true);
    expect(isStale(lead, 90, now)).toBe(false);
    expect(isStale({ ...lead, lastActivityAt: '2026-11-20T00:00:00.000Z' }, 21, now)).toBe(false);
    expect(isStale({ ...lead, lastMovedAt: '2026-11-20T00:00:00.000Z' }, 21, now)).toBe(false);
    expect(isStale({ ...lead, appliedOn: '2026-11-25' }, 21, now)).toBe(false);
    expect(isStale({ ...lead, stage: 'won' }, 21, now)).toBe(false);
  });
});
