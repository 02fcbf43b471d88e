import type { z } from 'zod';
import { AppError } from '../../shared/api/result';
import {
  DeletedActivity,
  DeletedExpense,
  DeletedLead,
  DeletedPayment,
  DeletedSubscription,
} from '../../shared/api/schemas/undo';
import type { Ctx } from '../context';
import { getExpenseByRef } from '../expenses/expenses-repo';
import { getLeadByRef } from '../leads/leads-repo';
import { getPaymentByRef } from '../payments/payments-repo';
import { getSourceRecord } from '../sources/sources-repo';
import { listSubscriptionRecords } from '../subscriptions/subscriptions-repo';
import {
  restoreActivityRow,
  expenseIdTaken,
  leadIdTaken,
  paymentIdTaken,
  relinkPayments,
  relinkTimeEntries,
  restoreExpenseRow,
  restoreLeadDependents,
  restoreLeadRow,
  restorePaymentRow,
  restoreSubscriptionRow,
  subscriptionById,
} from './undo-repo';
import { activityById, markUndone, type UndoKind, undoKept, undoSnapshotById } from '../db/undo-snapshots';
import { RollupBatch } from '../rollups/rollup-batch';
import { refuseOverlap } from '../subscriptions/subscriptions-service';

// Undo of a delete (docs/domain.md §7.7): the snapshot the delete kept in the database (named by
// its undoId) goes back in one transaction, under its own id when that is still free. Only what was
// deleted in this file can come back: undo:* takes an id, never a snapshot. Putting back twice, or
// after its reference was given to another row, is refused with a message that says which.

function requireChannel(ctx: Ctx, sourceId: number | null, what: string): void {
  if (sourceId !== null && !getSourceRecord(ctx.db, sourceId))
    throw new AppError('conflict', `Cannot put back ${what}: its channel (id ${sourceId}) no longer exists`);
}

function refuseTakenRef(same: boolean, what: string, ref: string, holder: string): never {
  if (same) throw new AppError('conflict', `${what} is already back: it was restored before`);
  throw new AppError('conflict', `Cannot put back ${what}: its reference ${ref} is now used by ${holder}`);
}

export function undoLeadDelete(
  ctx: Ctx,
  snapshot: DeletedLead,
): { id: number; paymentsLinked: number; paymentsMissing: number } {
  const { db } = ctx;
  const { lead } = snapshot;
  const what = `“${lead.title}”`;
  return db.transaction(() => {
    const holder = getLeadByRef(db, lead.ref);
    if (holder) {
      const same =
        holder.title === lead.title && holder.created_on === lead.created_on && holder.updated_at === lead.updated_at;
      refuseTakenRef(same, what, lead.ref, `the lead “${holder.title}”`);
    }
    requireChannel(ctx, lead.source_id, what);
    const batch = new RollupBatch(db);
    const id = restoreLeadRow(db, lead, leadIdTaken(db, lead.id) ? null : lead.id, batch);
    restoreLeadDependents(db, id, snapshot);
    const paymentsLinked = relinkPayments(db, id, snapshot.paymentIds);
    relinkTimeEntries(db, id, lead.source_id, snapshot.timeEntryIds);
    batch.flush();
    return { id, paymentsLinked, paymentsMissing: snapshot.paymentIds.length - paymentsLinked };
  })();
}

export function undoPaymentDelete(ctx: Ctx, payment: DeletedPayment): { id: number } {
  const { db } = ctx;
  const what = `the payment of ${payment.date}`;
  return db.transaction(() => {
    const holder = getPaymentByRef(db, payment.ref);
    if (holder)
      refuseTakenRef(
        holder.created_at === payment.created_at && holder.gross_minor === payment.gross_minor,
        what,
        payment.ref,
        `the payment of ${holder.date}`,
      );
    requireChannel(ctx, payment.source_id, what);
    // Its lead may have gone since: the payment comes back unlinked rather than not at all.
    const leadId = payment.lead_id !== null && leadIdTaken(db, payment.lead_id) ? payment.lead_id : null;
    const batch = new RollupBatch(db);
    const id = restorePaymentRow(
      db,
      { ...payment, lead_id: leadId },
      paymentIdTaken(db, payment.id) ? null : payment.id,
      batch,
    );
    batch.flush();
    return { id };
  })();
}

export function undoExpenseDelete(ctx: Ctx, expense: DeletedExpense): { id: number } {
  const { db } = ctx;
  const what = `the expense of ${expense.date}`;
  return db.transaction(() => {
    const holder = getExpenseByRef(db, expense.ref);
    if (holder)
      refuseTakenRef(
        holder.created_at === expense.created_at && holder.amount_minor === expense.amount_minor,
        what,
        expense.ref,
        `the expense of ${holder.date}`,
      );
    requireChannel(ctx, expense.source_id, what);
    const batch = new RollupBatch(db);
    const id = restoreExpenseRow(db, expense, expenseIdTaken(db, expense.id) ? null : expense.id, batch);
    batch.flush();
    return { id };
  })();
}

