import type { Database } from 'better-sqlite3';
import { prepared } from '../db/statements';
import { planParams, type RangePlan } from '../rollups/ranges';

// Every query here reads the rollup tables (never leads/payments/expenses), grouped by month so each
// amount can be converted with its month's rate. A range is read in three parts (rollups/ranges.ts):
// the partial month before the first whole month from the day table (@h1..@h2), the whole months
// from the month table (@m1..@m2), the partial month after them from the day table (@t1..@t2).
// Each month comes from exactly one part, and each part yields a channel's months in ascending
// order, so the rows are the same as one day-table read of the whole range. See reports-service.ts.

/** The three parts of a per-month read: `day` selects from a day table (with `range` as its WHERE), `month` from the month table. */
function threeParts(day: (range: string) => string, month: string): string {
  return `${day('day BETWEEN @h1 AND @h2')} UNION ALL ${month} UNION ALL ${day('day BETWEEN @t1 AND @t2')}`;
}

export type LeadMonthRow = {
  source_id: number; month: string; currency: string; leads: number; proposals: number; replies: number;
  interviews: number; wins: number; connects_spent: number; connects_refunded: number; booked_minor: number;
};

const leadValues = 'leads, proposals, replies, interviews, wins, connects_spent, connects_refunded, booked_minor';
const leadSums = leadValues.split(', ').map((c) => `SUM(${c}) AS ${c}`).join(', ');

export function leadMonths(db: Database, plan: RangePlan): LeadMonthRow[] {
  return prepared(
    db,
    threeParts(
      (range) => `SELECT source_id, substr(day, 1, 7) AS month, currency, ${leadSums} FROM lead_rollup WHERE ${range} GROUP BY 1, 2, 3`,
      `SELECT source_id, month, currency, ${leadValues} FROM lead_rollup_month WHERE month BETWEEN @m1 AND @m2`,
    ),
  ).all(planParams(plan)) as LeadMonthRow[];
}

/** Net connects (spent - refunded) per channel, month and the credit price in force on each day. */
export type ConnectsValueRow = { source_id: number; month: string; price: number | null; price_currency: string | null; net: number };

/**
 * A whole month is valued from the month table when the channel's credit price cannot change inside
 * it (no price effective from its 2nd day on): every day then has the price in force on the 1st.
 * Months with such a change are read from the day table, each day at its own price.
 */
export function connectsByPrice(db: Database, plan: RangePlan): ConnectsValueRow[] {
  const priceOn = (day: string) =>
    `LEFT JOIN credit_prices cp ON cp.id = (
       SELECT c.id FROM credit_prices c WHERE c.source_id = r.source_id AND c.effective_from <= ${day} ORDER BY c.effective_from DESC LIMIT 1)`;
  const dayPart = (range: string) =>
    `SELECT r.source_id, substr(r.day, 1, 7) AS month, cp.unit_price_minor AS price, cp.currency AS price_currency,
            SUM(r.connects_spent - r.connects_refunded) AS net
     FROM lead_rollup r ${priceOn('r.day')}
     WHERE r.${range} AND (r.connects_spent != 0 OR r.connects_refunded != 0)
     GROUP BY 1, 2, 3, 4`;
  const changeInside = `c.effective_from BETWEEN r.month || '-02' AND r.month || '-31'`;
  const monthPart = `SELECT r.source_id, r.month, cp.unit_price_minor AS price, cp.currency AS price_currency,
            SUM(r.connects_spent - r.connects_refunded) AS net
     FROM lead_rollup_month r ${priceOn(`r.month || '-01'`)}
     WHERE r.month BETWEEN @m1 AND @m2 AND (r.connects_spent != 0 OR r.connects_refunded != 0)
       AND NOT EXISTS (SELECT 1 FROM credit_prices c WHERE c.source_id = r.source_id AND ${changeInside})
     GROUP BY 1, 2, 3, 4`;
  // The whole months with a price change inside, day by day (a primary-key range of lead_rollup each).
  const splitPart = `SELECT r.source_id, substr(r.day, 1, 7) AS month, cp.unit_price_minor AS price, cp.currency AS price_currency,
            SUM(r.connects_spent - r.connects_refunded) AS net
     FROM (SELECT DISTINCT source_id, substr(effective_from, 1, 7) AS month FROM credit_prices
           WHERE substr(effective_from, 1, 7) BETWEEN @m1 AND @m2 AND substr(effective_from, 9) != '01') s
     JOIN lead_rollup r ON r.source_id = s.source_id AND r.day BETWEEN s.month || '-01' AND s.month || '-31'
     ${priceOn('r.day')}
     WHERE r.connects_spent != 0 OR r.connects_refunded != 0
     GROUP BY 1, 2, 3, 4`;
  return prepared(db, `${threeParts(dayPart, monthPart)} UNION ALL ${splitPart}`).all(planParams(plan)) as ConnectsValueRow[];
}

