import { parseAmount } from '../../shared/csv/amounts';
import { parseDate } from '../../shared/csv/dates';
import { indexHeaders } from '../../shared/csv/headers';
import type { Draft, ExpenseDraft, Mapper, PaymentDraft, RowResult } from './drafts';
import type { ExpenseCategory } from '../repos/expenses-repo';

// Upwork transaction history (DOMAIN.md §3), current and legacy layouts.

export const upworkCurrentAliases = {
  date: ['Date'],
  transactionId: ['Transaction ID'],
  type: ['Transaction type'],
  summary: ['Transaction summary'],
  summaryDetails: ['Transaction summary details'],
  d1: ['Description 1'],
  d2: ['Description 2'],
  d3: ['Description 3'],
  refId: ['Ref ID'],
  amount: ['Amount $', 'Amount'],
} as const;

export const upworkLegacyAliases = {
  date: ['Date'],
  refId: ['Ref ID'],
  type: ['Type'],
  description: ['Description'],
  amount: ['Amount', 'Amount $'],
} as const;

type Kind =
  | { as: 'payment' }
  | { as: 'payment-if-positive' }
  | { as: 'fee' }
  | { as: 'refund' }
  | { as: 'fee-refund' }
  | { as: 'expense'; category: ExpenseCategory }
  | { as: 'transfer' };

/** Types compared case-, space- and hyphen-insensitively. */
export function typeKey(type: string): string {
  return type.toLowerCase().replace(/[\s\-_]+/g, '');
}

const kinds: Record<string, Kind> = {
  hourly: { as: 'payment' },
  fixedprice: { as: 'payment' },
  milestone: { as: 'payment' },
  bonus: { as: 'payment' },
  miscellaneous: { as: 'payment-if-positive' },
  servicefee: { as: 'fee' },
  refund: { as: 'refund' },
  refundtoclient: { as: 'refund' },
  servicefeerefund: { as: 'fee-refund' },
  connects: { as: 'expense', category: 'connects' },
  subscription: { as: 'expense', category: 'subscription' },
  membershipfee: { as: 'expense', category: 'subscription' },
  withdrawalfee: { as: 'expense', category: 'fee' },
  gst: { as: 'expense', category: 'tax' },
  vat: { as: 'expense', category: 'tax' },
  tax: { as: 'expense', category: 'tax' },
  wht: { as: 'expense', category: 'tax' },
  withdrawal: { as: 'transfer' },
  payment: { as: 'transfer' },
  deposit: { as: 'transfer' },
};

export const upworkTypes = Object.keys(kinds);

type Pending = { line: number; result?: RowResult; fee?: { minor: number; txId: string; refInDescription: string | null; draft: PaymentDraft } };

function dateOf(raw: string): string | undefined {
  return parseDate(raw, 'MMM D, YYYY') ?? parseDate(raw, 'YYYY-MM-DD') ?? parseDate(raw, 'MM/DD/YYYY');
}

