import type { ReadableDB } from '../db/handles';

// docs/domain.md §8: proposals are leads with applied_on set. Summed in SQL per channel, credit price
// in force on the lead's created_on, month (for the price's conversion) and factor levels: a few
// thousand rows at any number of leads.

/** A lead's spend: an outbid boost is not charged, never below 0. */
export const spendSql = `max(0, l.connects + iif(l.boost_outcome = 'outbid', 0, l.boost_connects) - l.connects_refunded)`;

/** Each factor's level of a lead (docs/domain.md §8's labels). */
const levelSql = {
  speed: `CASE WHEN l.minutes_after_post IS NULL THEN 'unknown' WHEN l.minutes_after_post < 60 THEN '< 1 h'
    WHEN l.minutes_after_post < 360 THEN '1–6 h' WHEN l.minutes_after_post < 1440 THEN '6–24 h' ELSE '> 1 day' END`,
  competition: `ifnull(l.proposals_when_bid, 'unknown')`,
  boost: `CASE WHEN l.boost_connects <= 0 THEN 'not boosted' WHEN l.boost_outcome IN ('top', 'outbid') THEN l.boost_outcome
    ELSE 'boosted, outcome unknown' END`,
  invited: `iif(l.invited, 'invited', 'not invited')`,
} as const;

const measureSql = {
  proposals: '1',
  viewed: '(l.viewed_on IS NOT NULL OR l.furthest_rank >= 2)',
  replied: 'l.furthest_rank >= 2',
  interviews: 'l.furthest_rank >= 3',
  wins: `l.stage = 'won'`,
} as const;

export type ProposalRecord = {
  id: number;
  title: string;
  client: string;
  stage: string;
  applied_on: string;
  minutes_after_post: number | null;
  proposals_when_bid: string | null;
  boost_connects: number;
  boost_outcome: string | null;
  invited: number;
  viewed_on: string | null;
};

/** The proposals behind one number: a channel, a range, one factor's level, the funnel step; newest first. */
export function proposalsBehind(
  db: ReadableDB,
  q: {
    sourceId: number;
    from?: string | null | undefined;
    to?: string | null | undefined;
    factor?: keyof typeof levelSql | undefined;
    level?: string | undefined;
    measure: keyof typeof measureSql;
    limit: number;
  },
): { total: number; rows: ProposalRecord[] } {
  const where = ['l.applied_on IS NOT NULL', 'l.source_id = ?', measureSql[q.measure]];
  const params: unknown[] = [q.sourceId];
  if (q.from) {
    where.push('l.applied_on >= ?');
    params.push(q.from);
  }
  if (q.to) {
    where.push('l.applied_on <= ?');
    params.push(q.to);
  }
  if (q.factor && q.level !== undefined) {
    where.push(`${levelSql[q.factor]} = ?`);
    params.push(q.level);
  }
  const sql = where.join(' AND ');
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM leads l WHERE ${sql}`).get(...params) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT l.id, l.title, l.client, l.stage, l.applied_on, l.minutes_after_post, l.proposals_when_bid, l.boost_connects, l.boost_outcome, l.invited, l.viewed_on
       FROM leads l WHERE ${sql} ORDER BY l.applied_on DESC, l.id DESC LIMIT ?`,
    )
    .all(...params, q.limit) as ProposalRecord[];
  return { total, rows };
}

export type FunnelRow = {
  source_id: number;
  price: number | null;
  price_currency: string | null;
  month: string;
  speed: string;
  competition: string;
  boost: string;
  invited: number;
  proposals: number;
  viewed: number;
  replied: number;
  interviews: number;
  wins: number;
  spent: number;
  first: string;
  last: string;
};