/** Days-to-win histogram per channel. */
export function winHistogram(db: Database, plan: RangePlan): { source_id: number; days: number; wins: number }[] {
  return prepared(
    db,
    `SELECT source_id, days_to_win AS days, SUM(wins) AS wins FROM (
       SELECT source_id, days_to_win, wins FROM win_rollup WHERE day BETWEEN @h1 AND @h2
       UNION ALL SELECT source_id, days_to_win, wins FROM win_rollup_month WHERE month BETWEEN @m1 AND @m2
       UNION ALL SELECT source_id, days_to_win, wins FROM win_rollup WHERE day BETWEEN @t1 AND @t2)
     GROUP BY 1, 2`,
  ).all(planParams(plan)) as { source_id: number; days: number; wins: number }[];
}

export type PaymentMonthRow = { source_id: number; month: string; currency: string; gross: number; fee: number; payments: number };

export function paymentMonths(db: Database, plan: RangePlan): PaymentMonthRow[] {
  return prepared(
    db,
    threeParts(
      (range) => `SELECT source_id, substr(day, 1, 7) AS month, currency, SUM(gross_minor) AS gross, SUM(fee_minor) AS fee, SUM(payments) AS payments
                  FROM payment_rollup WHERE ${range} GROUP BY 1, 2, 3`,
      `SELECT source_id, month, currency, gross_minor AS gross, fee_minor AS fee, payments FROM payment_rollup_month WHERE month BETWEEN @m1 AND @m2`,
    ),
  ).all(planParams(plan)) as PaymentMonthRow[];
}

export type ExpenseMonthRow = { source_id: number; month: string; category: string; currency: string; amount: number; expenses: number };

export function expenseMonths(db: Database, plan: RangePlan): ExpenseMonthRow[] {
  return prepared(
    db,
    threeParts(
      (range) => `SELECT source_id, substr(day, 1, 7) AS month, category, currency, SUM(amount_minor) AS amount, SUM(expenses) AS expenses
                  FROM expense_rollup WHERE ${range} GROUP BY 1, 2, 3, 4`,
      `SELECT source_id, month, category, currency, amount_minor AS amount, expenses FROM expense_rollup_month WHERE month BETWEEN @m1 AND @m2`,
    ),
  ).all(planParams(plan)) as ExpenseMonthRow[];
}

/**
 * Expenses per channel, month and currency, summed over the categories a basis counts (usage leaves
 * connects purchases out). Fewer groups than per category: the report's hot path.
 */
export function expenseTotals(db: Database, plan: RangePlan, withoutConnects: boolean): { source_id: number; month: string; currency: string; amount: number; expenses: number }[] {
  const counted = withoutConnects ? "AND category != 'connects'" : '';
  return prepared(
    db,
    threeParts(
      (range) => `SELECT source_id, substr(day, 1, 7) AS month, currency, SUM(amount_minor) AS amount, SUM(expenses) AS expenses
                  FROM expense_rollup WHERE ${range} ${counted} GROUP BY 1, 2, 3`,
      `SELECT source_id, month, currency, SUM(amount_minor) AS amount, SUM(expenses) AS expenses
       FROM expense_rollup_month WHERE month BETWEEN @m1 AND @m2 ${counted} GROUP BY month, source_id, currency`,
    ),
  ).all(planParams(plan)) as { source_id: number; month: string; currency: string; amount: number; expenses: number }[];
}

/** Earliest and latest day of any record (for "all time"); one MIN or MAX per subquery so each is an index probe. */
export function recordSpan(db: Database): { first: string | null; last: string | null } {
  const row = prepared(
    db,
    `SELECT (SELECT MIN(day) FROM lead_rollup) AS l1, (SELECT MAX(day) FROM lead_rollup) AS l2,
            (SELECT MIN(day) FROM payment_rollup) AS p1, (SELECT MAX(day) FROM payment_rollup) AS p2,
            (SELECT MIN(day) FROM expense_rollup) AS e1, (SELECT MAX(day) FROM expense_rollup) AS e2,
            (SELECT MIN(starts_on) FROM subscriptions) AS s1, (SELECT MAX(COALESCE(ends_on, starts_on)) FROM subscriptions) AS s2`,
  ).get() as Record<string, string | null>;
  const pick = (keys: string[], better: (a: string, b: string) => boolean) =>
    keys.map((k) => row[k]).reduce<string | null>((best, v) => (v == null ? best : best === null || better(v, best) ? v : best), null);
  return { first: pick(['l1', 'p1', 'e1', 's1'], (a, b) => a < b), last: pick(['l2', 'p2', 'e2', 's2'], (a, b) => a > b) };
}
