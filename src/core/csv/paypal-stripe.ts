import { type DecimalSeparator, guessDecimal, parseAmount } from '../../shared/csv/amounts';
import { parseDate } from '../../shared/csv/dates';
import { indexHeaders } from '../../shared/csv/headers';
import { isCurrencyCode } from '../../shared/money';
import type { Mapper, PaymentDraft, RowResult } from './drafts';

const at = (fields: readonly string[], index: number | undefined) => (index === undefined ? '' : (fields[index] ?? '')).trim();

function money(raw: string, code: string, field: string, decimal: DecimalSeparator): number {
  if (raw === '') return 0;
  const parsed = parseAmount(raw, code, decimal);
  if (!parsed.ok) throw new Error(`${field}: ${parsed.message}`);
  return parsed.minor;
}

function rowOf(build: () => RowResult): RowResult {
  try {
    return build();
  } catch (error) {
    return { kind: 'invalid', message: (error as Error).message };
  }
}

export const paypalAliases = {
  date: ['Date'],
  name: ['Name'],
  type: ['Type'],
  status: ['Status'],
  currency: ['Currency'],
  gross: ['Gross'],
  fee: ['Fee'],
  transactionId: ['Transaction ID'],
  subject: ['Subject'],
  note: ['Note'],
  itemTitle: ['Item Title'],
} as const;

/** PayPal activity download: money in is a payment (fee = −Fee), refunds negative, transfers skipped. */
export function paypalMapper(headers: readonly string[], sourceName: string): Mapper {
  const ix = indexHeaders(headers, paypalAliases);
  return {
    format: 'paypal',
    label: 'PayPal activity download',
    row: (fields) =>
      rowOf(() => {
        const status = at(fields, ix.status);
        const type = at(fields, ix.type);
        const t = type.toLowerCase();
        if (/withdraw|transfer|conversion|deposit|hold|authorization|reversal of general account hold/.test(t)) return { kind: 'transfer' };
        if (status && !/^(completed|success|cleared)$/i.test(status)) return { kind: 'skipped', reason: `status ${status}` };
        const id = at(fields, ix.transactionId);
        if (!id) throw new Error('Transaction ID is empty');
        const code = at(fields, ix.currency).toUpperCase();
        if (!isCurrencyCode(code)) throw new Error(`Currency "${code}" is not an ISO 4217 code`);
        const rawDate = at(fields, ix.date);
        const date = parseDate(rawDate, 'MM/DD/YYYY') ?? parseDate(rawDate, 'YYYY-MM-DD') ?? parseDate(rawDate, 'DD.MM.YYYY');
        if (!date) throw new Error(`Date "${rawDate}" is not a date like 9/25/2026`);
        const grossText = at(fields, ix.gross);
        if (grossText === '') throw new Error('Gross is empty');
        const decimal = guessDecimal(grossText);
        const gross = money(grossText, code, 'Gross', decimal);
        const fee = -money(at(fields, ix.fee), code, 'Fee', decimal);
        const description = [at(fields, ix.name), at(fields, ix.subject) || at(fields, ix.itemTitle), at(fields, ix.note)].filter(Boolean).join(' · ') || type;
        if (gross < 0 && !/refund/.test(t)) {
          return {
            kind: 'drafts',
            drafts: [{ type: 'expense', ref: `paypal:${id}`, date, source: sourceName, category: 'other', description, amount_minor: -gross + fee, currency: code, connects: 0 }],
          };
        }
        const draft: PaymentDraft = { type: 'payment', ref: `paypal:${id}`, date, source: sourceName, lead_ref: null, description, gross_minor: gross, fee_minor: fee, currency: code };
        return { kind: 'drafts', drafts: [draft] };
      }),
  };
}

export const stripeBalanceAliases = {
  id: ['balance_transaction_id'],
  created: ['created_utc', 'created'],
  currency: ['currency'],
  gross: ['gross'],
  fee: ['fee'],
  category: ['reporting_category'],
  description: ['description'],
} as const;

function stripeDate(raw: string): string | undefined {
  return parseDate(raw, 'YYYY-MM-DD') ?? parseDate(raw, 'MM/DD/YYYY');
}

