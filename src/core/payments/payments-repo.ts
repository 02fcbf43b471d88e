import type { ReadableDB, WritableDB } from '../db/handles';
import { prepared } from '../db/statements';
import { filteredPage } from '../db/paging';
import type { RollupBatch } from '../rollups/rollup-batch';
import { paymentRollup } from '../rollups/specs';
import {
  type PaymentFacts,
  paymentInsertColumns,
  type PaymentRecord,
  paymentUpdateColumns,
  type PaymentWrite,
} from './payment-columns';

export type { PaymentFacts, PaymentRecord, PaymentWrite };

const insertSql = `INSERT INTO payments (${paymentInsertColumns.join(', ')}) VALUES (${paymentInsertColumns.map((c) => `@${c}`).join(', ')})`;
const updateSql = `UPDATE payments SET ${paymentUpdateColumns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`;

export function getPayment(db: ReadableDB, id: number): PaymentRecord | undefined {
  return prepared(db, `SELECT * FROM payments WHERE id = ?`).get(id) as PaymentRecord | undefined;
}

export function getPaymentByRef(db: ReadableDB, ref: string): PaymentRecord | undefined {
  return prepared(db, `SELECT * FROM payments WHERE ref = ?`).get(ref) as PaymentRecord | undefined;
}

/** Inserts a payment and its rollup delta; the caller owns the transaction and flushes the batch. */
export function insertPayment(db: WritableDB, payment: PaymentWrite, batch: RollupBatch): number {
  const id = Number(
    prepared(db, insertSql).run({ platform_description: null, payer_name: '', ...payment }).lastInsertRowid,
  );
  addPayment(batch, payment, 1);
  return id;
}

export function updatePayment(db: WritableDB, before: PaymentRecord, after: PaymentWrite, batch: RollupBatch): void {
  prepared(db, updateSql).run({ platform_description: before.platform_description ?? null, ...after, id: before.id });
  addPayment(batch, before, -1);
  addPayment(batch, after, 1);
}

export function deletePayment(db: WritableDB, before: PaymentRecord, batch: RollupBatch): void {
  prepared(db, `DELETE FROM payments WHERE id = ?`).run(before.id);
  addPayment(batch, before, -1);
}

/** A payment's rollup deltas: added with sign 1 when written, -1 when replaced or deleted. */
export function addPayment(batch: RollupBatch, p: PaymentFacts, sign: 1 | -1): void {
  batch.add(paymentRollup, [p.source_id, p.date, p.currency], [1, p.gross_minor, p.fee_minor], sign);
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

export function getPaymentRow(db: ReadableDB, id: number): PaymentListRow | undefined {
  return db.prepare(`${selectListed} WHERE p.id = ?`).get(id) as PaymentListRow | undefined;
}

/** One page of payments, newest first, and how many match. */
export function listPaymentRows(
  db: ReadableDB,
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
