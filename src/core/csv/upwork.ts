import { parseAmount } from '../../shared/csv/amounts';
import { parseDate } from '../../shared/csv/dates';
import { indexHeaders } from '../../shared/csv/headers';
import type { ExpenseCategory } from '../expenses/expenses-repo';
import { boundedMemo } from './bounded-memo';
import { FeeLinks, type Linked } from './fee-links';
import type { ExpenseDraft, Mapper, PaymentDraft, RowResult } from './drafts';
import type { FileProfile } from './file-profile';
import { type TypeDecision, type TypeDecisions, typeKey } from './type-decisions';

// Upwork transaction history (docs/domain.md §3), current and legacy layouts. Rows stream: a first pass
// only notes which payment each Service Fee belongs to (by Transaction ID, or the Ref ID its
// description names), so a fee finds its payment wherever in the file it stands.

export const upworkCurrentAliases = {
  date: ['Date'],
  transactionId: ['Transaction ID'],
  type: ['Transaction type'],
  summary: ['Transaction summary'],
  summaryDetails: ['Transaction summary details'],
  d1: ['Description 1'],
  d2: ['Description 2'],
  d3: ['Description 3'],
  entered: ['Entered Description'],
  refId: ['Ref ID'],
  amount: ['Amount $', 'Amount'],
  /** docs/domain.md §7: the client a payment links its lead by. */
  client: ['Client team', 'Team'],
} as const;

export const upworkLegacyAliases = {
  date: ['Date'],
  refId: ['Ref ID'],
  type: ['Type'],
  description: ['Description'],
  amount: ['Amount'],
} as const;

type Kind =
  | { as: 'payment' }
  | { as: 'payment-if-positive' }
  | { as: 'fee' }
  | { as: 'refund' }
  | { as: 'expense'; category: ExpenseCategory }
  | { as: 'membership' }
  | { as: 'transfer' }
  | { as: 'ignore' };

/** docs/domain.md §3's table, by type key. */
const kinds: Record<string, Kind> = {
  hourly: { as: 'payment' },
  fixedprice: { as: 'payment' },
  milestone: { as: 'payment' },
  bonus: { as: 'payment' },
  miscellaneous: { as: 'payment-if-positive' },
  servicefee: { as: 'fee' },
  refund: { as: 'refund' },
  refundtoclient: { as: 'refund' },
  servicefeerefund: { as: 'fee' },
  connects: { as: 'expense', category: 'connects' },
  membershipfee: { as: 'membership' },
  subscription: { as: 'membership' },
  withdrawalfee: { as: 'expense', category: 'fee' },
  processingfee: { as: 'expense', category: 'fee' },
  gst: { as: 'expense', category: 'tax' },
  vat: { as: 'expense', category: 'tax' },
  tax: { as: 'expense', category: 'tax' },
  wht: { as: 'expense', category: 'tax' },
  withdrawal: { as: 'transfer' },
  payment: { as: 'transfer' },
  deposit: { as: 'transfer' },
};

export const upworkTypes = Object.keys(kinds);

function decided(d: TypeDecision): Exclude<Kind, { as: 'membership' }> {
  return d.as === 'expense'
    ? { as: 'expense', category: d.category }
    : d.as === 'ignore'
      ? { as: 'ignore' }
      : d.as === 'transfer'
        ? { as: 'transfer' }
        : d.as === 'fee'
          ? { as: 'fee' }
          : { as: 'payment' };
}

/** "Fees for additional Connects (10)", "80 Connects": the number bought. */
export function connectsCount(text: string): number {
  const m = /\((\d{1,7})\)/.exec(text) ?? /(\d{1,7})\s+connects?\b/i.exec(text);
  return m ? Number(m[1]) : 0;
}

const namesConnects = /\bconnects?\b/i;
const refNamed = /ref\s*id\s*:?\s*#?\s*(\w+)/i;

type Row = {
  date: string;
  txId: string;
  refId: string;
  type: string;
  amount: string;
  description: string;
  client: string;
};

