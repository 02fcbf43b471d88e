import { parseAmount } from '../../shared/csv/amounts';
import { parseDate } from '../../shared/csv/dates';
import { boundedMemo } from './bounded-memo';
import { FeeLinks, type Linked } from './fee-links';
import type { ExpenseDraft, Mapper, PaymentDraft, RowResult } from './drafts';
import type { FileProfile } from './file-profile';
import type { TypeDecisions } from './type-decisions';
import { connectsCount, type RowKind, upworkKinds } from './upwork-kinds';
import { type UpworkRow, upworkRowReader } from './upwork-rows';

export { upworkTypes } from './upwork-kinds';
export { upworkCurrentAliases, upworkLegacyAliases } from './upwork-rows';

// Upwork transaction history (docs/domain.md §3), current and legacy layouts. Rows stream: a first pass
// only notes which payment each Service Fee belongs to (by Transaction ID, or the Ref ID its
// description names), so a fee finds its payment wherever in the file it stands. A row then goes
// through the steps below: its kind (upwork-kinds.ts), its date, its key, its amount, its drafts.

const refNamed = /ref\s*id\s*:?\s*#?\s*(\w+)/i;

type Profile = Pick<FileProfile, 'decimal' | 'dateFormat'>;

/** A row a step refuses: the result says why. */
type Refused = Exclude<RowResult, { kind: 'drafts' }>;

/** Transfers and ignored types end here; a type nobody has decided on waits for the user. */
function classify(r: UpworkRow, kind: RowKind | undefined): Refused | undefined {
  if (!kind)
    return {
      kind: 'unknown-type',
      type: r.type,
      message: `Upwork type "${r.type}" is not one LeadLedger knows; decide what it is in the import page (nothing is guessed)`,
    };
  if (kind.as === 'transfer') return { kind: 'transfer', reason: r.type };
  if (kind.as === 'ignore') return { kind: 'skipped', reason: `type ${r.type} (ignored by your decision)` };
  return undefined;
}

/** The row's date in the file's date format. Dates repeat on every row of a day: each distinct text is read once. */
function fileDates(profile: Profile, dateIndex: number | undefined) {
  let dateFormat: string | undefined;
  let dateOf: (text: string) => string | undefined = () => undefined;
  return (text: string): string | Refused => {
    const format = profile.dateFormat(dateIndex);
    if (format !== dateFormat) {
      dateFormat = format;
      dateOf = boundedMemo((t) => parseDate(t, format));
    }
    const date = dateOf(text);
    if (date) return date;
    return {
      kind: 'invalid',
      message: `Date "${text}" is not a date like the others of the file (${format})`,
      reason: 'Date',
    };
  };
}

/** The current layout keys a row by Transaction ID, type and Ref ID; the legacy one by Ref ID alone. */
function rowRef(r: UpworkRow, legacy: boolean, typeKeyOf: (type: string) => string): string | Refused {
  if (legacy ? r.refId === '' : r.txId === '' && r.refId === '')
    return {
      kind: 'invalid',
      message: legacy ? 'Ref ID is empty' : 'Transaction ID and Ref ID are empty',
      reason: 'no key',
    };
  return legacy ? `upwork:${r.refId}` : `upwork:${r.txId}:${typeKeyOf(r.type)}:${r.refId}`;
}

/** The amount in US cents; a negative Miscellaneous is not revenue. */
function rowAmount(r: UpworkRow, kind: RowKind, profile: Profile, field: string): number | Refused {
  const parsed = parseAmount(r.amount, 'USD', profile.decimal);
  if (!parsed.ok) return { kind: 'invalid', message: `${field}: ${parsed.message}`, reason: field };
  if (kind.as === 'payment-if-positive' && parsed.minor < 0)
    return {
      kind: 'invalid',
      message: `${r.type} with a negative amount is not revenue; nothing is guessed`,
      reason: 'negative Miscellaneous',
    };
  return parsed.minor;
}

type Checked = { r: UpworkRow; kind: RowKind; date: string; ref: string; amount: number; line: number };

/** What a checked row writes: a payment (its fee joined), a fee on its own, or an expense. */
function rowDrafts(c: Checked, sourceName: string, linked: Linked): RowResult {
  const { r, kind, date, ref, amount } = c;
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
  switch (kind.as) {
    case 'payment-if-positive':
    case 'payment':
    case 'refund':
      return { kind: 'drafts', drafts: [payment(amount, linked.feeFor(c.line))] };
    case 'fee':
      // Joined to its payment above; else it stands on its own so the report still counts it.
      return linked.joined(c.line)
        ? { kind: 'drafts', drafts: [], fee: true }
        : { kind: 'drafts', drafts: [payment(0, -amount)], fee: true };
    case 'expense': {
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
    default:
      throw new Error(`Upwork row of kind ${kind.as} has no drafts`);
  }
}

export function upworkMapper(
  headers: readonly string[],
  legacy: boolean,
  profile: Profile,
  sourceName: string,
  decisions: TypeDecisions,
): Mapper {
  const rows = upworkRowReader(headers, legacy);
  const kinds = upworkKinds(decisions);
  const dateOf = fileDates(profile, rows.dateIndex);
  // First pass: where each payment stands and which payment each fee joins (see fee-links.ts).
  // Dropped once linked: only each payment's fee total stays.
  const links = new FeeLinks((text, decimal) => {
    const parsed = parseAmount(text, 'USD', decimal);
    return parsed.ok ? parsed.minor : undefined;
  });
  let linked: Linked | undefined;

  function row(fields: readonly string[], line: number): RowResult {
    linked ??= links.link(profile.decimal);
    const r = rows.read(fields);
    const kind = kinds.kindOf(r.type, r.description);
    const refused = classify(r, kind);
    if (refused || !kind) return refused!;
    const date = dateOf(r.date);
    if (typeof date !== 'string') return date;
    const ref = rowRef(r, legacy, kinds.keyOf);
    if (typeof ref !== 'string') return ref;
    const amount = rowAmount(r, kind, profile, rows.amountField);
    if (typeof amount !== 'number') return amount;
    return rowDrafts({ r, kind, line, date, ref, amount }, sourceName, linked);
  }

  return {
    format: legacy ? 'upwork-legacy' : 'upwork',
    label: legacy ? 'Upwork transaction history (legacy statement)' : 'Upwork transaction history',
    prescan(fields, line) {
      const kind = kinds.linkKind(rows.type(fields));
      if (kind === undefined) return;
      const txId = rows.txId(fields);
      if (kind === 'fee') {
        links.fee(txId, refNamed.exec(rows.describe(fields))?.[1] ?? null, rows.amount(fields), line);
        return;
      }
      links.payment(txId, rows.refId(fields), line);
    },
    row,
  };
}
