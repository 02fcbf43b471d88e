import { AppError } from '../../shared/api/result';
import type { ImportRecord, ImportUndone } from '../../shared/api/schemas/reconcile';
import { formatMinorPlain } from '../../shared/money';
import type { Ctx, ReadCtx } from '../context';
import { prepared } from '../db/statements';
import { deleteExpense, type ExpenseRecord, getExpense, updateExpense } from '../expenses/expenses-repo';
import { deleteLeadRecord, getLeadRecord } from '../leads/leads-repo';
import { deletePayment, getPayment, type PaymentRecord, updatePayment } from '../payments/payments-repo';
import { deleteTimeEntry } from '../time/time-repo';
import { RollupBatch } from '../rollups/rollup-batch';

// docs/domain.md §7, Undo an import: it removes the records that import added and puts back the typed
// records it took over as they were (import_takeovers, migration 0016). It is refused, naming the
// records, when a later import or edit changed them: a payment's or expense's edit clock (`edit_seq`)
// past the import's, a lead or time entry updated after the import began.

type ImportRow = {
  id: number;
  file_name: string;
  format: string;
  started_at: string;
  inserted: number;
  updated: number;
  undone_at: string | null;
  edit_seq: number;
};
type Takeover = { kind: 'payment' | 'expense'; record_id: number; typed_json: string };

const namedAtMost = 5;

function label(
  kind: string,
  r: { id: number; date?: string; amount?: number; currency?: string; title?: string },
): string {
  const money = r.amount !== undefined && r.currency ? ` ${formatMinorPlain(r.amount, r.currency)} ${r.currency}` : '';
  return `${kind} #${r.id}${r.date ? ` (${r.date}${money})` : r.title ? ` "${r.title}"` : ''}`;
}

/** The records of the import changed after it, as "payment #12 (2026-03-04 690.00 USD)". */
function changedSince(ctx: Ctx, imp: ImportRow, takeovers: readonly Takeover[]): string[] {
  const { db } = ctx;
  const out: string[] = [];
  const payments = prepared(
    db,
    `SELECT id, date, gross_minor AS amount, currency FROM payments WHERE import_id = ? AND edit_seq > ?`,
  ).all(imp.id, imp.edit_seq) as { id: number; date: string; amount: number; currency: string }[];
  out.push(...payments.map((p) => label('payment', p)));
  const expenses = prepared(
    db,
    `SELECT id, date, amount_minor AS amount, currency FROM expenses WHERE import_id = ? AND edit_seq > ?`,
  ).all(imp.id, imp.edit_seq) as { id: number; date: string; amount: number; currency: string }[];
  out.push(...expenses.map((e) => label('expense', e)));
  const leads = prepared(db, `SELECT id, title FROM leads WHERE import_id = ? AND updated_at > ?`).all(
    imp.id,
    imp.started_at,
  ) as { id: number; title: string }[];
  out.push(...leads.map((l) => label('lead', l)));
  // A lead of the import that records from elsewhere now point to (a payment linked to it since).
  const linked = prepared(
    db,
    `SELECT l.id, l.title FROM leads l WHERE l.import_id = ? AND l.updated_at <= ?
       AND EXISTS (SELECT 1 FROM payments p WHERE p.lead_id = l.id AND (p.import_id IS NULL OR p.import_id != l.import_id))`,
  ).all(imp.id, imp.started_at) as { id: number; title: string }[];
  out.push(...linked.map((l) => `${label('lead', l)} has payments linked to it since`));
  // A lead of the import the user worked on since: activity logged, time entered, a stage moved.
  const worked = prepared(
    db,
    `SELECT l.id, l.title FROM leads l WHERE l.import_id = ? AND l.updated_at <= ? AND (
       EXISTS (SELECT 1 FROM activity a WHERE a.lead_id = l.id AND a.created_at > ?)
       OR EXISTS (SELECT 1 FROM time_entries t WHERE t.lead_id = l.id AND (t.import_id IS NULL OR t.import_id != l.import_id))
       OR EXISTS (SELECT 1 FROM stage_changes c WHERE c.lead_id = l.id AND c.changed_at > ?))`,
  ).all(imp.id, imp.started_at, imp.started_at, imp.started_at) as { id: number; title: string }[];
  out.push(...worked.map((l) => `${label('lead', l)} has activity, time or a stage change since`));
  const time = prepared(db, `SELECT id, date FROM time_entries WHERE import_id = ? AND updated_at > ?`).all(
    imp.id,
    imp.started_at,
  ) as { id: number; date: string }[];
  out.push(...time.map((t) => label('time entry', t)));
  for (const t of takeovers) {
    const table = t.kind === 'payment' ? 'payments' : 'expenses';
    const now = prepared(db, `SELECT id, import_id FROM ${table} WHERE id = ?`).get(t.record_id) as
      { id: number; import_id: number | null } | undefined;
    const typed = JSON.parse(t.typed_json) as { id: number; date: string };
    if (!now) out.push(`${label(t.kind, typed)} was deleted`);
    else if (now.import_id !== imp.id) out.push(`${label(t.kind, typed)} was taken over by a later import`);
  }
  return out;
}