export function upworkMapper(
  headers: readonly string[],
  legacy: boolean,
  profile: Pick<FileProfile, 'decimal' | 'dateFormat'>,
  sourceName: string,
  decisions: TypeDecisions,
): Mapper {
  const current = indexHeaders(headers, upworkCurrentAliases);
  const old = indexHeaders(headers, upworkLegacyAliases);
  const at = (fields: readonly string[], index: number | undefined) =>
    (index === undefined ? '' : (fields[index] ?? '')).trim();
  const dateIndex = legacy ? old.date : current.date;

  const textColumns = [
    current.summary,
    current.summaryDetails,
    current.d1,
    current.d2,
    current.d3,
    current.entered,
  ].filter((i) => i !== undefined);

  /** Every text column of the row, each distinct one once, joined with " · ". */
  function describe(fields: readonly string[]): string {
    if (legacy) return at(fields, old.description);
    let out = '';
    const seen: string[] = [];
    for (const i of textColumns) {
      const text = at(fields, i);
      if (text === '' || seen.includes(text)) continue;
      seen.push(text);
      out = out === '' ? text : `${out} · ${text}`;
    }
    return out;
  }

  function read(fields: readonly string[]): Row {
    if (legacy) {
      return {
        date: at(fields, old.date),
        txId: '',
        refId: at(fields, old.refId),
        type: at(fields, old.type),
        amount: at(fields, old.amount),
        description: describe(fields),
        client: '',
      };
    }
    return {
      date: at(fields, current.date),
      txId: at(fields, current.transactionId),
      refId: at(fields, current.refId),
      type: at(fields, current.type),
      amount: at(fields, current.amount),
      description: describe(fields),
      client: at(fields, current.client),
    };
  }

  // A type's key and table entry, worked out once per distinct type text of the file.
  const typeOf = boundedMemo((type: string) => {
    const key = typeKey(type);
    const known = kinds[key];
    const decision = known ? undefined : decisions[key];
    return { key, known, fallback: decision ? decided(decision) : undefined };
  });

  function kindOf(r: Row): Exclude<Kind, { as: 'membership' }> | undefined {
    const { known, fallback } = typeOf(r.type);
    if (known?.as === 'membership')
      return namesConnects.test(r.description)
        ? { as: 'expense', category: 'connects' }
        : { as: 'expense', category: 'subscription' };
    if (known) return known as Exclude<Kind, { as: 'membership' }>;
    return fallback;
  }

  /** What the first pass needs of a row's kind: memberships are expenses whatever their description says. */
  function linkKind(type: string): 'fee' | 'payment' | undefined {
    const { known, fallback } = typeOf(type);
    const as = (known ?? fallback)?.as;
    return as === 'fee'
      ? 'fee'
      : as === 'payment' || as === 'refund' || as === 'payment-if-positive'
        ? 'payment'
        : undefined;
  }

  // First pass: where each payment stands and which payment each fee joins (see fee-links.ts).
  // Dropped once linked: only each payment's fee total stays.
  const links = new FeeLinks((text, decimal) => {
    const parsed = parseAmount(text, 'USD', decimal);
    return parsed.ok ? parsed.minor : undefined;
  });
  let linked: Linked | undefined;

  // Dates repeat on every row of a day: each distinct text is read once (per date format).
  let dateFormat: string | undefined;
  let dateOf: (text: string) => string | undefined = () => undefined;

  const usd = (text: string, field: string): number => {
    const parsed = parseAmount(text, 'USD', profile.decimal);
    if (!parsed.ok) throw new Error(`${field}: ${parsed.message}`);
    return parsed.minor;
  };

  function handle(fields: readonly string[], line: number): RowResult {
    linked ??= links.link(profile.decimal);
    const r = read(fields);
    const amountField = legacy ? 'Amount' : 'Amount $';
    const kind = kindOf(r);
    if (!kind)
      return {
        kind: 'unknown-type',
        type: r.type,
        message: `Upwork type "${r.type}" is not one LeadLedger knows; decide what it is in the import page (nothing is guessed)`,
      };
    if (kind.as === 'transfer') return { kind: 'transfer', reason: r.type };
    if (kind.as === 'ignore') return { kind: 'skipped', reason: `type ${r.type} (ignored by your decision)` };
    const format = profile.dateFormat(dateIndex);
    if (format !== dateFormat) {
      dateFormat = format;
      dateOf = boundedMemo((text) => parseDate(text, format));
    }
    const date = dateOf(r.date);
    if (!date)
      return {
        kind: 'invalid',
        message: `Date "${r.date}" is not a date like the others of the file (${format})`,
        reason: 'Date',
      };
    if (legacy ? r.refId === '' : r.txId === '' && r.refId === '')
      return {
        kind: 'invalid',
        message: legacy ? 'Ref ID is empty' : 'Transaction ID and Ref ID are empty',
        reason: 'no key',
      };
    let amount: number;
    try {
      amount = usd(r.amount, amountField);
    } catch (error) {
      return { kind: 'invalid', message: (error as Error).message, reason: amountField };
    }
    const ref = legacy ? `upwork:${r.refId}` : `upwork:${r.txId}:${typeOf(r.type).key}:${r.refId}`;
    const description = r.description.slice(0, 500);
    const payment = (gross: number, fee: number): PaymentDraft => ({
      type: 'payment',
      ref,
      date,
      source: sourceName,
      lead_ref: null,
      description,
      gross_minor: gross,
      fee_minor: fee,
      currency: 'USD',
      ...(r.client ? { client: r.client.slice(0, 200) } : {}),
    });
    if (kind.as === 'payment-if-positive' && amount < 0) {
      return {
        kind: 'invalid',
        message: `${r.type} with a negative amount is not revenue; nothing is guessed`,
        reason: 'negative Miscellaneous',
      };
    }
    switch (kind.as) {
      case 'payment-if-positive':
      case 'payment':
      case 'refund': {
        return { kind: 'drafts', drafts: [payment(amount, linked.feeFor(line))] };
      }
      case 'fee':
        // Joined to its payment above; else it stands on its own so the report still counts it.
        return linked.joined(line)
          ? { kind: 'drafts', drafts: [], fee: true }
          : { kind: 'drafts', drafts: [payment(0, -amount)], fee: true };
      default: {
        const draft: ExpenseDraft = {
          type: 'expense',
          ref,
          date,
          source: sourceName,
          category: kind.category,
          description,
          amount_minor: -amount,
          currency: 'USD',
          connects: kind.category === 'connects' ? connectsCount(r.description) : 0,
        };
        return { kind: 'drafts', drafts: [draft] };
      }
    }
  }

  return {
    format: legacy ? 'upwork-legacy' : 'upwork',
    label: legacy ? 'Upwork transaction history (legacy statement)' : 'Upwork transaction history',
    prescan(fields, line) {
      const kind = linkKind(at(fields, legacy ? old.type : current.type));
      if (kind === undefined) return;
      const txId = legacy ? '' : at(fields, current.transactionId);
      if (kind === 'fee') {
        links.fee(
          txId,
          refNamed.exec(describe(fields))?.[1] ?? null,
          at(fields, legacy ? old.amount : current.amount),
          line,
        );
        return;
      }
      links.payment(txId, at(fields, legacy ? old.refId : current.refId), line);
    },
    row: handle,
  };
}