export function upworkMapper(headers: readonly string[], legacy: boolean, sourceName: string): Mapper {
  const current = indexHeaders(headers, upworkCurrentAliases);
  const old = indexHeaders(headers, upworkLegacyAliases);
  const pending: Pending[] = [];
  const at = (fields: readonly string[], index: number | undefined) => (index === undefined ? '' : (fields[index] ?? '')).trim();

  function read(fields: readonly string[]) {
    if (legacy) {
      const description = at(fields, old.description);
      return { date: at(fields, old.date), txId: '', refId: at(fields, old.refId), type: at(fields, old.type), amount: at(fields, old.amount), description, texts: [description] };
    }
    const texts = [current.summary, current.summaryDetails, current.d1, current.d2, current.d3].map((i) => at(fields, i)).filter(Boolean);
    return {
      date: at(fields, current.date),
      txId: at(fields, current.transactionId),
      refId: at(fields, current.refId),
      type: at(fields, current.type),
      amount: at(fields, current.amount),
      description: texts.join(' · '),
      texts,
    };
  }

  function handle(fields: readonly string[], line: number): Pending {
    const r = read(fields);
    const invalid = (message: string): Pending => ({ line, result: { kind: 'invalid', message } });
    const kind = kinds[typeKey(r.type)];
    if (!kind) return invalid(`Upwork type "${r.type}" is not one LeadLedger knows; nothing is guessed`);
    if (kind.as === 'transfer') return { line, result: { kind: 'transfer' } };
    const date = dateOf(r.date);
    if (!date) return invalid(`Date "${r.date}" is not a date like Sep 25, 2026`);
    const parsed = parseAmount(r.amount, 'USD');
    if (!parsed.ok) return invalid(`${legacy ? 'Amount' : 'Amount $'}: ${parsed.message}`);
    const amount = parsed.minor;
    const ref = legacy ? `upwork:${r.refId}` : `upwork:${r.txId}:${typeKey(r.type)}:${r.refId}`;
    if (legacy ? r.refId === '' : r.txId === '' && r.refId === '') return invalid(legacy ? 'Ref ID is empty' : 'Transaction ID and Ref ID are empty');
    const payment = (gross: number, fee: number): PaymentDraft => ({
      type: 'payment', ref, date, source: sourceName, lead_ref: null, description: r.description, gross_minor: gross, fee_minor: fee, currency: 'USD',
    });
    switch (kind.as) {
      case 'payment-if-positive':
        if (amount < 0) return invalid(`${r.type} with a negative amount is not revenue; nothing is guessed`);
        return { line, result: { kind: 'drafts', drafts: [payment(amount, 0)] } };
      case 'payment':
      case 'refund':
        return { line, result: { kind: 'drafts', drafts: [payment(amount, 0)] } };
      case 'fee':
      case 'fee-refund': {
        const named = /ref\s*id\s*:?\s*#?\s*(\w+)/i.exec(r.description);
        return { line, fee: { minor: -amount, txId: r.txId, refInDescription: named ? named[1]! : null, draft: payment(0, -amount) } };
      }
      case 'expense': {
        const connects = kind.category === 'connects' ? Number(/(\d+)\s+connects?\b/i.exec(r.texts.join(' '))?.[1] ?? 0) : 0;
        const draft: ExpenseDraft = {
          type: 'expense', ref, date, source: sourceName, category: kind.category, description: r.description, amount_minor: -amount, currency: 'USD', connects,
        };
        return { line, result: { kind: 'drafts', drafts: [draft] } };
      }
    }
  }

  return {
    format: legacy ? 'upwork-legacy' : 'upwork',
    label: legacy ? 'Upwork transaction history (legacy layout)' : 'Upwork transaction history',
    row(fields, line) {
      pending.push(handle(fields, line));
      return undefined;
    },
    // Fees join the payment that shares their Transaction ID (legacy: the Ref ID their description names).
    finish() {
      const byTx = new Map<string, PaymentDraft>();
      const byRef = new Map<string, PaymentDraft>();
      for (const p of pending) {
        if (p.result?.kind !== 'drafts') continue;
        for (const d of p.result.drafts as Draft[]) {
          if (d.type !== 'payment') continue;
          const [, tx = '', , refId = ''] = d.ref.split(':');
          if (legacy) byRef.set(tx, d);
          else {
            if (tx && !byTx.has(tx)) byTx.set(tx, d);
            if (refId && !byRef.has(refId)) byRef.set(refId, d);
          }
        }
      }
      const out: { line: number; result: RowResult }[] = [];
      for (const p of pending) {
        if (p.result) {
          out.push({ line: p.line, result: p.result });
          continue;
        }
        const fee = p.fee!;
        const target = (fee.txId ? byTx.get(fee.txId) : undefined) ?? (fee.refInDescription ? byRef.get(fee.refInDescription) : undefined);
        if (target) {
          target.fee_minor = (target.fee_minor ?? 0) + fee.minor;
          out.push({ line: p.line, result: { kind: 'drafts', drafts: [] } });
        } else {
          // No earning in this file: the fee stands on its own so the report still counts it.
          out.push({ line: p.line, result: { kind: 'drafts', drafts: [fee.draft] } });
        }
      }
      out.sort((a, b) => a.line - b.line);
      return out;
    },
  };
}
