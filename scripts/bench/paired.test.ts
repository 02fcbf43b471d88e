import { describe, expect, it } from 'vitest';
import { comparePaired, medianRank } from './paired';

describe('medianRank', () => {
  it('gives the order statistics of the sign test (tables of the binomial, p = ½, two-sided 95%)', () => {
    // P(Bin(n, ½) ≤ k − 1) ≤ 0.025: n = 6 → k = 1 (1/64); n = 20 → k = 6 (P(≤ 5) = 0.0207, P(≤ 6) = 0.0577);
    // n = 5 is too small (1/32 > 0.025).
    expect(medianRank(5)).toBe(0);
    expect(medianRank(6)).toBe(1);
    expect(medianRank(8)).toBe(1);
    expect(medianRank(9)).toBe(2);
    expect(medianRank(20)).toBe(6);
  });
});

describe('comparePaired', () => {
  const before = [10, 11, 9, 10, 12, 10, 11, 10, 9, 10];

  it('says "slower" when every pair is 30% slower', () => {
    const p = comparePaired(
      before,
      before.map((b) => b * 1.3),
    );
    expect(p.ratio).toBeCloseTo(1.3, 10);
    expect(p.low).toBeCloseTo(1.3, 10);
    expect(p.verdict).toBe('slower');
  });

  it('says "not slower" when the pairs agree within a few percent', () => {
    const after = before.map((b, i) => b * (i % 2 ? 1.03 : 0.98));
    const p = comparePaired(before, after);
    expect(p.high).toBeCloseTo(1.03, 10);
    expect(p.verdict).toBe('not slower');
  });

  it('says "undecided" when the pairs spread across the limit, and with too few pairs', () => {
    const spread = before.map((b, i) => b * [0.8, 1.4][i % 2]!);
    expect(comparePaired(before, spread).verdict).toBe('undecided');
    expect(comparePaired([10, 10, 10], [10, 10, 10]).verdict).toBe('undecided');
  });

  it('takes each ratio within its pair, so a drift of the machine over the run cancels out', () => {
    // the machine slows down threefold over the run; the after tree is 5% faster in every pair
    const drifting = before.map((b, i) => b * (1 + i / 4));
    const p = comparePaired(
      drifting,
      drifting.map((b) => b * 0.95),
    );
    expect(p.ratio).toBeCloseTo(0.95, 10);
    expect(p.verdict).toBe('not slower');
    expect(p.afterMedian).toBeLessThan(p.beforeMedian);
  });

  it('refuses samples that are not pairs', () => {
    expect(() => comparePaired([1, 2], [1])).toThrow('paired samples');
  });
});
