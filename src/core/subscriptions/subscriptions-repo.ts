import type { ReadableDB, WritableDB } from '../db/handles';
import type { Subscription } from '../../shared/api/schemas/subscriptions';
import { prepared } from '../db/statements';

export type SubscriptionRecord = {
  id: number;
  source_id: number;
  name: string;
  period: 'monthly' | 'yearly';
  amount_minor: number;
  currency: string;
  starts_on: string;
  ends_on: string | null;
  free_credits_monthly: number;
  created_at: string;
};

export function listSubscriptionRecords(
  db: ReadableDB,
  sourceId?: number,
): (SubscriptionRecord & { source_name: string })[] {
  return db
    .prepare(
      `SELECT s.*, src.name AS source_name FROM subscriptions s JOIN sources src ON src.id = s.source_id
       ${sourceId ? 'WHERE s.source_id = ?' : ''} ORDER BY src.name, s.starts_on DESC`,
    )
    .all(...(sourceId ? [sourceId] : [])) as (SubscriptionRecord & { source_name: string })[];
}

export function toSubscription(r: SubscriptionRecord & { source_name: string }): Omit<Subscription, 'matched'> {
  return {
    id: r.id,
    sourceId: r.source_id,
    sourceName: r.source_name,
    name: r.name,
    period: r.period,
    amountMinor: r.amount_minor,
    currency: r.currency,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    freeCreditsMonthly: r.free_credits_monthly,
  };
}

/**
 * Recorded subscription expenses of a channel and currency of one of `amounts`, dated in [from, to]: what
 * plan charges are matched with (only the same amount can match). Read through expenses_subscription.
 */
export function subscriptionExpenses(
  db: ReadableDB,
  sourceId: number,
  currency: string,
  amounts: readonly number[],
  from: string,
  to: string,
): { id: number; date: string; amount_minor: number }[] {
  const query = prepared(
    db,
    `SELECT id, date, amount_minor FROM expenses WHERE source_id = ? AND category = 'subscription' AND currency = ? AND amount_minor = ? AND date BETWEEN ? AND ? ORDER BY date, id`,
  );
  const rows = [...new Set(amounts)].flatMap(
    (amount) => query.all(sourceId, currency, amount, from, to) as { id: number; date: string; amount_minor: number }[],
  );
  return rows.sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id);
}

/** Subscription expenses written by one import (their channels, currencies and dates). */
export function importedSubscriptionExpenses(
  db: ReadableDB,
  importId: number,
): { id: number; source_id: number; date: string; amount_minor: number; currency: string }[] {
  return db
    .prepare(
      `SELECT id, source_id, date, amount_minor, currency FROM expenses WHERE import_id = ? AND category = 'subscription' AND source_id IS NOT NULL ORDER BY date`,
    )
    .all(importId) as { id: number; source_id: number; date: string; amount_minor: number; currency: string }[];
}

export function getSubscriptionRecord(db: ReadableDB, id: number): SubscriptionRecord | undefined {
  return db.prepare(`SELECT * FROM subscriptions WHERE id = ?`).get(id) as SubscriptionRecord | undefined;
}

export function countSubscriptions(db: ReadableDB): number {
  return (db.prepare(`SELECT COUNT(*) AS n FROM subscriptions`).get() as { n: number }).n;
}

export function insertSubscription(db: WritableDB, plan: Omit<SubscriptionRecord, 'id'>): number {
  const statement = prepared(
    db,
    `INSERT INTO subscriptions (source_id, name, period, amount_minor, currency, starts_on, ends_on, free_credits_monthly, created_at)
     VALUES (@source_id, @name, @period, @amount_minor, @currency, @starts_on, @ends_on, @free_credits_monthly, @created_at)`,
  );
  return Number(statement.run(plan).lastInsertRowid);
}

export function updateSubscriptionRecord(db: WritableDB, plan: Omit<SubscriptionRecord, 'created_at'>): void {
  db.prepare(
    `UPDATE subscriptions SET source_id = @source_id, name = @name, period = @period, amount_minor = @amount_minor, currency = @currency,
     starts_on = @starts_on, ends_on = @ends_on, free_credits_monthly = @free_credits_monthly WHERE id = @id`,
  ).run(plan);
}

/** Deletes a plan; false when there was none. */
export function deleteSubscriptionRecord(db: WritableDB, id: number): boolean {
  return db.prepare(`DELETE FROM subscriptions WHERE id = ?`).run(id).changes > 0;
}
