import { indexHeaders } from '../../shared/csv/headers';
import { type Mapper, type PaymentDraft, type RowResult, RowError } from './drafts';
import type { FileProfile } from './file-profile';
import { DerivedKeys } from './own-formats';
import { cellAt as at, cellReader, rowErrorsAsInvalid } from './row-cells';

// Stripe's itemised balance report and payments export in every variant of docs/domain.md §3.

type ReadAs = Pick<FileProfile, 'decimal' | 'dateFormat'>;

function guarded(format: string, label: string, row: (fields: readonly string[]) => RowResult): Mapper {
  return { format, label, row: rowErrorsAsInvalid(row) };
}

export const stripeBalanceAliases = {
  id: ['balance_transaction_id'],
  created: ['created_utc', 'created'],
  currency: ['currency'],
  gross: ['gross'],
  fee: ['fee'],
  net: ['net'],
  category: ['reporting_category'],
  description: ['description'],
} as const;

/** Itemised balance report: charge and refund rows are payments (fee = gross − net), the rest transfers. */
export function stripeBalanceMapper(headers: readonly string[], profile: ReadAs, sourceName: string): Mapper {
  const ix = indexHeaders(headers, stripeBalanceAliases);
  const r = cellReader(headers, profile);
  return guarded('stripe-balance', 'Stripe itemised balance report', (fields) => {
    const category = at(fields, ix.category).toLowerCase();
    if (category !== 'charge' && category !== 'refund')
      return { kind: 'transfer', reason: category || 'no reporting_category' };
    const id = at(fields, ix.id);
    if (!id) throw new RowError('balance_transaction_id is empty', 'no key');
    const code = r.currency(fields, ix.currency);
    const date = r.date(fields, ix.created);
    const gross = r.money(fields, ix.gross, code);
    const fee =
      ix.net !== undefined && at(fields, ix.net) !== ''
        ? gross - r.money(fields, ix.net, code)
        : r.money(fields, ix.fee, code);
    const description = (at(fields, ix.description) || category).slice(0, 500);
    return {
      kind: 'drafts',
      drafts: [
        {
          type: 'payment',
          ref: `stripe:${id}`,
          date,
          source: sourceName,
          lead_ref: null,
          description,
          gross_minor: gross,
          fee_minor: fee,
          currency: code,
          // A charge waits in "To assign" (docs/domain.md §7.5); this report names no payer.
          ...(category === 'charge' ? { payer: { rail: 'stripe' as const, payer_name: '', payer_email: '' } } : {}),
        },
      ],
    };
  });
}

export const stripePaymentsAliases = {
  id: ['id'],
  created: ['Created date (UTC)', 'Created (UTC)'],
  amount: ['Amount'],
  refunded: ['Amount Refunded'],
  currency: ['Currency'],
  convertedAmount: ['Converted Amount'],
  convertedRefunded: ['Converted Amount Refunded'],
  convertedCurrency: ['Converted Currency'],
  fee: ['Fee'],
  taxesOnFee: ['Taxes On Fee'],
  status: ['Status'],
  description: ['Description'],
  customerId: ['Customer ID'],
  email: ['Customer Email'],
  customerName: ['Customer Description', 'Card Name'],
} as const;

// docs/domain.md §3: Paid or Refunded; older exports write a partial refund as its own status.
const counted = new Set(['paid', 'refunded', 'partially refunded']);

/**
 * Payments export: a Paid or Refunded row is one payment, gross = Amount − Amount Refunded, in the
 * settlement (Converted) currency when there is one, because Stripe states the Fee in that
 * currency; fee = Fee + Taxes On Fee (a refund does not return it). Other statuses are skipped.
 */
export function stripePaymentsMapper(headers: readonly string[], profile: ReadAs, sourceName: string): Mapper {
  const ix = indexHeaders(headers, stripePaymentsAliases);
  const r = cellReader(headers, profile);
  const keys = new DerivedKeys('stripe');
  return guarded('stripe-payments', 'Stripe payments export', (fields) => {
    const status = at(fields, ix.status);
    if (!counted.has(status.toLowerCase())) return { kind: 'skipped', reason: `status ${status || '(empty)'}` };
    const date = r.date(fields, ix.created);
    const converted = at(fields, ix.convertedAmount) !== '' && at(fields, ix.convertedCurrency) !== '';
    const code = converted ? r.currency(fields, ix.convertedCurrency) : r.currency(fields, ix.currency);
    const charged = r.currency(fields, ix.currency);
    let refunded: number;
    if (!converted || ix.convertedRefunded !== undefined)
      refunded = r.money(fields, converted ? ix.convertedRefunded : ix.refunded, code);
    else if (charged === code) refunded = r.money(fields, ix.refunded, code);
    else if (r.money(fields, ix.refunded, charged) === 0) refunded = 0;
    else
      throw new RowError(
        `Amount Refunded is in ${charged} but the payment settled in ${code}, and the file has no Converted Amount Refunded column`,
        'Amount Refunded',
      );
    const gross = (converted ? r.money(fields, ix.convertedAmount, code) : r.money(fields, ix.amount, code)) - refunded;
    const fee = r.money(fields, ix.fee, code) + r.money(fields, ix.taxesOnFee, code);
    const id = at(fields, ix.id);
    // Without an id: the full timestamp, amount, currency and customer, plus the occurrence number
    // among identical rows (they stay separate payments; re-importing adds nothing).
    const ref = id
      ? `stripe:${id}`
      : keys.key([
          at(fields, ix.created),
          at(fields, ix.amount),
          at(fields, ix.currency).toLowerCase(),
          at(fields, ix.customerId) || at(fields, ix.email),
        ]);
    const description = [at(fields, ix.description), at(fields, ix.email)].filter(Boolean).join(' · ').slice(0, 500);
    const draft: PaymentDraft = {
      type: 'payment',
      ref,
      date,
      source: sourceName,
      lead_ref: null,
      description,
      gross_minor: gross,
      fee_minor: fee,
      currency: code,
      fee_may_exceed: true,
    };
    // Who paid, for "To assign" and client matching (docs/domain.md §7.5).
    draft.payer = { rail: 'stripe', payer_name: at(fields, ix.customerName), payer_email: at(fields, ix.email) };
    return { kind: 'drafts', drafts: [draft] };
  });
}
