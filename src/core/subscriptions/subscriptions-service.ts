import type { z } from 'zod';
import { AppError, fieldError } from '../../shared/api/result';
import { keepUndoSnapshot } from '../db/undo-snapshots';
import type { Subscription, SubscriptionCreate, SubscriptionUpdate } from '../../shared/api/schemas/subscriptions';
import { plansOverlap } from '../../shared/reports/subscriptions';
import type { Ctx, ReadCtx } from '../context';
import { baseCurrency } from '../db/settings-repo';
import { requireSource } from '../sources/sources-repo';
import {
  deleteSubscriptionRecord,
  getSubscriptionRecord,
  insertSubscription,
  listSubscriptionRecords,
  type SubscriptionRecord,
  toSubscription,
  updateSubscriptionRecord,
} from './subscriptions-repo';
import { minorOf } from '../money-input';
import { planCharges } from './plan-charges';
import { toIsoDate } from '../../shared/dates';
import { guardShortfall } from '../connects/ledger-service';

/** Plans with the charges (up to today) that a recorded expense matches, shown on the plan's row. */
function withMatches(ctx: ReadCtx, plans: ReturnType<typeof listSubscriptionRecords>): Subscription[] {
  const today = toIsoDate(ctx.now());
  const first = plans.reduce<string | null>((min, p) => (min === null || p.starts_on < min ? p.starts_on : min), null);
  // Matching runs over every plan of a channel at once (one expense pays one charge).
  const all = listSubscriptionRecords(ctx.db).filter((p) => plans.some((q) => q.source_id === p.source_id));
  const charges = first === null || first > today ? [] : planCharges(ctx.db, first, today, all);
  return plans.map((p) => ({
    ...toSubscription(p),
    matched: charges
      .filter((c) => c.plan.id === p.id && c.matched)
      .map((c) => ({ chargeOn: c.date, expenseId: c.matched!.id, expenseOn: c.matched!.date })),
  }));
}

export function listSubscriptions(ctx: ReadCtx, sourceId?: number): Subscription[] {
  return withMatches(ctx, listSubscriptionRecords(ctx.db, sourceId));
}

function byId(ctx: Ctx, id: number): Subscription {
  const found = listSubscriptionRecords(ctx.db).find((s) => s.id === id);
  if (!found) throw new AppError('not_found', `Subscription ${id} does not exist`);
  return withMatches(ctx, [found])[0]!;
}

/** One channel has at most one plan at a time (a plan change ends the old one first). */
export function refuseOverlap(
  ctx: Ctx,
  plan: { source_id: number; starts_on: string; ends_on: string | null },
  exceptId: number,
): void {
  const other = listSubscriptionRecords(ctx.db, plan.source_id).find(
    (s) =>
      s.id !== exceptId &&
      plansOverlap({ startsOn: s.starts_on, endsOn: s.ends_on }, { startsOn: plan.starts_on, endsOn: plan.ends_on }),
  );
  if (other) {
    throw fieldError(
      'startsOn',
      `Overlaps "${other.name}" (${other.starts_on} to ${other.ends_on ?? 'open end'}); end that plan first`,
    );
  }
}

export function createSubscription(ctx: Ctx, input: z.output<typeof SubscriptionCreate>): Subscription {
  const { db } = ctx;
  const id = db.transaction(() => {
    requireSource(db, input.sourceId);
    const currency = input.currency ?? baseCurrency(db);
    const record = {
      source_id: input.sourceId,
      name: input.name,
      period: input.period,
      amount_minor: minorOf('amount', input.amount, currency),
      currency,
      starts_on: input.startsOn,
      ends_on: input.endsOn ?? null,
      free_credits_monthly: input.freeCreditsMonthly ?? 0,
      created_at: ctx.now().toISOString(),
    };
    refuseOverlap(ctx, record, 0);
    return insertSubscription(db, record);
  })();
  return byId(ctx, id);
}

export function updateSubscription(ctx: Ctx, input: z.output<typeof SubscriptionUpdate>): Subscription {
  const { db } = ctx;
  db.transaction(() => {
    const before = getSubscriptionRecord(db, input.id);
    if (!before) throw new AppError('not_found', `Subscription ${input.id} does not exist`);
    const currency = input.currency ?? before.currency;
    const after = {
      id: before.id,
      source_id: input.sourceId ?? before.source_id,
      name: input.name ?? before.name,
      period: input.period ?? before.period,
      amount_minor: input.amount === undefined ? before.amount_minor : minorOf('amount', input.amount, currency),
      currency,
      starts_on: input.startsOn ?? before.starts_on,
      ends_on: input.endsOn === undefined ? before.ends_on : input.endsOn,
      free_credits_monthly: input.freeCreditsMonthly ?? before.free_credits_monthly,
    };
    requireSource(db, after.source_id);
    if (after.ends_on !== null && after.ends_on < after.starts_on)
      throw fieldError('endsOn', 'The end date is before the start date');
    refuseOverlap(ctx, after, before.id);
    // A plan's included credits replace the allowance: fewer of them can leave past spends short.
    const credits = [before, after].filter((p) => p.free_credits_monthly > 0).map((p) => p.source_id);
    guardShortfall(ctx, credits, input.confirmShortfall === true, () => updateSubscriptionRecord(db, after));
  })();
  return byId(ctx, input.id);
}

/**
 * Deletes a plan; one whose included credits were spent needs `confirmShortfall`.
 * The snapshot is what undo:subscription puts back.
 */
export function deleteSubscription(
  ctx: Ctx,
  input: { id: number; confirmShortfall?: boolean | undefined },
): { id: number; snapshot: SubscriptionRecord; undoId: number } {
  const { db } = ctx;
  return db.transaction(() => {
    const snapshot = getSubscriptionRecord(db, input.id);
    if (!snapshot) throw new AppError('not_found', `Subscription ${input.id} does not exist`);
    guardShortfall(
      ctx,
      snapshot.free_credits_monthly > 0 ? [snapshot.source_id] : [],
      input.confirmShortfall === true,
      () => {
        if (!deleteSubscriptionRecord(db, input.id))
          throw new AppError('not_found', `Subscription ${input.id} does not exist`);
      },
    );
    return { id: input.id, snapshot, undoId: keepUndoSnapshot(db, 'subscription', snapshot, ctx.now().toISOString()) };
  })();
}
