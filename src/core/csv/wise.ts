import { parseAmount } from '../../shared/csv/amounts';
import { indexHeaders } from '../../shared/csv/headers';
import { type ExpenseDraft, type Mapper, type PaymentDraft, type RowResult, RowError } from './drafts';
import { cellAt as at, cellReader, rowErrorsAsInvalid } from './row-cells';
import type { FileProfile } from './file-profile';
import type { Layout } from './layouts';

// Wise (TransferWise) statements, 2020 and 2025 layouts (docs/domain.md §3). Wise is a way of being
// paid, not a channel: money received from someone is a payment of the channel chosen at import;
// its charge rows are its fee (or, for money that was not received, an expense `fee`); the parent
// row's `Total fees` repeats those charges and is never added. Everything else moves the user's
// own money: a transfer.

export const wiseAliases = {
  id: ['TransferWise ID', 'Wise ID', 'ID'],
  date: ['Date'],
  amount: ['Amount'],
  currency: ['Currency'],
  description: ['Description'],
  reference: ['Payment Reference'],
  payer: ['Payer Name'],
  detailsType: ['Transaction Details Type'],
  totalFees: ['Total fees'],
} as const;

const chargeOf = /^(?:Transfer)?Wise Charges for:?\s*(\S+)/i;
const received = /^Received money from\b/i;
const ownMoney = /^(?:Topped up|Top[- ]?up|Converted|Card transaction|Sent money|Cashback|Balance cashback)\b/i;

type ReadAs = Pick<FileProfile, 'decimal' | 'dateFormat'>;

export function wiseMapper(headers: readonly string[], layout: Layout, profile: ReadAs, sourceName: string): Mapper {
  const ix = indexHeaders(headers, wiseAliases);
  const cells = cellReader(headers, profile);
  const { header } = cells;
  /** TransferWise IDs of received payments, and the charges that name them (their fee). */
  const payments = new Set<string>();
  const charges = new Map<string, { text: string; currency: string }[]>();

  const amountOf = (fields: readonly string[], code: string): number => {
    const raw = at(fields, ix.amount);
    const parsed = parseAmount(raw, code, profile.decimal);
    if (!parsed.ok) throw new RowError(`${header(ix.amount)}: ${parsed.message}`, header(ix.amount));
    return parsed.minor;
  };
  const currencyOf = (fields: readonly string[]): string => cells.currency(fields, ix.currency);
  const dateOf = (fields: readonly string[]): string => cells.date(fields, ix.date);
  /** Money someone else sent: "Received money from …", or money added with a payer's name. */
  const isReceived = (fields: readonly string[]): boolean => {
    const description = at(fields, ix.description);
    if (received.test(description)) return true;
    // The user's own money added (a top-up, a conversion) is no payment, whoever's name it carries.
    if (ownMoney.test(description)) return false;
    const amount = at(fields, ix.amount);
    if (amount.startsWith('-') || at(fields, ix.payer) === '') return false;
    const details = at(fields, ix.detailsType).toUpperCase();
    return details === '' || details === 'MONEY_ADDED' || details === 'DEPOSIT';
  };

  function row(fields: readonly string[]): RowResult {
    const id = at(fields, ix.id);
    const description = at(fields, ix.description);
    const charge = chargeOf.exec(description);
    if (charge) {
      const of = charge[1]!;
      // Its payment takes it as the fee (below); the row itself adds nothing.
      if (payments.has(of)) return { kind: 'drafts', drafts: [], fee: true };
      const code = currencyOf(fields);
      const draft: ExpenseDraft = {
        type: 'expense',
        ref: `wise:${id || of}:charge`,
        date: dateOf(fields),
        source: sourceName,
        category: 'fee',
        description: description.slice(0, 500),
        amount_minor: -amountOf(fields, code),
        currency: code,
        connects: 0,
      };
      return { kind: 'drafts', drafts: [draft] };
    }
    if (!isReceived(fields)) return { kind: 'transfer', reason: description };
    const code = currencyOf(fields);
    const gross = amountOf(fields, code);
    if (gross <= 0) return { kind: 'transfer', reason: description };
    let fee = 0;
    for (const c of charges.get(id) ?? []) {
      if (c.currency !== code) continue;
      const parsed = parseAmount(c.text, code, profile.decimal);
      if (parsed.ok) fee -= parsed.minor;
    }
    const draft: PaymentDraft = {
      type: 'payment',
      ref: `wise:${id}:payment`,
      date: dateOf(fields),
      source: sourceName,
      lead_ref: null,
      description: ([description, at(fields, ix.reference)].filter(Boolean).join(' · ') || 'Wise').slice(0, 500),
      gross_minor: gross,
      fee_minor: fee,
      currency: code,
      payer: { rail: 'bank', payer_name: at(fields, ix.payer), payer_email: '' },
    };
    return { kind: 'drafts', drafts: [draft] };
  }

  return {
    format: layout.id,
    label: layout.label,
    prescan(fields) {
      const charge = chargeOf.exec(at(fields, ix.description));
      if (charge) {
        const list = charges.get(charge[1]!) ?? [];
        list.push({ text: at(fields, ix.amount), currency: at(fields, ix.currency).toUpperCase() });
        charges.set(charge[1]!, list);
      } else if (isReceived(fields) && !at(fields, ix.amount).startsWith('-')) payments.add(at(fields, ix.id));
    },
    row: rowErrorsAsInvalid(row),
  };
}
