import type { Database } from 'better-sqlite3';
import { prepared } from '../db/statements';

// Every query here reads the day-rollup tables (never leads/payments/expenses), grouped by month
// so each amount can be converted with its month's rate. See reports-service.ts.

export type LeadMonthRow = {
  source_id: number; month: string; currency: string; leads: number; proposals: number; replies: number;
  interviews: number; wins: number; connects_spent: number; connects_refunded: number; booked_minor: number;
};

export function leadMonths(db: Database, from: string, to: string): LeadMonthRow[] {
  return prepared(
    db,
    `SELECT source_id, substr(day, 1, 7) AS month, currency, SUM(leads) AS leads, SUM(proposals) AS proposals, SUM(replies) AS replies,
            SUM(interviews) AS interviews, SUM(wins) AS wins, SUM(connects_spent) AS connects_spent,
            SUM(connects_refunded) AS connects_refunded, SUM(booked_minor) AS booked_minor
     FROM lead_rollup WHERE day BETWEEN ? AND ? GROUP BY 1, 2, 3`,
  ).all(from, to) as LeadMonthRow[];
}

/** Net connects (spent - refunded) per channel, month and the credit price in force on each day. */
export type ConnectsValueRow = { source_id: number; month: string; price: number | null; price_currency: string | null; net: number };

export function connectsByPrice(db: Database, from: string, to: string): ConnectsValueRow[] {
  return prepared(
    db,
    `SELECT r.source_id, substr(r.day, 1, 7) AS month, cp.unit_price_minor AS price, cp.currency AS price_currency,
            SUM(r.connects_spent - r.connects_refunded) AS net
     FROM lead_rollup r
     LEFT JOIN credit_prices cp ON cp.id = (
       SELECT c.id FROM credit_prices c WHERE c.source_id = r.source_id AND c.effective_from <= r.day ORDER BY c.effective_from DESC LIMIT 1)
     WHERE r.day BETWEEN ? AND ? AND (r.connects_spent != 0 OR r.connects_refunded != 0)
     GROUP BY 1, 2, 3, 4`,
  ).all(from, to) as ConnectsValueRow[];
}

/** Days-to-win histogram per channel (PK prefix per source, so no full scan). */
export function winHistogram(db: Database, sourceIds: readonly number[], from: string, to: string): { source_id: number; days: number; wins: number }[] {
  const statement = prepared(
    db,
    `SELECT source_id, days_to_win AS days, SUM(wins) AS wins FROM win_rollup WHERE source_id = ? AND day BETWEEN ? AND ? GROUP BY days_to_win`,
  );
  return sourceIds.flatMap((id) => statement.all(id, from, to) as { source_id: number; days: number; wins: number }[]);
}

export type PaymentMonthRow = { source_id: number; month: string; currency: string; gross: number; fee: number; payments: number };

export function paymentMonths(db: Database, from: string, to: string): PaymentMonthRow[] {
  return prepared(
    db,
    `SELECT source_id, substr(day, 1, 7) AS month, currency, SUM(gross_minor) AS gross, SUM(fee_minor) AS fee, SUM(payments) AS payments
     FROM payment_rollup WHERE day BETWEEN ? AND ? GROUP BY 1, 2, 3`,
  ).all(from, to) as PaymentMonthRow[];
}

export type ExpenseMonthRow = { source_id: number; month: string; category: string; currency: string; amount: number; expenses: number };

export function expenseMonths(db: Database, from: string, to: string): ExpenseMonthRow[] {
  return prepared(
    db,
    `SELECT source_id, substr(day, 1, 7) AS month, category, currency, SUM(amount_minor) AS amount, SUM(expenses) AS expenses
     FROM expense_rollup WHERE day BETWEEN ? AND ? GROUP BY 1, 2, 3, 4`,
  ).all(from, to) as ExpenseMonthRow[];
}

/**
 * Expenses per channel, month and currency, summed over the categories a basis counts (usage leaves
 * connects purchases out). Fewer groups than per category: the report's hot path.
 */
export function expenseTotals(db: Database, from: string, to: string, withoutConnects: boolean): { source_id: number; month: string; currency: string; amount: number; expenses: number }[] {
  return prepared(
    db,
    `SELECT source_id, substr(day, 1, 7) AS month, currency, SUM(amount_minor) AS amount, SUM(expenses) AS expenses
     FROM expense_rollup WHERE day BETWEEN ? AND ? ${withoutConnects ? "AND category != 'connects'" : ''} GROUP BY 1, 2, 3`,
  ).all(from, to) as { source_id: number; month: string; currency: string; amount: number; expenses: number }[];
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
