import type { RecordNote } from './schemas/reconcile';
import { formatMinorPlain } from '../money';

// docs/domain.md §7: one wording of "matched to what you entered" and "possible duplicate of …" for the
// CLI's summary and the app's import preview.

/** "payment #12 (2026-03-03, 200.00 USD, Upwork, "Landing page")". */
export function describeRecord(r: RecordNote): string {
  const what = r.kind === 'payment' ? 'payment' : `Connects purchase of ${r.connects}`;
  const text =
    r.description === '' ? '' : `, "${r.description.length > 60 ? `${r.description.slice(0, 59)}…` : r.description}"`;
  return `${what} #${r.id} (${r.date}, ${formatMinorPlain(r.amountMinor, r.currency)} ${r.currency}${r.source ? `, ${r.source}` : ''}${text})`;
}

/** The imported row of the file, named by its date and amount (its id is the typed record's after a takeover). */
export function describeImported(r: RecordNote): string {
  const what = r.kind === 'payment' ? 'payment' : `Connects purchase of ${r.connects}`;
  return `${what} of ${r.date}, ${formatMinorPlain(r.amountMinor, r.currency)} ${r.currency}`;
}

export function describeMatchedPair(m: { imported: RecordNote; typed: RecordNote }): string {
  return `${describeImported(m.imported)} is ${describeRecord(m.typed)} you entered: kept once, with your link and notes`;
}

export function describePossibleDuplicate(d: { imported: RecordNote; candidates: RecordNote[] }): string {
  return `${describeImported(d.imported)} imported as new: possible duplicate of ${d.candidates.map(describeRecord).join(' or ')}`;
}