export function undoSubscriptionDelete(ctx: Ctx, plan: DeletedSubscription): { id: number } {
  const { db } = ctx;
  const what = `“${plan.name}”`;
  return db.transaction(() => {
    // Plans have no reference: the same channel, name, start and creation time is the same plan.
    const again = listSubscriptionRecords(db, plan.source_id).some(
      (s) => s.name === plan.name && s.starts_on === plan.starts_on && s.created_at === plan.created_at,
    );
    if (again) throw new AppError('conflict', `${what} is already back: it was restored before`);
    requireChannel(ctx, plan.source_id, what);
    try {
      refuseOverlap(ctx, plan, 0);
    } catch (error) {
      const reason =
        error instanceof AppError && error.fields?.[0] ? error.fields[0].message : (error as Error).message;
      throw new AppError('conflict', `Cannot put back ${what}: ${reason}`);
    }
    return { id: restoreSubscriptionRow(db, plan, subscriptionById(db, plan.id) ? null : plan.id) };
  })();
}

export function undoActivityDelete(ctx: Ctx, activity: DeletedActivity): { id: number } {
  const { db } = ctx;
  return db.transaction(() => {
    const holder = activityById(db, activity.id);
    if (
      holder &&
      holder.created_at === activity.created_at &&
      holder.text === activity.text &&
      holder.lead_id === activity.lead_id
    ) {
      throw new AppError('conflict', 'The activity is already back: it was restored before');
    }
    if (!leadIdTaken(db, activity.lead_id))
      throw new AppError(
        'conflict',
        `Cannot put back the activity: its lead (id ${activity.lead_id}) no longer exists`,
      );
    return { id: restoreActivityRow(db, activity, holder ? null : activity.id) };
  })();
}

type Undoable<S, R> = { schema: z.ZodType<S>; what: (s: S) => string; put: (ctx: Ctx, s: S) => R };

const kinds = {
  lead: { schema: DeletedLead, what: (s) => `“${s.lead.title}”`, put: undoLeadDelete } satisfies Undoable<
    DeletedLead,
    ReturnType<typeof undoLeadDelete>
  >,
  payment: {
    schema: DeletedPayment,
    what: (s) => `the payment of ${s.date}`,
    put: undoPaymentDelete,
  } satisfies Undoable<DeletedPayment, { id: number }>,
  expense: {
    schema: DeletedExpense,
    what: (s) => `the expense of ${s.date}`,
    put: undoExpenseDelete,
  } satisfies Undoable<DeletedExpense, { id: number }>,
  subscription: {
    schema: DeletedSubscription,
    what: (s) => `“${s.name}”`,
    put: undoSubscriptionDelete,
  } satisfies Undoable<DeletedSubscription, { id: number }>,
  activity: { schema: DeletedActivity, what: () => 'The activity', put: undoActivityDelete } satisfies Undoable<
    DeletedActivity,
    { id: number }
  >,
};

const nouns: Record<UndoKind, string> = {
  lead: 'lead',
  payment: 'payment',
  expense: 'expense',
  subscription: 'recurring cost',
  activity: 'activity',
};

/** Puts back what the delete kept under `undoId`, if it deleted a `kind`; marks it undone in the same transaction. */
export function undoDeleted<K extends UndoKind>(
  ctx: Ctx,
  kind: K,
  undoId: number,
): ReturnType<(typeof kinds)[K]['put']> {
  const { db } = ctx;
  const undoable = kinds[kind] as unknown as Undoable<unknown, ReturnType<(typeof kinds)[K]['put']>>;
  return db.transaction(() => {
    const row = undoSnapshotById(db, undoId);
    if (!row || row.kind !== kind) {
      throw new AppError(
        'not_found',
        `Nothing to undo: no deleted ${nouns[kind]} is kept under undo id ${undoId} (the newest ${undoKept} deletes of this file can be undone)`,
      );
    }
    const parsed = undoable.schema.safeParse(JSON.parse(row.snapshot));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError(
        'conflict',
        `Cannot put back the deleted ${nouns[kind]}: its kept copy does not pass the checks (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''})`,
      );
    }
    if (row.undone_at !== null)
      throw new AppError('conflict', `${undoable.what(parsed.data)} is already back: it was restored before`);
    const result = undoable.put(ctx, parsed.data);
    markUndone(db, undoId, ctx.now().toISOString());
    return result;
  })();
}