export function undoImport(ctx: Ctx, id: number): ImportUndone {
  const { db } = ctx;
  return db.transaction(() => {
    const imp = prepared(db, `SELECT * FROM imports WHERE id = ?`).get(id) as ImportRow | undefined;
    if (!imp) throw new AppError('not_found', `Import ${id} does not exist`);
    if (imp.undone_at !== null)
      throw new AppError(
        'conflict',
        `Import ${id} (${imp.file_name}) was undone already on ${imp.undone_at.slice(0, 10)}`,
      );
    const takeovers = prepared(db, `SELECT kind, record_id, typed_json FROM import_takeovers WHERE import_id = ?`).all(
      id,
    ) as Takeover[];
    const changed = changedSince(ctx, imp, takeovers);
    if (changed.length > 0) {
      const named =
        changed.slice(0, namedAtMost).join(', ') +
        (changed.length > namedAtMost ? ` and ${changed.length - namedAtMost} more` : '');
      throw new AppError(
        'conflict',
        `Undo of ${imp.file_name} refused: changed since the import: ${named}. Nothing was changed`,
      );
    }
    const batch = new RollupBatch(db);
    const takenPayments = new Set(takeovers.filter((t) => t.kind === 'payment').map((t) => t.record_id));
    const takenExpenses = new Set(takeovers.filter((t) => t.kind === 'expense').map((t) => t.record_id));
    // Put back each typed record as it was (its id, its key, its date and amounts).
    for (const t of takeovers) {
      if (t.kind === 'payment') {
        const now = getPayment(db, t.record_id)!;
        const { id: _id, ...typed } = JSON.parse(t.typed_json) as PaymentRecord;
        updatePayment(db, now, typed, batch);
        const payer = JSON.parse(t.typed_json) as { rail?: string | null; payer_name?: string; payer_email?: string };
        prepared(db, `UPDATE payments SET rail = ?, payer_name = ?, payer_email = ? WHERE id = ?`).run(
          payer.rail ?? null,
          payer.payer_name ?? '',
          payer.payer_email ?? '',
          t.record_id,
        );
      } else {
        const now = getExpense(db, t.record_id)!;
        const { id: _id, ...typed } = JSON.parse(t.typed_json) as ExpenseRecord;
        updateExpense(db, now, typed, batch);
      }
    }
    const removed = { leads: 0, payments: 0, expenses: 0, time: 0 };
    for (const { id: pid } of prepared(db, `SELECT id FROM payments WHERE import_id = ?`).all(id) as { id: number }[]) {
      if (takenPayments.has(pid)) continue;
      deletePayment(db, getPayment(db, pid)!, batch);
      removed.payments++;
    }
    for (const { id: eid } of prepared(db, `SELECT id FROM expenses WHERE import_id = ?`).all(id) as { id: number }[]) {
      if (takenExpenses.has(eid)) continue;
      deleteExpense(db, getExpense(db, eid)!, batch);
      removed.expenses++;
    }
    for (const { id: tid } of prepared(db, `SELECT id FROM time_entries WHERE import_id = ?`).all(id) as {
      id: number;
    }[]) {
      if (deleteTimeEntry(db, tid, batch)) removed.time++;
    }
    for (const { id: lid } of prepared(db, `SELECT id FROM leads WHERE import_id = ?`).all(id) as { id: number }[]) {
      deleteLeadRecord(db, getLeadRecord(db, lid)!, batch);
      removed.leads++;
    }
    batch.flush();
    prepared(db, `UPDATE imports SET undone_at = ? WHERE id = ?`).run(ctx.now().toISOString(), id);
    return { id, removed, restored: takeovers.length };
  })();
}

export function listImports(ctx: ReadCtx, limit = 100): ImportRecord[] {
  const rows = prepared(
    ctx.db,
    `SELECT id, file_name, format, started_at, inserted, updated, undone_at FROM imports ORDER BY id DESC LIMIT ?`,
  ).all(limit) as ImportRow[];
  return rows.map((r) => ({
    id: r.id,
    fileName: r.file_name,
    format: r.format,
    startedAt: r.started_at,
    inserted: r.inserted,
    updated: r.updated,
    undoneAt: r.undone_at,
  }));
}
