import type { Database } from 'better-sqlite3';
import { prepared } from '../db/statements';
import { filteredPage } from '../db/paging';
import type { RollupBatch } from '../rollups/rollup-batch';
import { addPayment } from '../rollups/specs';

export type PaymentRecord = {
  id: number;
  ref: string;
  date: string;
  source_id: number;
  lead_id: number | null;
  description: string;
  gross_minor: number;
  fee_minor: number;
  /** 1 when the fee was computed from the commission rule rather than given. */
  fee_computed: number;
  currency: string;
  import_id: number | null;
  created_at: string;
  /** What the last platform import brought as description (null: typed); docs/domain.md §7 owned fields. */
  platform_description?: string | null;
  /** A rail's payer, or the platform's client (Upwork "Client team"): what links a payment to a won lead's client. */
  payer_name?: string;
};

export type PaymentWrite = Omit<PaymentRecord, 'id'>;

const columns = [
  'ref',
  'date',
  'source_id',
  'lead_id',
  'description',
  'gross_minor',
  'fee_minor',
  'fee_computed',
  'currency',
  'import_id',
  'created_at',
  'platform_description',
] as const satisfies readonly (keyof PaymentWrite)[];
const inserted = [...columns, 'payer_name'] as const;
const insertSql = `INSERT INTO payments (${inserted.join(', ')}) VALUES (${inserted.map((c) => `@${c}`).join(', ')})`;
const updateSql = `UPDATE payments SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`;

export function getPayment(db: Database, id: number): PaymentRecord | undefined {
  return prepared(db, `SELECT * FROM payments WHERE id = ?`).get(id) as PaymentRecord | undefined;
}

export function getPaymentByRef(db: Database, ref: string): PaymentRecord | undefined {
  return prepared(db, `SELECT * FROM payments WHERE ref = ?`).get(ref) as PaymentRecord | undefined;
}

/** Inserts a payment and its rollup delta; the caller owns the transaction and flushes the batch. */
export function insertPayment(db: Database, payment: PaymentWrite, batch: RollupBatch): number {
  const id = Number(
    prepared(db, insertSql).run({ platform_description: null, payer_name: '', ...payment }).lastInsertRowid,
  );
  addPayment(batch, payment, 1);
  return id;
}

export function updatePayment(db: Database, before: PaymentRecord, after: PaymentWrite, batch: RollupBatch): void {
  prepared(db, updateSql).run({ platform_description: before.platform_description ?? null, ...after, id: before.id });
  addPayment(batch, before, -1);
  addPayment(batch, after, 1);
}

export function deletePayment(db: Database, before: PaymentRecord, batch: RollupBatch): void {
  prepared(db, `DELETE FROM payments WHERE id = ?`).run(before.id);
  addPayment(batch, before, -1);
}

/** A payment with its channel's name and its lead's title, as lists show it. */
export type PaymentListRow = PaymentRecord & { source_name: string; lead_title: string | null };
export type PaymentFilter = {
  sourceId?: number | undefined;
  leadId?: number | undefined;
  unlinked?: boolean | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
};

const selectListed = `SELECT p.*, s.name AS source_name, l.title AS lead_title FROM payments p
  JOIN sources s ON s.id = p.source_id LEFT JOIN leads l ON l.id = p.lead_id`;

export function getPaymentRow(db: Database, id: number): PaymentListRow | undefined {
  return db.prepare(`${selectListed} WHERE p.id = ?`).get(id) as PaymentListRow | undefined;
}

/** One page of payments, newest first, and how many match. */
export function listPaymentRows(
  db: Database,
  filter: PaymentFilter,
  page: { limit: number; offset: number },
): { rows: PaymentListRow[]; total: number } {
  return filteredPage<PaymentListRow>(
    db,
    { from: 'payments p', select: selectListed, orderBy: 'p.date DESC, p.id DESC' },
    [
      filter.sourceId && { sql: 'p.source_id = @sourceId', params: { sourceId: filter.sourceId } },
      filter.leadId && { sql: 'p.lead_id = @leadId', params: { leadId: filter.leadId } },
      filter.unlinked && { sql: 'p.lead_id IS NULL' },
      filter.from && { sql: 'p.date >= @from', params: { from: filter.from } },
      filter.to && { sql: 'p.date <= @to', params: { to: filter.to } },
    ],
    page,
  );
}
