import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';
import { stats } from './stats';

const median = (xs: readonly number[]) => stats([...xs]).median;

/** What a paired comparison of two trees says about "more than `limit` slower" (docs/performance.md, "Method"). */
export type Verdict = 'not slower' | 'slower' | 'undecided';

export type Paired = {
  pairs: number;
  beforeMedian: number;
  afterMedian: number;
  /** Median of the ratios after / before (of pairs, or of runs: judgeRatios). */
  ratio: number;
  /** Distribution-free 95% interval of that median (order statistics of the ratios). */
  low: number;
  high: number;
  verdict: Verdict;
};

/**
 * The 1-based rank k of the order statistics [x(k), x(n+1-k)] that cover the median with at least `level`
 * confidence: the largest k with P(Binomial(n, ½) ≤ k − 1) ≤ (1 − level) / 2; 0 when n is too small for it.
 */
export function medianRank(n: number, level = 0.95): number {
  let k = 0;
  while (k + 1 <= n / 2 && binomialCdf(k, n, 0.5) <= (1 - level) / 2) k += 1;
  return k;
}

/**
 * Compares timings taken in pairs (one run of each tree, back to back, so both see the same machine): the ratio
 * after / before of each pair, its median, and the interval of that median. "slower" when the whole interval lies
 * above 1 + limit, "not slower" when it lies at or below it, otherwise "undecided" (more pairs are needed).
 */
export function comparePaired(before: readonly number[], after: readonly number[], limit = 0.1): Paired {
  if (before.length !== after.length || before.length === 0)
    throw new Error('paired samples of equal, non-zero length');
  return {
    ...judgeRatios(
      before.map((b, i) => after[i]! / b),
      limit,
    ),
    beforeMedian: median(before),
    afterMedian: median(after),
  };
}

/**
 * The median of ratios after / before, its distribution-free 95% interval (order statistics of the sign test) and the
 * verdict: "slower" when the whole interval lies above 1 + limit, "not slower" when it lies at or below it, otherwise
 * "undecided". The ratios are of pairs, or of whole runs (each run's median ratio) when a run-level factor (the
 * processes' placement on the cores) moves every pair of a run alike.
 */
export function judgeRatios(ratios: readonly number[], limit = 0.1): Omit<Paired, 'beforeMedian' | 'afterMedian'> {
  const sorted = [...ratios].sort((a, b) => a - b);
  const n = sorted.length;
  const k = medianRank(n);
  const low = k > 0 ? sorted[k - 1]! : -Infinity;
  const high = k > 0 ? sorted[n - k]! : Infinity;
  const verdict: Verdict = low > 1 + limit ? 'slower' : high <= 1 + limit ? 'not slower' : 'undecided';
  return { pairs: n, ratio: median(sorted), low, high, verdict };
}
