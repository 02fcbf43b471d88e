import type { ImportSummary } from '../../shared/api/schemas/csv';

const n = (value: number) => value.toLocaleString('en');

/** What an import did, in lines for stdout. */
export function describeImport(s: ImportSummary): string[] {
  const verb = s.applied ? 'Imported' : s.dryRun ? 'Dry run of' : 'Refused';
  const counts = [`${n(s.inserted)} inserted`, `${n(s.updated)} updated`, `${n(s.unchanged)} unchanged`, `${n(s.skipped)} skipped`];
  if (s.transfers) counts.push(`${n(s.transfers)} transfers`);
  if (s.merged) counts.push(`${n(s.merged)} fees joined to their payment`);
  const lines = [`${verb} ${s.fileName} (${s.formatLabel}, ${n(s.rows)} rows): ${counts.join(', ')}`];
  if (s.createdSources.length) lines.push(`New channels: ${s.createdSources.join(', ')}`);
  for (const w of s.warnings) lines.push(`Warning: ${w}`);
  return lines;
}

/** The invalid rows by line, for stderr. */
export function invalidLines(s: ImportSummary): string[] {
  const lines = s.invalid.map((r) => `  line ${r.line}: ${r.message}`);
  if (s.invalidCount > s.invalid.length) lines.push(`  … and ${n(s.invalidCount - s.invalid.length)} more`);
  return lines;
}

/** Why the command exits 1 after printing the summary, or null. */
export function importFailure(s: ImportSummary): string | null {
  if (s.invalidCount === 0) return null;
  const rows = `${n(s.invalidCount)} invalid row${s.invalidCount === 1 ? '' : 's'}`;
  if (!s.applied && !s.dryRun) return `Nothing was imported: ${rows} (fix them, or pass --skip-invalid to import the valid rows)`;
  if (s.dryRun) return `The dry run found ${rows}`;
  return null;
}
