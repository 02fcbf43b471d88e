import type { ImportSummary } from '../../shared/api/schemas/csv';
import { describePayerLinks } from '../../shared/csv/payer-links';
import { describeImportedMatch } from '../../shared/reports/plan-matching';
import { describeMatchedPair, describePossibleDuplicate } from '../../shared/api/reconcile-text';

const n = (value: number) => value.toLocaleString('en');

const plural = (count: number, word: string) => `${n(count)} ${word}${count === 1 ? '' : 's'}`;
const byReason = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([reason, count]) => `${n(count)} ${reason}`)
    .join(', ');

/** What an import did, in lines for stdout. */
export function describeImport(s: ImportSummary): string[] {
  const verb = s.applied ? 'Imported' : s.dryRun ? 'Dry run of' : 'Refused';
  const counts = [
    `${n(s.inserted)} inserted`,
    `${n(s.updated)} updated`,
    `${n(s.unchanged)} unchanged`,
    `${n(s.skipped)} skipped`,
  ];
  if (s.transfers) counts.push(`${n(s.transfers)} transfers`);
  if (s.merged) counts.push(`${n(s.merged)} fees joined to their payment`);
  const lines = [`${verb} ${s.fileName} (${s.formatLabel}, ${n(s.rows)} rows): ${counts.join(', ')}`];
  if (s.recognisedBy.length)
    lines.push(`Recognised by the columns ${s.recognisedBy.join(', ')}; read as ${s.readAs.join(', ')}`);
  const c = s.counts;
  const became: string[] = [];
  if (c.leads) became.push(plural(c.leads, 'lead'));
  if (c.payments) became.push(plural(c.payments, 'payment'));
  if (c.fees) became.push(plural(c.fees, 'fee'));
  if (c.time) became.push(`${n(c.time)} time ${c.time === 1 ? 'entry' : 'entries'}`);
  const expenses = Object.entries(c.expenses);
  if (expenses.length)
    became.push(`expenses: ${expenses.map(([category, count]) => `${n(count)} ${category}`).join(', ')}`);
  if (c.transfers) became.push(plural(c.transfers, 'transfer'));
  if (became.length) lines.push(`Rows became: ${became.join('; ')}`);
  if (Object.keys(c.skipped).length) lines.push(`Skipped: ${byReason(c.skipped)}`);
  for (const u of s.unknownTypes) {
    lines.push(
      `Unknown ${u.platform} type "${u.type}": ${plural(u.count, 'row')} (line${u.lines.length === 1 ? '' : 's'} ${u.lines.join(', ')}${u.count > u.lines.length ? ', …' : ''}); decide what it is once in the app's import page (or: leadledger api csv:decide-types)`,
    );
  }
  for (const m of s.subscriptionMatches) lines.push(`Matched: ${describeImportedMatch(m)}`);
  // docs/domain.md §7: what the import matched to the typed records, and what it doubts.
  if (s.matched.length)
    lines.push(
      `Matched to what you entered: ${n(s.matched.length)}`,
      ...s.matched.map((m) => `  ${describeMatchedPair(m)}`),
    );
  if (s.possibleDuplicates.length) {
    lines.push(
      `Possible duplicates: ${n(s.possibleDuplicates.length)} (imported as new; undo the import and tick them in the app's preview if they are the same)`,
    );
    lines.push(...s.possibleDuplicates.map((d) => `  ${describePossibleDuplicate(d)}`));
  }
  if (s.leadLinks) lines.push(`Linked to their lead by title or client: ${plural(s.leadLinks, 'payment')}`);
  const payers = describePayerLinks(s.payerLinks);
  if (payers) lines.push(payers);
  if (s.createdSources.length) lines.push(`New channels: ${s.createdSources.join(', ')}`);
  for (const w of s.warnings) lines.push(`Warning: ${w}`);
  if (s.applied && s.importId !== null)
    lines.push(`Undo this import: leadledger api imports:undo '{"id":${s.importId}}'`);
  return lines;
}

/** The invalid rows, by reason and by line, for stderr. */
export function invalidLines(s: ImportSummary): string[] {
  const reasons = Object.entries(s.counts.invalid).map(
    ([reason, r]) =>
      `${reason} ${n(r.count)} (line${r.lines.length === 1 ? '' : 's'} ${r.lines.join(', ')}${r.count > r.lines.length ? ', …' : ''})`,
  );
  const lines = reasons.length > 1 ? [`  invalid by reason: ${reasons.join('; ')}`] : [];
  lines.push(...s.invalid.map((r) => `  line ${r.line}: ${r.message}`));
  if (s.invalidCount > s.invalid.length) lines.push(`  … and ${n(s.invalidCount - s.invalid.length)} more`);
  return lines;
}

/** Why the command exits 1 after printing the summary, or null. */
export function importFailure(s: ImportSummary): string | null {
  if (s.invalidCount === 0) return null;
  const rows = `${n(s.invalidCount)} invalid row${s.invalidCount === 1 ? '' : 's'}`;
  if (!s.applied && !s.dryRun)
    return `Nothing was imported: ${rows} (fix them, or pass --skip-invalid to import the valid rows)`;
  if (s.dryRun) return `The dry run found ${rows}`;
  return null;
}
