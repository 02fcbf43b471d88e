import type { WritableDB } from '../db/handles';
import type { ImportSummary } from './import-summary';
import { prepared } from '../db/statements';
import { linkImportedPayments } from './lead-links';
import { reconcileImport, type SameAs } from './reconcile-import';

// The import engine's one call into docs/domain.md §7 (inside the import's transaction, after its rows
// are written): typed records matched and taken over, possible duplicates listed, payments linked to
// their leads. The summary's counts say what happened: a row that took over a typed record was not inserted.

export function reconcileAfterImport(
  db: WritableDB,
  summary: ImportSummary,
  sameAs: readonly SameAs[] | undefined,
): void {
  if (summary.importId === null || (summary.kinds.payments === 0 && summary.kinds.expenses === 0)) return;
  const r = reconcileImport(db, summary.importId, sameAs);
  summary.matched = r.matched;
  summary.possibleDuplicates = r.possibleDuplicates;
  const payments = r.matched.filter((m) => m.imported.kind === 'payment').length;
  const expenses = r.matched.length - payments;
  summary.inserted -= r.matched.length;
  summary.kinds.payments -= payments;
  summary.kinds.expenses -= expenses;
  if (summary.kinds.payments > 0 || payments > 0) summary.leadLinks = linkImportedPayments(db, summary.importId);
}

/** The edit clock when the import ends: Undo refuses the records changed after it (migration 0016). */
export function stampImportClock(db: WritableDB, importId: number | null): void {
  if (importId === null) return;
  prepared(
    db,
    `UPDATE imports SET edit_seq = (SELECT changes FROM change_counters WHERE name = 'record_edits') WHERE id = ?`,
  ).run(importId);
}
