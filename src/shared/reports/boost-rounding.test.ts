import { describe, expect, it } from 'vitest';
import { analyseBoost, type BoostProposal } from './boost';

// docs/domain.md §4: money divided is rounded half to even, the boost advisor's figures included.
const p = (over: Partial<BoostProposal>): BoostProposal => ({
  boosted: false,
  won: false,
  netConnects: 0,
  connectsCostMinor: 0,
  netRevenueMinor: 0,
  ...over,
});

describe('boost advisor rounding', () => {
  it('costPerWin and averageNetRevenuePerWin round half to even', () => {
    // 5 / 2 = 2.5 -> 2 (half up gave 3); 7 / 2 = 3.5 -> 4.
    const a = analyseBoost(
      [p({ won: true, connectsCostMinor: 5, netRevenueMinor: 25 }), p({ won: true, netRevenueMinor: 0 })],
      15,
    );
    expect(a.unboosted.costPerWin).toBe(2);
    expect(a.averageNetRevenuePerWin).toBe(12); // 25 / 2 = 12.5 -> 12
    const b = analyseBoost(
      [p({ boosted: true, won: true, connectsCostMinor: 7, netRevenueMinor: 27 }), p({ boosted: true, won: true })],
      15,
    );
    expect(b.boosted.costPerWin).toBe(4);
    expect(b.averageNetRevenuePerWin).toBe(14); // 13.5 -> 14
  });
});