/** Stripe itemised balance report: charges and refunds are payments, payouts transfers, Stripe fees expenses. */
export function stripeBalanceMapper(headers: readonly string[], sourceName: string): Mapper {
  const ix = indexHeaders(headers, stripeBalanceAliases);
  return {
    format: 'stripe-balance',
    label: 'Stripe balance report',
    row: (fields) =>
      rowOf(() => {
        const category = at(fields, ix.category).toLowerCase();
        if (/^(payout|payout_reversal|transfer|transfer_reversal|topup|topup_reversal|connect_reserved_funds|risk_reserved_funds)$/.test(category)) {
          return { kind: 'transfer' };
        }
        const id = at(fields, ix.id);
        if (!id) throw new Error('balance_transaction_id is empty');
        const code = at(fields, ix.currency).toUpperCase();
        if (!isCurrencyCode(code)) throw new Error(`currency "${code}" is not an ISO 4217 code`);
        const date = stripeDate(at(fields, ix.created));
        if (!date) throw new Error(`created_utc "${at(fields, ix.created)}" is not a date`);
        const gross = money(at(fields, ix.gross), code, 'gross', '.');
        const fee = money(at(fields, ix.fee), code, 'fee', '.');
        const description = at(fields, ix.description) || category;
        const ref = `stripe:${id}`;
        if (/^(charge|payment|refund|refund_failure|dispute|dispute_reversal|partial_capture_reversal|charge_failure)$/.test(category)) {
          return { kind: 'drafts', drafts: [{ type: 'payment', ref, date, source: sourceName, lead_ref: null, description, gross_minor: gross, fee_minor: fee, currency: code }] };
        }
        if (/^(fee|other_adjustment|tax|stripe_fee|network_cost)$/.test(category)) {
          const tax = category === 'tax';
          return {
            kind: 'drafts',
            drafts: [{ type: 'expense', ref, date, source: sourceName, category: tax ? 'tax' : 'fee', description, amount_minor: -(gross - fee), currency: code, connects: 0 }],
          };
        }
        throw new Error(`reporting_category "${category}" is not one LeadLedger knows; nothing is guessed`);
      }),
  };
}

export const stripePaymentsAliases = {
  id: ['id'],
  created: ['Created date (UTC)', 'Created (UTC)'],
  amount: ['Amount'],
  refunded: ['Amount Refunded'],
  currency: ['Currency'],
  fee: ['Fee'],
  status: ['Status'],
  description: ['Description'],
  email: ['Customer Email'],
} as const;

/** Stripe payments export: a paid charge is a payment; its refunded part a second, negative one. */
export function stripePaymentsMapper(headers: readonly string[], sourceName: string): Mapper {
  const ix = indexHeaders(headers, stripePaymentsAliases);
  return {
    format: 'stripe-payments',
    label: 'Stripe payments export',
    row: (fields) =>
      rowOf(() => {
        const status = at(fields, ix.status);
        if (status && !/^(paid|succeeded|refunded|partially refunded)$/i.test(status)) return { kind: 'skipped', reason: `status ${status}` };
        const id = at(fields, ix.id);
        if (!id) throw new Error('id is empty');
        const code = at(fields, ix.currency).toUpperCase();
        if (!isCurrencyCode(code)) throw new Error(`Currency "${code}" is not an ISO 4217 code`);
        const date = stripeDate(at(fields, ix.created));
        if (!date) throw new Error(`Created date (UTC) "${at(fields, ix.created)}" is not a date`);
        const gross = money(at(fields, ix.amount), code, 'Amount', '.');
        const refunded = money(at(fields, ix.refunded), code, 'Amount Refunded', '.');
        const fee = money(at(fields, ix.fee), code, 'Fee', '.');
        const description = [at(fields, ix.description), at(fields, ix.email)].filter(Boolean).join(' · ');
        const base = { type: 'payment' as const, date, source: sourceName, lead_ref: null, description, currency: code };
        const drafts: PaymentDraft[] = [{ ...base, ref: `stripe:${id}`, gross_minor: gross, fee_minor: fee }];
        if (refunded !== 0) drafts.push({ ...base, ref: `stripe:${id}:refund`, gross_minor: -Math.abs(refunded), fee_minor: 0, description: `Refund: ${description}` });
        return { kind: 'drafts', drafts };
      }),
  };
}
