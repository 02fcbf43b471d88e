import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import type { Finding, Funnel, FunnelLevel } from '../../shared/api/schemas/visibility';
import { type FactorName, factorLevels, factorNames, unknownLevels } from '../../shared/domain/bid-facts';
import { divideHalfEven } from '../../shared/money';
import { differenceInterval, wilson, z95 } from '../../shared/reports/wilson';

// docs/domain.md §8: the funnel of a channel's proposals, per factor level, and the findings.

/** Counts of some proposals, and what their Connects would cost (base minor units, unrounded). */
export type FunnelCounts = {
  proposals: number;
  viewed: number;
  replied: number;
  interviews: number;
  wins: number;
  cost: number;
  priced: boolean;
};

export const emptyCounts = (): FunnelCounts => ({
  proposals: 0,
  viewed: 0,
  replied: 0,
  interviews: 0,
  wins: 0,
  cost: 0,
  priced: false,
});

export function addCounts(to: FunnelCounts, c: FunnelCounts): void {
  to.proposals += c.proposals;
  to.viewed += c.viewed;
  to.replied += c.replied;
  to.interviews += c.interviews;
  to.wins += c.wins;
  to.cost += c.cost;
  to.priced ||= c.priced;
}

/** Rates need 5 proposals: fewer say nothing worth an interval. */
export const minProposals = 5;

function rate(k: number, n: number): Funnel['viewRate'] {
  if (n < minProposals) return null;
  const interval = wilson(k, n, z95)!;
  return { value: k / n, low: interval.low, high: interval.high };
}

const perCount = (cost: number, priced: boolean, k: number) => (!priced || k === 0 ? null : divideHalfEven(cost, k));

export function funnelOf(c: FunnelCounts): Funnel {
  return {
    proposals: c.proposals,
    viewed: c.viewed,
    replied: c.replied,
    interviews: c.interviews,
    wins: c.wins,
    viewRate: rate(c.viewed, c.proposals),
    replyRate: rate(c.replied, c.proposals),
    winRate: rate(c.wins, c.proposals),
    costPerView: perCount(c.cost, c.priced, c.viewed),
    costPerReply: perCount(c.cost, c.priced, c.replied),
    costPerWin: perCount(c.cost, c.priced, c.wins),
  };
}

/** How a level reads in a sentence ("Bids sent within the first hour were viewed more often"). */
const levelPhrase: Record<string, string> = {
  '< 1 h': 'Bids sent within the first hour',
  '1–6 h': 'Bids sent 1 to 6 hours after the job was posted',
  '6–24 h': 'Bids sent 6 to 24 hours after the job was posted',
  '> 1 day': 'Bids sent more than a day after the job was posted',
  '<5': 'Bids on jobs with fewer than 5 proposals',
  '5-10': 'Bids on jobs with 5 to 10 proposals',
  '10-15': 'Bids on jobs with 10 to 15 proposals',
  '15-20': 'Bids on jobs with 15 to 20 proposals',
  '20-50': 'Bids on jobs with 20 to 50 proposals',
  '50+': 'Bids on jobs with 50 or more proposals',
  'not boosted': 'Bids that were not boosted',
  top: 'Boosted bids that won a top slot',
  outbid: 'Boosted bids that were outbid',
  invited: 'Bids on jobs the client invited you to',
  'not invited': 'Bids without an invitation',
};

const percent = (x: number) => `${Math.round(x * 100)}%`;
const points = (x: number) => {
  const p = Math.round(x * 100);
  return `${p > 0 ? '+' : p < 0 ? '−' : '±'}${Math.abs(p)}`;
};

export function findingText(
  level: string,
  levelRate: number,
  othersRate: number,
  low: number,
  high: number,
  proposals: number,
): string {
  return `${levelPhrase[level] ?? level} were viewed more often: ${percent(levelRate)} against ${percent(othersRate)} (95% interval ${points(low)} to ${points(high)} points, ${proposals.toLocaleString('en-US')} proposals)`;
}

/**
 * The finding of one factor: the comparable levels (known, ≥ 5 proposals), the best view rate
 * against the others pooled, Newcombe's interval at z = Φ⁻¹(1 − 0.025 / k); only when it excludes 0.
 */
export function findingOf(factor: FactorName, levels: readonly FunnelLevel[]): Finding | null {
  const comparable = levels.filter((l) => !unknownLevels.has(l.level) && l.proposals >= minProposals);
  const k = comparable.length;
  if (k < 2) return null;
  let best = comparable[0]!;
  for (const l of comparable) if (l.viewed / l.proposals > best.viewed / best.proposals) best = l;
  const others = comparable.filter((l) => l !== best);
  const n2 = others.reduce((s, l) => s + l.proposals, 0);
  const v2 = others.reduce((s, l) => s + l.viewed, 0);
  const z = normalQuantile(1 - 0.025 / k, 0, 1);
  const d = differenceInterval(best.viewed, best.proposals, v2, n2, z)!;
  if (!(d.low > 0 || d.high < 0)) return null;
  const levelRate = best.viewed / best.proposals;
  const othersRate = v2 / n2;
  const proposals = best.proposals + n2;
  return {
    factor,
    level: best.level,
    levelRate,
    othersRate,
    difference: { estimate: d.estimate, low: d.low, high: d.high },
    proposals,
    text: findingText(best.level, levelRate, othersRate, d.low, d.high, proposals),
  };
}

/** One combination of levels with its counts (the repository's grouped rows). */
export type FunnelCell = { levels: Record<FactorName, string>; counts: FunnelCounts };

export function channelFunnel(cells: readonly FunnelCell[]) {
  const total = emptyCounts();
  const byLevel = Object.fromEntries(
    factorNames.map((f) => [f, new Map(factorLevels[f].map((l) => [l, emptyCounts()]))]),
  ) as Record<FactorName, Map<string, FunnelCounts>>;
  for (const cell of cells) {
    addCounts(total, cell.counts);
    for (const f of factorNames) addCounts(byLevel[f].get(cell.levels[f])!, cell.counts);
  }
  const factors = Object.fromEntries(
    factorNames.map((f) => [f, [...byLevel[f]].map(([level, c]) => ({ level, ...funnelOf(c) }))]),
  ) as Record<FactorName, FunnelLevel[]>;
  const findings = factorNames.map((f) => findingOf(f, factors[f])).filter((x): x is Finding => x !== null);
  return { funnel: funnelOf(total), factors, findings };
}
