import type { ReadableDB } from '../db/handles';

/** Proposals of one channel created on a day, split by boosted and won, with their net connects and that day's credit price. */
export type BoostDayRow = {
  day: string;
  boosted: number;
  won: number;
  n: number;
  net: number;
  bids: number;
  price: number | null;
  price_currency: string | null;
};

/** A won proposal with its payments summed per currency and month (no payment: one row with nulls). */
export type WonProposalRow = {
  id: number;
  created_on: string;
  closed_on: string | null;
  boosted: number;
  value_minor: number | null;
  currency: string;
  fee_percent_bp: number | null;
  paid_currency: string | null;
  paid_month: string | null;
  paid_net: number | null;
};

/**
 * Plain and boosted proposals (leads with applied_on) summed per day in SQL: a channel can have
 * 100,000s of leads; read through the (source_id, created_on) index.
 */
export function boostDays(db: ReadableDB, sourceId: number, from: string, to: string): BoostDayRow[] {
  return db
    .prepare(
      `SELECT g.*, cp.unit_price_minor AS price, cp.currency AS price_currency
       FROM (SELECT created_on AS day, boost_connects > 0 AS boosted, stage = 'won' AS won, COUNT(*) AS n,
                    SUM(max(0, connects + iif(boost_outcome = 'outbid', 0, boost_connects) - connects_refunded)) AS net, SUM(boost_connects) AS bids
             FROM leads WHERE source_id = @source AND created_on BETWEEN @from AND @to AND applied_on IS NOT NULL GROUP BY created_on, boost_connects > 0, stage = 'won') g
       LEFT JOIN credit_prices cp ON cp.id = (
         SELECT c.id FROM credit_prices c WHERE c.source_id = @source AND c.effective_from <= g.day ORDER BY c.effective_from DESC LIMIT 1)`,
    )
    .all({ source: sourceId, from, to }) as BoostDayRow[];
}

/** Won proposals are found through the stage index (a few % of all leads), their payments by lead. */
export function wonProposals(db: ReadableDB, sourceId: number, from: string, to: string): WonProposalRow[] {
  return db
    .prepare(
      `SELECT l.id, l.created_on, l.closed_on, l.boost_connects > 0 AS boosted, l.value_minor, l.currency, l.fee_percent_bp,
              p.currency AS paid_currency, substr(p.date, 1, 7) AS paid_month, SUM(p.gross_minor - p.fee_minor) AS paid_net
       FROM leads l INDEXED BY leads_stage_position LEFT JOIN payments p ON p.lead_id = l.id
       WHERE l.stage = 'won' AND l.source_id = ? AND l.created_on BETWEEN ? AND ? AND l.applied_on IS NOT NULL
       GROUP BY l.id, p.currency, paid_month`,
    )
    .all(sourceId, from, to) as WonProposalRow[];
}
