import type { DeletedPayment } from '../../shared/api/schemas/undo';
import { keepUndoSnapshot } from '../db/undo-snapshots';
import type { z } from 'zod';
import { AppError, fieldError } from '../../shared/api/result';
import type { Payment, PaymentCreate, PaymentList, PaymentUpdate } from '../../shared/api/schemas/payments';
import { formatMinorPlain } from '../../shared/money';
import type { Ctx, ReadCtx } from '../context';
import { getLeadRecord } from '../leads/leads-repo';
import {
  deletePayment,
  getPayment,
  type PaymentRecord,
  getPaymentByRef,
  getPaymentRow,
  insertPayment,
  listPaymentRows,
  type PaymentListRow,
  type PaymentWrite,
  updatePayment,
} from './payments-repo';
import { baseCurrency } from '../db/settings-repo';
import { requireSource } from '../sources/sources-repo';
import { RollupBatch } from '../rollups/rollup-batch';
import { newRef } from '../leads/leads-service';
import { minorOf } from '../money-input';
import { resolvePaymentFee } from './payment-fees';

function toPayment(r: PaymentListRow): Payment {
  return {
    id: r.id,
    ref: r.ref,
    date: r.date,
    sourceId: r.source_id,
    sourceName: r.source_name,
    leadId: r.lead_id,
    leadTitle: r.lead_title,
    description: r.description,
    grossMinor: r.gross_minor,
    feeMinor: r.fee_minor,
    feeComputed: r.fee_computed === 1,
    currency: r.currency,
  };
}

function byId(ctx: Ctx, id: number): Payment {
  const row = getPaymentRow(ctx.db, id);
  if (!row) throw new AppError('not_found', `Payment ${id} does not exist`);
  return toPayment(row);
}

export function listPayments(ctx: ReadCtx, input: z.output<typeof PaymentList>): { items: Payment[]; total: number } {
  const { rows, total } = listPaymentRows(ctx.db, input, { limit: input.limit ?? 200, offset: input.offset ?? 0 });
  return { items: rows.map(toPayment), total };
}

/**
 * Any payment may be linked to any lead, of any channel: the payment's revenue stays on its
 * own channel (last touch, docs/domain.md §6); the link only puts it on the lead's page and profit.
 */
function checkLead(ctx: Ctx, leadId: number | null): void {
  if (leadId === null) return;
  if (!getLeadRecord(ctx.db, leadId)) throw fieldError('leadId', `Unknown lead (id ${leadId})`);
}

/** Gross and fee in minor units; an empty fee is computed (fee_computed = 1). |fee| may not exceed |gross|. */
function money(
  ctx: Ctx,
  p: {
    gross: string;
    fee: string | null | undefined;
    currency: string;
    sourceId: number;
    date: string;
    leadId: number | null;
  },
) {
  const gross = minorOf('gross', p.gross, p.currency);
  const given = p.fee !== undefined && p.fee !== null && p.fee !== '';
  const fee = given
    ? minorOf('fee', p.fee!, p.currency)
    : resolvePaymentFee(ctx.db, {
        sourceId: p.sourceId,
        date: p.date,
        grossMinor: gross,
        currency: p.currency,
        leadId: p.leadId,
      });
  if (given && gross !== 0 && Math.abs(fee) > Math.abs(gross))
    throw fieldError('fee', 'The fee cannot be larger than the gross amount');
  return { gross, fee, computed: given ? 0 : 1 };
}

export function createPayment(ctx: Ctx, input: z.output<typeof PaymentCreate>): Payment {
  const { db } = ctx;
  const id = db.transaction(() => {
    requireSource(db, input.sourceId);
    const leadId = input.leadId ?? null;
    checkLead(ctx, leadId);
    const currency = input.currency ?? baseCurrency(db);
    const m = money(ctx, {
      gross: input.gross,
      fee: input.fee,
      currency,
      sourceId: input.sourceId,
      date: input.date,
      leadId,
    });
    const ref = input.ref ?? newRef('pay');
    if (getPaymentByRef(db, ref)) throw fieldError('ref', `A payment with reference "${ref}" exists`);
    const write: PaymentWrite = {
      ref,
      date: input.date,
      source_id: input.sourceId,
      lead_id: leadId,
      description: input.description ?? '',
      gross_minor: m.gross,
      fee_minor: m.fee,
      fee_computed: m.computed,
      currency,
      import_id: null,
      created_at: ctx.now().toISOString(),
    };
    const batch = new RollupBatch(db);
    const newId = insertPayment(db, write, batch);
    batch.flush();
    return newId;
  })();
  return byId(ctx, id);
}

export function updatePaymentById(ctx: Ctx, input: z.output<typeof PaymentUpdate>): Payment {
  const { db } = ctx;
  db.transaction(() => {
    const before = getPayment(db, input.id);
    if (!before) throw new AppError('not_found', `Payment ${input.id} does not exist`);
    const sourceId = input.sourceId ?? before.source_id;
    requireSource(db, sourceId);
    const leadId = input.leadId === undefined ? before.lead_id : input.leadId;
    checkLead(ctx, leadId);
    const currency = input.currency ?? before.currency;
    const date = input.date ?? before.date;
    const gross = input.gross ?? formatMinorPlain(before.gross_minor, before.currency);
    // Keep a given fee unless changed; a computed fee is recomputed from the new facts.
    const fee =
      input.fee !== undefined
        ? input.fee
        : before.fee_computed
          ? null
          : formatMinorPlain(before.fee_minor, before.currency);
    const m = money(ctx, { gross, fee, currency, sourceId, date, leadId });
    const batch = new RollupBatch(db);
    updatePayment(
      db,
      before,
      {
        ref: input.ref ?? before.ref,
        date,
        source_id: sourceId,
        lead_id: leadId,
        description: input.description ?? before.description,
        gross_minor: m.gross,
        fee_minor: m.fee,
        fee_computed: m.computed,
        currency,
        import_id: before.import_id,
        created_at: before.created_at,
      },
      batch,
    );
    batch.flush();
  })();
  return byId(ctx, input.id);
}

/** Deletes a payment; the snapshot (every stored column, the payer's included) is what undo:payment puts back. */
export function deletePaymentById(ctx: Ctx, id: number): { id: number; snapshot: DeletedPayment; undoId: number } {
  const { db } = ctx;
  let undoId = 0;
  const snapshot = db.transaction(() => {
    const before = getPayment(db, id);
    if (!before) throw new AppError('not_found', `Payment ${id} does not exist`);
    const batch = new RollupBatch(db);
    deletePayment(db, before, batch);
    batch.flush();
    undoId = keepUndoSnapshot(db, 'payment', before, ctx.now().toISOString());
    // getPayment reads every column (SELECT *), so the row also holds the payer fields of migration 0008 and the
    // edit clock of 0016.
    return before as PaymentRecord &
      Pick<DeletedPayment, 'rail' | 'payer_name' | 'payer_email' | 'assigned' | 'edit_seq' | 'platform_description'>;
  })();
  return { id, snapshot, undoId };
}
