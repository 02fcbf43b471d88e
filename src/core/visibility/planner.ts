import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import type { PlanReport } from '../../shared/api/schemas/visibility';
import { divideHalfEven } from '../../shared/money';
import { minProposals } from './funnel';

// docs/domain.md §8 "Numbers of the planner, exactly": Jeffreys posteriors per group, 80% intervals
// from their 10th and 90th percentiles, money from unrounded parts rounded once.

/** History proposals of one group: boosted or not, fast (< 60 minutes after the post) or not. */
export type HistoryGroup = { boosted: boolean; fast: boolean; proposals: number; wins: number };

export type PlannerHistory = {
  groups: readonly HistoryGroup[];
  /** Sum of the bids' own Connects (boost not included) over the history. */
  connects: number;
  /** Boosts known charged (`top`) and not (`outbid`). */
  top: number;
  outbid: number;
  /** Net revenue of each won proposal (base minor units). */
  wonRevenue: readonly number[];
  salesMinutes: number;
};

export type PlannerInputs = { proposals: number; boosted: number; boost: number; fast: number | null };
export type PlannerMoney = { creditPrice: number; balance: number; nextAllowance: number };

type Counts = { proposals: number; wins: number };
const sum = (gs: readonly HistoryGroup[], keep: (g: HistoryGroup) => boolean): Counts =>
  gs
    .filter(keep)
    .reduce((a, g) => ({ proposals: a.proposals + g.proposals, wins: a.wins + g.wins }), { proposals: 0, wins: 0 });

const roundMoney = (x: number) => divideHalfEven(x, 1);

export function planMonth(history: PlannerHistory, inputs: PlannerInputs, money: PlannerMoney): PlanReport['month'] {
  const { proposals: N, boosted: B, boost: K, fast: F } = inputs;
  const whole = sum(history.groups, () => true);
  const echo = { proposals: N, boosted: B, fast: F };
  if (whole.proposals < minProposals) {
    return {
      ...echo,
      wins: null,
      connectsNeeded: null,
      connectsCost: null,
      revenue: null,
      profit: null,
      salesHours: null,
      profitPerHour: null,
      connectsToBuy: null,
    };
  }
  // The planned proposals of each group with the history it is estimated from.
  const parts: { planned: number; history: Counts }[] = [];
  for (const boosted of [true, false]) {
    const parent = sum(history.groups, (g) => g.boosted === boosted);
    const parentHistory = parent.proposals >= minProposals ? parent : whole;
    const planned = boosted ? B : N - B;
    if (F === null) {
      parts.push({ planned, history: parentHistory });
      continue;
    }
    const fastShare = N === 0 ? 0 : (F * B) / N;
    const fastPlanned = boosted ? fastShare : F - fastShare;
    for (const fast of [true, false]) {
      const own = sum(history.groups, (g) => g.boosted === boosted && g.fast === fast);
      parts.push({
        planned: fast ? fastPlanned : planned - fastPlanned,
        history: own.proposals >= minProposals ? own : parentHistory,
      });
    }
  }
  let expected = 0;
  let low = 0;
  let high = 0;
  for (const { planned, history: h } of parts) {
    if (planned === 0) continue;
    const a = h.wins + 0.5;
    const b = h.proposals - h.wins + 0.5;
    expected += (planned * a) / (h.proposals + 1);
    low += planned * betaQuantile(0.1, a, b);
    high += planned * betaQuantile(0.9, a, b);
  }
  const perWin =
    history.wonRevenue.length === 0 ? 0 : history.wonRevenue.reduce((s, r) => s + r, 0) / history.wonRevenue.length;
  const charged = history.top + history.outbid === 0 ? 1 : history.top / (history.top + history.outbid);
  const needed = (N * history.connects) / whole.proposals + B * K * charged;
  const cost = needed * money.creditPrice;
  const salesHours = (N * history.salesMinutes) / whole.proposals / 60;
  const estimate = (f: (wins: number) => number) => ({
    expected: roundMoney(f(expected)),
    low: roundMoney(f(low)),
    high: roundMoney(f(high)),
  });
  const toBuy = needed - (money.balance + money.nextAllowance);
  return {
    ...echo,
    wins: { expected, low, high },
    connectsNeeded: needed,
    connectsCost: roundMoney(cost),
    revenue: estimate((w) => w * perWin),
    profit: estimate((w) => w * perWin - cost),
    salesHours,
    profitPerHour: salesHours === 0 ? null : estimate((w) => (w * perWin - cost) / salesHours),
    connectsToBuy: toBuy <= 0 ? 0 : Math.ceil(toBuy / 10 - 1e-9) * 10,
  };
}