export function funnelRows(
  db: ReadableDB,
  q: { sourceId?: number | undefined; from?: string | null | undefined; to?: string | null | undefined },
): FunnelRow[] {
  const where = ['l.applied_on IS NOT NULL'];
  const params: unknown[] = [];
  if (q.sourceId !== undefined) {
    where.push('l.source_id = ?');
    params.push(q.sourceId);
  }
  if (q.from) {
    where.push('l.applied_on >= ?');
    params.push(q.from);
  }
  if (q.to) {
    where.push('l.applied_on <= ?');
    params.push(q.to);
  }
  return db
    .prepare(
      `WITH cp AS (
         SELECT source_id, effective_from, unit_price_minor, currency,
                LEAD(effective_from) OVER (PARTITION BY source_id ORDER BY effective_from) AS until
         FROM credit_prices)
       SELECT l.source_id, cp.unit_price_minor AS price, cp.currency AS price_currency, substr(l.created_on, 1, 7) AS month,
              ${levelSql.speed} AS speed, ${levelSql.competition} AS competition, ${levelSql.boost} AS boost, l.invited,
              COUNT(*) AS proposals, SUM(l.viewed_on IS NOT NULL OR l.furthest_rank >= 2) AS viewed, SUM(l.furthest_rank >= 2) AS replied,
              SUM(l.furthest_rank >= 3) AS interviews, SUM(l.stage = 'won') AS wins, SUM(${spendSql}) AS spent,
              MIN(l.applied_on) AS first, MAX(l.applied_on) AS last
       FROM leads l LEFT JOIN cp ON cp.source_id = l.source_id AND cp.effective_from <= l.created_on AND (cp.until IS NULL OR l.created_on < cp.until)
       WHERE ${where.join(' AND ')}
       GROUP BY l.source_id, price, price_currency, month, speed, competition, boost, l.invited`,
    )
    .all(...params) as FunnelRow[];
}

/** Channels with a credit price on any day (costs per view/reply/win are null for the others). */
export function pricedSources(db: ReadableDB): Set<number> {
  return new Set(
    (db.prepare(`SELECT DISTINCT source_id FROM credit_prices`).all() as { source_id: number }[]).map(
      (r) => r.source_id,
    ),
  );
}

export type PlanGroupRow = {
  boosted: number;
  fast: number;
  proposals: number;
  wins: number;
  connects: number;
  top: number;
  outbid: number;
};

export function planGroups(db: ReadableDB, sourceId: number, from: string, to: string): PlanGroupRow[] {
  return db
    .prepare(
      `SELECT boost_connects > 0 AS boosted, ifnull(minutes_after_post < 60, 0) AS fast, COUNT(*) AS proposals, SUM(stage = 'won') AS wins,
              SUM(connects) AS connects, SUM(boost_connects > 0 AND boost_outcome = 'top') AS top, SUM(boost_connects > 0 AND boost_outcome = 'outbid') AS outbid
       FROM leads WHERE source_id = ? AND applied_on BETWEEN ? AND ? GROUP BY boosted, fast`,
    )
    .all(sourceId, from, to) as PlanGroupRow[];
}

/** A won proposal of the window with its payments (gross − fee) per currency and month; no payment: one row of nulls. */
export type WonRow = {
  id: number;
  value_minor: number | null;
  currency: string;
  day: string;
  paid_currency: string | null;
  paid_month: string | null;
  paid_net: number | null;
};

export function wonInWindow(db: ReadableDB, sourceId: number, from: string, to: string): WonRow[] {
  return db
    .prepare(
      `SELECT l.id, l.value_minor, l.currency, ifnull(l.closed_on, l.created_on) AS day,
              p.currency AS paid_currency, substr(p.date, 1, 7) AS paid_month, SUM(p.gross_minor - p.fee_minor) AS paid_net
       FROM leads l INDEXED BY leads_stage_position LEFT JOIN payments p ON p.lead_id = l.id
       WHERE l.stage = 'won' AND l.source_id = ? AND l.applied_on BETWEEN ? AND ?
       GROUP BY l.id, p.currency, paid_month ORDER BY l.id`,
    )
    .all(sourceId, from, to) as WonRow[];
}

/**
 * Sales minutes dated in the window on the window's proposals. An entry on a lead has its lead's
 * channel, so the entries are walked by (channel, date) and their leads looked up by id: half the
 * time of walking every lead of the channel.
 */
export function salesMinutes(db: ReadableDB, sourceId: number, from: string, to: string): number {
  return (
    db
      .prepare(
        `SELECT ifnull(SUM(t.minutes), 0) AS m FROM time_entries t INDEXED BY time_entries_source CROSS JOIN leads l ON l.id = t.lead_id
         WHERE t.source_id = @source AND t.kind = 'sales' AND t.date BETWEEN @from AND @to AND l.source_id = @source AND l.applied_on BETWEEN @from AND @to`,
      )
      .get({ source: sourceId, from, to }) as { m: number }
  ).m;
}
