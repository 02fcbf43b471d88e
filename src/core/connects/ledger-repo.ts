import type { ReadableDB, WritableDB } from '../db/handles';
import { prepared } from '../db/statements';

// The credits ledger reads daily totals from the rollups (never leads or expenses), so it costs a
// few thousand rows per channel at any number of leads (docs/domain.md §5).

export type CreditSourceRecord = {
  id: number;
  name: string;
  credit_name: string;
  free_credits_monthly: number;
  archived: number;
};

export function creditSources(db: ReadableDB): CreditSourceRecord[] {
  return prepared(
    db,
    `SELECT id, name, credit_name, free_credits_monthly, archived FROM sources WHERE credit_name IS NOT NULL ORDER BY sort_order, name`,
  ).all() as CreditSourceRecord[];
}

/** Net credits spent per day (connects + boost − refunded, summed over the day's leads; never negative per lead). */
export function dailySpends(
  db: ReadableDB,
  sourceId: number,
  from: string,
  to: string,
): { day: string; count: number }[] {
  return prepared(
    db,
    `SELECT day, SUM(connects_spent) - SUM(connects_refunded) AS count FROM lead_rollup
     WHERE source_id = ? AND day BETWEEN ? AND ? GROUP BY day HAVING count > 0 ORDER BY day`,
  ).all(sourceId, from, to) as { day: string; count: number }[];
}

/**
 * Credit purchases (expenses of category connects) per day and currency from the rollups: count bought,
 * what they cost and how many expenses the row sums (more than one: read them one by one, `purchasesBetween`).
 */
export function dailyPurchases(
  db: ReadableDB,
  sourceId: number,
  from: string,
  to: string,
): { day: string; currency: string; count: number; amount: number; expenses: number }[] {
  return prepared(
    db,
    `SELECT day, currency, SUM(connects_bought) AS count, SUM(amount_minor) AS amount, SUM(expenses) AS expenses FROM expense_rollup
     WHERE source_id = ? AND category = 'connects' AND day BETWEEN ? AND ? GROUP BY day, currency ORDER BY day`,
  ).all(sourceId, from, to) as { day: string; currency: string; count: number; amount: number; expenses: number }[];
}

/**
 * The connects purchases of the days `from`..`to` (count 0 included) by day, in the order they were
 * entered, as raw [day, currency, count, amount] rows: one walk of the covering index
 * expenses_connects instead of one query per day (7,000 days of several purchases at 1M expenses).
 */
export function purchasesBetween(
  db: ReadableDB,
  sourceId: number,
  from: string,
  to: string,
): [string, string, number, number][] {
  return prepared(
    db,
    `SELECT date, currency, connects, amount_minor FROM expenses
     WHERE source_id = ? AND category = 'connects' AND date BETWEEN ? AND ? ORDER BY date, id`,
  )
    .raw(true)
    .all(sourceId, from, to) as [string, string, number, number][];
}

/** The first day with credits spent or bought (the assumed start of a ledger without an opening balance). */
export function firstCreditDay(db: ReadableDB, sourceId: number): string | null {
  const row = prepared(
    db,
    `SELECT MIN(d) AS d FROM (
       SELECT MIN(day) AS d FROM lead_rollup WHERE source_id = ? AND connects_spent > 0
       UNION ALL SELECT MIN(day) FROM expense_rollup WHERE source_id = ? AND category = 'connects' AND connects_bought > 0)`,
  ).get(sourceId, sourceId) as { d: string | null };
  return row.d;
}

export type CreditEntryRecord = {
  id: number;
  source_id: number;
  kind: 'opening' | 'adjustment';
  on_date: string;
  count: number;
  note: string;
  created_at: string;
};

export function creditEntries(db: ReadableDB, sourceId: number): CreditEntryRecord[] {
  return prepared(db, `SELECT * FROM credit_entries WHERE source_id = ? ORDER BY on_date, id`).all(
    sourceId,
  ) as CreditEntryRecord[];
}

export function getCreditEntry(db: ReadableDB, id: number): CreditEntryRecord | undefined {
  return prepared(db, `SELECT * FROM credit_entries WHERE id = ?`).get(id) as CreditEntryRecord | undefined;
}

/** Sets the channel's opening balance, replacing the one it had. */
export function replaceOpening(
  db: WritableDB,
  sourceId: number,
  onDate: string,
  count: number,
  createdAt: string,
): number {
  prepared(db, `DELETE FROM credit_entries WHERE source_id = ? AND kind = 'opening'`).run(sourceId);
  return Number(
    prepared(
      db,
      `INSERT INTO credit_entries (source_id, kind, on_date, count, note, created_at) VALUES (?, 'opening', ?, ?, '', ?)`,
    ).run(sourceId, onDate, count, createdAt).lastInsertRowid,
  );
}

export function insertAdjustment(
  db: WritableDB,
  sourceId: number,
  onDate: string,
  count: number,
  note: string,
  createdAt: string,
): number {
  return Number(
    prepared(
      db,
      `INSERT INTO credit_entries (source_id, kind, on_date, count, note, created_at) VALUES (?, 'adjustment', ?, ?, ?, ?)`,
    ).run(sourceId, onDate, count, note, createdAt).lastInsertRowid,
  );
}

export function deleteCreditEntry(db: WritableDB, id: number): boolean {
  return prepared(db, `DELETE FROM credit_entries WHERE id = ?`).run(id).changes > 0;
}

export type CreditPriceRecord = { effective_from: string; unit_price_minor: number; currency: string };

export function creditPriceHistory(db: ReadableDB, sourceId: number): CreditPriceRecord[] {
  return prepared(
    db,
    `SELECT effective_from, unit_price_minor, currency FROM credit_prices WHERE source_id = ? ORDER BY effective_from`,
  ).all(sourceId) as CreditPriceRecord[];
}

/** Plans of the channel that include credits (they replace the free allowance while active). */
export function creditPlans(
  db: ReadableDB,
  sourceId: number,
): { starts_on: string; ends_on: string | null; free_credits_monthly: number }[] {
  return prepared(
    db,
    `SELECT starts_on, ends_on, free_credits_monthly FROM subscriptions WHERE source_id = ? AND free_credits_monthly > 0 ORDER BY starts_on`,
  ).all(sourceId) as {
    starts_on: string;
    ends_on: string | null;
    free_credits_monthly: number;
  }[];
}
