import type { Database } from 'better-sqlite3';
import type { Subscription } from '../../shared/api/schemas/subscriptions';

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

export function listSubscriptionRecords(db: Database, sourceId?: number): (SubscriptionRecord & { source_name: string })[] {
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

/** Recorded subscription expenses of a channel and currency dated in [from, to]: what plan charges are matched with. */
export function subscriptionExpenses(db: Database, sourceId: number, currency: string, from: string, to: string): { id: number; date: string; amount_minor: number }[] {
  return db
    .prepare(`SELECT id, date, amount_minor FROM expenses WHERE source_id = ? AND category = 'subscription' AND currency = ? AND date BETWEEN ? AND ? ORDER BY date, id`)
    .all(sourceId, currency, from, to) as { id: number; date: string; amount_minor: number }[];
}

/** Subscription expenses written by one import (their channels, currencies and dates). */
export function importedSubscriptionExpenses(db: Database, importId: number): { id: number; source_id: number; date: string; amount_minor: number; currency: string }[] {
  return db
    .prepare(`SELECT id, source_id, date, amount_minor, currency FROM expenses WHERE import_id = ? AND category = 'subscription' AND source_id IS NOT NULL ORDER BY date`)
    .all(importId) as { id: number; source_id: number; date: string; amount_minor: number; currency: string }[];
}
