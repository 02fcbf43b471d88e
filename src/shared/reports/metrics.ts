import { divideHalfEven } from '../money';

/** What the report sums per channel (money already in base minor units). */
export type ChannelSums = {
  leads: number;
  proposals: number;
  replies: number;
  interviews: number;
  wins: number;
  connectsSpent: number;
  connectsRefunded: number;
  /** Credits that expired unused in the range (docs/domain.md §5). */
  connectsExpired: number;
  revenue: number;
  fees: number;
  costs: number;
  booked: number;
  /** Minutes of time entries dated in the range (docs/domain.md §6). */
  salesMinutes: number;
  deliveryMinutes: number;
  /** days_to_win -> number of wins (win_rollup). */
  daysToWin: Map<number, number>;
};

export type ChannelMetrics = {
  leads: number;
  proposals: number;
  replies: number;
  interviews: number;
  wins: number;
  winRate: number | null;
  connectsSpent: number;
  connectsRefunded: number;
  connectsExpired: number;
  connectsPerWin: number | null;
  revenue: number;
  fees: number;
  costs: number;
  profit: number;
  roi: number | null;
  costPerLead: number | null;
  costPerWin: number | null;
  revenuePerConnect: number | null;
  booked: number;
  medianDaysToWin: number | null;
  salesHours: number;
  deliveryHours: number;
  profitPerHour: number | null;
  salesHoursPerWin: number | null;
};

export function emptySums(): ChannelSums {
  return {
    leads: 0,
    proposals: 0,
    replies: 0,
    interviews: 0,
    wins: 0,
    connectsSpent: 0,
    connectsRefunded: 0,
    connectsExpired: 0,
    revenue: 0,
    fees: 0,
    costs: 0,
    booked: 0,
    salesMinutes: 0,
    deliveryMinutes: 0,
    daysToWin: new Map(),
  };
}

export function addSums(into: ChannelSums, from: ChannelSums): void {
  for (const key of [
    'leads',
    'proposals',
    'replies',
    'interviews',
    'wins',
    'connectsSpent',
    'connectsRefunded',
    'connectsExpired',
    'revenue',
    'fees',
    'costs',
    'booked',
    'salesMinutes',
    'deliveryMinutes',
  ] as const) {
    into[key] += from[key];
  }
  for (const [days, n] of from.daysToWin) into.daysToWin.set(days, (into.daysToWin.get(days) ?? 0) + n);
}

/** Median of a histogram value -> count; the mean of the two middle values when the count is even. */
export function medianFromHistogram(histogram: ReadonlyMap<number, number>): number | null {
  const entries = [...histogram.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return null;
  const valueAt = (index: number) => {
    let seen = 0;
    for (const [value, n] of entries) {
      seen += n;
      if (index < seen) return value;
    }
    return entries.at(-1)![0];
  };
  if (total % 2 === 1) return valueAt((total - 1) / 2);
  return (valueAt(total / 2 - 1) + valueAt(total / 2)) / 2;
}

const ratio = (numerator: number, denominator: number) =>
  denominator === 0 ? null : divideHalfEven(numerator, denominator);

/** The derived fields of docs/domain.md §4; division by zero gives null. */
export function channelMetrics(s: ChannelSums): ChannelMetrics {
  const profit = s.revenue - s.fees - s.costs;
  const spend = s.fees + s.costs;
  const netConnects = s.connectsSpent - s.connectsRefunded;
  return {
    leads: s.leads,
    proposals: s.proposals,
    replies: s.replies,
    interviews: s.interviews,
    wins: s.wins,
    winRate: s.leads === 0 ? null : s.wins / s.leads,
    connectsSpent: s.connectsSpent,
    connectsRefunded: s.connectsRefunded,
    connectsExpired: s.connectsExpired,
    connectsPerWin: ratio(netConnects, s.wins),
    revenue: s.revenue,
    fees: s.fees,
    costs: s.costs,
    profit,
    roi: spend === 0 ? null : profit / spend,
    costPerLead: ratio(s.costs, s.leads),
    costPerWin: ratio(s.costs, s.wins),
    revenuePerConnect: ratio(s.revenue, netConnects),
    booked: s.booked,
    medianDaysToWin: medianFromHistogram(s.daysToWin),
    ...hourMetrics(profit, s),
  };
}

/**
 * docs/domain.md §6 from the report's final profit (so any attribution of revenue carries through):
 * profit per hour = profit × 60 / minutes in minor units, rounded half to even; hours at full precision.
 */
export function hourMetrics(profit: number, s: Pick<ChannelSums, 'salesMinutes' | 'deliveryMinutes' | 'wins'>) {
  const minutes = s.salesMinutes + s.deliveryMinutes;
  return {
    salesHours: s.salesMinutes / 60,
    deliveryHours: s.deliveryMinutes / 60,
    profitPerHour: ratio(profit * 60, minutes),
    salesHoursPerWin: s.wins === 0 ? null : s.salesMinutes / 60 / s.wins,
  };
}

/** A channel is listed when any of its fields is non-zero in the range (hours too: a channel with hours and no money shows). */
export function hasActivity(s: ChannelSums): boolean {
  return (
    s.leads !== 0 ||
    s.proposals !== 0 ||
    s.connectsSpent !== 0 ||
    s.connectsRefunded !== 0 ||
    s.connectsExpired !== 0 ||
    s.revenue !== 0 ||
    s.fees !== 0 ||
    s.costs !== 0 ||
    s.booked !== 0 ||
    s.salesMinutes !== 0 ||
    s.deliveryMinutes !== 0
  );
}
