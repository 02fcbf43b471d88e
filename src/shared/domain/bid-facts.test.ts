import { describe, expect, it } from 'vitest';
import { formatPostedAgo, parsePostedAgo, spentConnects } from './bid-facts';

// docs/domain.md §8.1: the form takes "posted 25 min ago", "2 h", "1 day".
describe('posted … ago', () => {
  it('reads what people type, in whole minutes', () => {
    const cases: [string, number | null | undefined][] = [
      ['posted 25 min ago', 25],
      ['25 min', 25],
      ['2 h', 120],
      ['2 hrs', 120],
      ['1 day', 1440],
      ['3 days ago', 4320],
      ['1.5 hours', 90],
      ['1,5 h', 90],
      ['45', 45],
      ['3 h 10 min', 190],
      ['Posted 1 Day Ago', 1440],
      ['', null],
      ['   ', null],
      ['soon', undefined],
      ['2 weeks', undefined],
      ['-5 min', undefined],
      ['h', undefined],
    ];
    for (const [text, minutes] of cases) expect(parsePostedAgo(text), text).toBe(minutes);
  });

  it('shows minutes the way the form reads them back', () => {
    for (const m of [0, 25, 59, 60, 90, 120, 190, 1439, 1440, 2880, 3000])
      expect(parsePostedAgo(formatPostedAgo(m)), String(m)).toBe(m);
    expect([
      formatPostedAgo(25),
      formatPostedAgo(120),
      formatPostedAgo(1440),
      formatPostedAgo(190),
      formatPostedAgo(null),
    ]).toEqual(['25 min', '2 h', '1 day', '3 h 10 min', '']);
  });

  it('spends no Connects on an outbid boost, never below 0', () => {
    expect(spentConnects(6, 10, 0, 'top')).toBe(16);
    expect(spentConnects(6, 10, 0, null)).toBe(16);
    expect(spentConnects(6, 10, 0, 'outbid')).toBe(6);
    expect(spentConnects(0, 10, 4, 'outbid')).toBe(0);
  });
});
