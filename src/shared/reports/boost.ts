import { divideHalfEven } from '../money';
import { differenceInterval } from './wilson';

/** One proposal on a credit channel (or `proposals` alike ones summed), money in base minor units. */
export type BoostProposal = {
  boosted: boolean;
  won: boolean;
  /** How many proposals this entry sums (default 1). */
  proposals?: number;
  /** connects + boost_connects - connects_refunded */
  netConnects: number;
  /** Boost connects bid (summed like the rest). */
  boostConnects?: number;
  /** netConnects valued at the credit price of the lead's day. */
  connectsCostMinor: number;
  /** Net revenue (gross - fee of linked payments) of a won lead, else its booked value. */
  netRevenueMinor: number;
};

export type BoostGroup = {
  proposals: number;
  wins: number;
  winRate: number | null;
  connectsPerWin: number | null;
  costPerWin: number | null;
};

export type BoostAnalysis = {
  boosted: BoostGroup;
  unboosted: BoostGroup;
  /** Win rate boosted − not boosted with its 95% interval (Newcombe's, from Wilson intervals); null when a group is empty. */
  uplift: { estimate: number; low: number; high: number } | null;
  /** The interval includes zero (or a group is empty): no break-even bid. */
  notEnoughData: boolean;
  /** The user's average boost bid over the boosted proposals. */
  averageBoostBid: number | null;
  averageNetRevenuePerWin: number | null;
  /** Largest boost bid in connects that paid for itself; null when not enough data. */
  breakEvenBoostConnects: number | null;
};

const size = (p: BoostProposal) => p.proposals ?? 1;

function group(list: readonly BoostProposal[]): BoostGroup {
  const proposals = list.reduce((sum, p) => sum + size(p), 0);
  const wins = list.reduce((sum, p) => sum + (p.won ? size(p) : 0), 0);
  const connects = list.reduce((sum, p) => sum + p.netConnects, 0);
  const cost = list.reduce((sum, p) => sum + p.connectsCostMinor, 0);
  return {
    proposals,
    wins,
    winRate: proposals === 0 ? null : wins / proposals,
    connectsPerWin: wins === 0 ? null : connects / wins,
    costPerWin: wins === 0 ? null : divideHalfEven(cost, wins),
  };
}

/**
 * Break-even boost bid: boosting a proposal raises its chance of winning by
 * uplift = winRate(boosted) - winRate(unboosted); each extra win brings the average net revenue
 * per win (over all won proposals). A bid of B connects costs B x today's credit price, so it pays
 * for itself while B x price <= uplift x averageNetRevenuePerWin:
 *   breakEven = floor(uplift x averageNetRevenuePerWin / creditPrice), and 0 when boosting did not help.
 * Given only when the 95% interval of the uplift excludes zero (docs/domain.md §4.5): on a handful of wins the
 * difference is noise, and a number would read as advice.
 */
export function analyseBoost(proposals: readonly BoostProposal[], creditPriceMinor: number): BoostAnalysis {
  const boostedList = proposals.filter((p) => p.boosted);
  const unboostedList = proposals.filter((p) => !p.boosted);
  const boosted = group(boostedList);
  const unboosted = group(unboostedList);
  const winCount = boosted.wins + unboosted.wins;
  const netRevenueOfWins = proposals.reduce((sum, p) => sum + (p.won ? p.netRevenueMinor : 0), 0);
  const averageNetRevenuePerWin = winCount === 0 ? null : netRevenueOfWins / winCount;
  const uplift = differenceInterval(boosted.wins, boosted.proposals, unboosted.wins, unboosted.proposals);
  const notEnoughData = uplift === null || (uplift.low <= 0 && uplift.high >= 0);
  let breakEvenBoostConnects: number | null = null;
  if (!notEnoughData && creditPriceMinor > 0) {
    const gain = uplift.estimate;
    breakEvenBoostConnects =
      gain <= 0 || averageNetRevenuePerWin === null
        ? 0
        : Math.max(0, Math.floor((gain * averageNetRevenuePerWin) / creditPriceMinor + 1e-9));
  }
  const bids = boostedList.reduce((sum, p) => sum + (p.boostConnects ?? 0), 0);
  return {
    boosted,
    unboosted,
    uplift,
    notEnoughData,
    averageBoostBid: boosted.proposals === 0 ? null : bids / boosted.proposals,
    // Money divided: minor units, half to even (docs/domain.md §4).
    averageNetRevenuePerWin: winCount === 0 ? null : divideHalfEven(netRevenueOfWins, winCount),
    breakEvenBoostConnects,
  };
}
