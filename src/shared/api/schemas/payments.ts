import { z } from 'zod';
import { op } from '../define';
import { amountText, checkAmount, currencyCode, id, isoDate } from '../fields';
import { DateRange, pageInput } from './money-fields';
import { DeletedPayment } from './undo';

export const Payment = z.object({
  id,
  ref: z.string(),
  date: z.string(),
  sourceId: id,
  sourceName: z.string(),
  leadId: id.nullable(),
  leadTitle: z.string().nullable(),
  description: z.string(),
  grossMinor: z.number().int(),
  feeMinor: z.number().int(),
  /** The fee came from the commission rule (or the lead's override), not from the user. */
  feeComputed: z.boolean(),
  currency: z.string(),
});
export type Payment = z.infer<typeof Payment>;

const fields = {
  date: isoDate,
  sourceId: id,
  leadId: id.nullable().optional(),
  description: z.string().trim().max(500, 'At most 500 characters').optional(),
  /** Negative for a refund. */
  gross: amountText,
  /** Withheld platform fee (negative for a fee refund); empty/null = compute from the commission rule. */
  fee: amountText.nullable().optional().or(z.literal('')),
  currency: currencyCode.optional(),
  ref: z.string().trim().min(1).max(200).optional(),
};

function refine(v: { gross?: string; fee?: string | null; currency?: string }, ctx: z.RefinementCtx) {
  checkAmount(ctx, 'gross', v.gross, v.currency ?? 'USD');
  checkAmount(ctx, 'fee', v.fee, v.currency ?? 'USD');
}

export const PaymentCreate = z.object(fields).superRefine(refine);
/** A row of an imported file: the same checks as the form; the channel comes by name. */
export const PaymentImportRow = z.object(fields).omit({ sourceId: true, leadId: true }).superRefine(refine);
export const PaymentUpdate = z
  .object({ id, ...fields })
  .partial()
  .required({ id: true })
  .superRefine(refine);

export const PaymentList = DateRange.and(
  z.object({
    sourceId: id.optional(),
    leadId: id.optional(),
    /** Only payments linked to no lead (what the lead page offers to link). */
    unlinked: z.boolean().optional(),
    ...pageInput,
  }),
);

export const paymentsContract = {
  'payments:list': op.read(
    PaymentList,
    z.object({ items: z.array(Payment), total: z.number().int() }),
    'Payments, filtered and paged',
  ),
  'payments:create': op.write(PaymentCreate, Payment, 'Record a payment'),
  'payments:update': op.write(PaymentUpdate, Payment, 'Change a payment'),
  'payments:delete': op.write(
    z.object({ id }),
    z.object({ id, snapshot: DeletedPayment, undoId: id }),
    'Delete a payment (returns the undoId that undo:payment names to put it back)',
  ),
};
