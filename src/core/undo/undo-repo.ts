import type { ReadableDB, WritableDB } from '../db/handles';
import {
  type DeletedActivity,
  DeletedExpense,
  type DeletedLead,
  DeletedLeadRow,
  DeletedPayment,
  DeletedSubscription,
} from '../../shared/api/schemas/undo';
import type { RollupBatch } from '../rollups/rollup-batch';
import { addExpense } from '../expenses/expenses-repo';
import { addLead } from '../leads/leads-repo';
import { addPayment } from '../payments/payments-repo';

// Putting a deleted row back exactly as it was (Undo): its own id when still free, the rollups
// moved by the same deltas the delete took away. The caller owns the transaction and the batch.

type Row = Record<string, unknown>;

// The columns come from the snapshot schemas (fixed names), never from the input's keys.
const columnsOf = {
  leads: Object.keys(DeletedLeadRow.shape),
  payments: Object.keys(DeletedPayment.shape),
  expenses: Object.keys(DeletedExpense.shape),
  subscriptions: Object.keys(DeletedSubscription.shape),
};

/** Inserts `row` into `table` with its columns; `id` null lets SQLite pick a new one. */
function insertRow(db: WritableDB, table: keyof typeof columnsOf, row: Row, id: number | null): number {
  const columns = columnsOf[table].filter((c) => c !== 'id');
  const sql = `INSERT INTO ${table} (id, ${columns.join(', ')}) VALUES (?, ${columns.map(() => '?').join(', ')})`;
  return Number(db.prepare(sql).run(id, ...columns.map((c) => row[c])).lastInsertRowid);
}

export function leadIdTaken(db: ReadableDB, id: number): boolean {
  return db.prepare(`SELECT 1 FROM leads WHERE id = ?`).get(id) !== undefined;
}

export function paymentIdTaken(db: ReadableDB, id: number): boolean {
  return db.prepare(`SELECT 1 FROM payments WHERE id = ?`).get(id) !== undefined;
}

export function expenseIdTaken(db: ReadableDB, id: number): boolean {
  return db.prepare(`SELECT 1 FROM expenses WHERE id = ?`).get(id) !== undefined;
}

export function subscriptionById(db: ReadableDB, id: number): DeletedSubscription | undefined {
  return db.prepare(`SELECT * FROM subscriptions WHERE id = ?`).get(id) as DeletedSubscription | undefined;
}

export function restoreLeadRow(
  db: WritableDB,
  lead: DeletedLead['lead'],
  id: number | null,
  batch: RollupBatch,
): number {
  // A client merged away or deleted since: the lead comes back unlinked rather than not at all.
  const clientGone = lead.client_id !== null && !db.prepare(`SELECT 1 FROM clients WHERE id = ?`).get(lead.client_id);
  const newId = insertRow(db, 'leads', clientGone ? { ...lead, client_id: null } : lead, id);
  addLead(batch, lead, 1);
  return newId;
}

/** Stage history and activity back under their own ids where still free (new ones otherwise, in the same order). */
export function restoreLeadDependents(
  db: WritableDB,
  leadId: number,
  parts: Pick<DeletedLead, 'stageChanges' | 'activity'>,
): void {
  const changeTaken = db.prepare(`SELECT 1 FROM stage_changes WHERE id = ?`);
  const change = db.prepare(
    `INSERT INTO stage_changes (id, lead_id, from_stage, to_stage, changed_at) VALUES (?, ?, ?, ?, ?)`,
  );
  for (const c of parts.stageChanges)
    change.run(changeTaken.get(c.id) ? null : c.id, leadId, c.from_stage, c.to_stage, c.changed_at);
  const activityTaken = db.prepare(`SELECT 1 FROM activity WHERE id = ?`);
  const activity = db.prepare(
    `INSERT INTO activity (id, lead_id, kind, at, text, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  for (const a of parts.activity)
    activity.run(activityTaken.get(a.id) ? null : a.id, leadId, a.kind, a.at, a.text, a.created_at);
}

/** Puts the given time entries back on the lead where they still exist on its channel without a lead; returns how many. */
export function relinkTimeEntries(
  db: WritableDB,
  leadId: number,
  sourceId: number,
  entryIds: readonly number[],
): number {
  const link = db.prepare(`UPDATE time_entries SET lead_id = ? WHERE id = ? AND lead_id IS NULL AND source_id = ?`);
  return entryIds.reduce((n, id) => n + link.run(leadId, id, sourceId).changes, 0);
}

/** Links the given payments to the lead again where they still exist unlinked; returns how many. */
export function relinkPayments(db: WritableDB, leadId: number, paymentIds: readonly number[]): number {
  const link = db.prepare(`UPDATE payments SET lead_id = ? WHERE id = ? AND lead_id IS NULL`);
  return paymentIds.reduce((n, id) => n + link.run(leadId, id).changes, 0);
}

export function restorePaymentRow(
  db: WritableDB,
  payment: DeletedPayment,
  id: number | null,
  batch: RollupBatch,
): number {
  const newId = insertRow(db, 'payments', payment, id);
  addPayment(batch, payment, 1);
  return newId;
}

export function restoreExpenseRow(
  db: WritableDB,
  expense: DeletedExpense,
  id: number | null,
  batch: RollupBatch,
): number {
  const newId = insertRow(db, 'expenses', expense, id);
  addExpense(batch, expense, 1);
  return newId;
}

export function restoreSubscriptionRow(db: WritableDB, plan: DeletedSubscription, id: number | null): number {
  return insertRow(db, 'subscriptions', plan, id);
}

export function restoreActivityRow(db: WritableDB, a: DeletedActivity, id: number | null): number {
  return Number(
    db
      .prepare(`INSERT INTO activity (id, lead_id, kind, at, text, created_at) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(id, a.lead_id, a.kind, a.at, a.text, a.created_at).lastInsertRowid,
  );
}
