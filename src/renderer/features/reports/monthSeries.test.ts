import { describe, expect, it } from 'vitest';
import { fillMonths } from './monthSeries';

describe('monthly chart series', () => {
  it('draws the empty months between the first and the last at 0, across a year end', () => {
    const data = fillMonths(
      [
        { month: '2026-11', profit: { Upwork: 500 } },
        { month: '2027-02', profit: { Upwork: -20, Referral: 90 } },
      ],
      ['Upwork', 'Referral'],
    );
    expect(data.map((d) => d.month)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(data[1]).toEqual({ month: '2026-12', Upwork: 0, Referral: 0 });
    expect(data[3]).toEqual({ month: '2027-02', Upwork: -20, Referral: 90 });
    expect(fillMonths([], ['Upwork'])).toEqual([]);
  });
});
