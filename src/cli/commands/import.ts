import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importAsValues } from '../../shared/api/schemas/csv';
import { backupBeforeImport } from '../../core/backup/backup-service';
import { type ImportSummary, importCsvFile } from '../../core/csv/import-engine';
import type { ImportAs } from '../../core/csv/formats';
import { headersOf, mappingByName } from '../../core/services/csv-service';
import { CliError } from '../cli-error';
import type { Command } from '../command';

const n = (value: number) => value.toLocaleString('en');

const plural = (count: number, word: string) => `${n(count)} ${word}${count === 1 ? '' : 's'}`;
const byReason = (counts: Record<string, number>) => Object.entries(counts).map(([reason, count]) => `${n(count)} ${reason}`).join(', ');

function describe(s: ImportSummary): string[] {
  const verb = s.applied ? 'Imported' : s.dryRun ? 'Dry run of' : 'Refused';
  const counts = [`${n(s.inserted)} inserted`, `${n(s.updated)} updated`, `${n(s.unchanged)} unchanged`, `${n(s.skipped)} skipped`];
  if (s.transfers) counts.push(`${n(s.transfers)} transfers`);
  if (s.merged) counts.push(`${n(s.merged)} fees joined to their payment`);
  const lines = [`${verb} ${s.fileName} (${s.formatLabel}, ${n(s.rows)} rows): ${counts.join(', ')}`];
  if (s.recognisedBy.length) lines.push(`Recognised by the columns ${s.recognisedBy.join(', ')}; read as ${s.readAs.join(', ')}`);
  const c = s.counts;
  const became: string[] = [];
  if (c.leads) became.push(plural(c.leads, 'lead'));
  if (c.payments) became.push(plural(c.payments, 'payment'));
  if (c.fees) became.push(plural(c.fees, 'fee'));
  const expenses = Object.entries(c.expenses);
  if (expenses.length) became.push(`expenses: ${expenses.map(([category, count]) => `${n(count)} ${category}`).join(', ')}`);
  if (c.transfers) became.push(plural(c.transfers, 'transfer'));
  if (became.length) lines.push(`Rows became: ${became.join('; ')}`);
  if (Object.keys(c.skipped).length) lines.push(`Skipped: ${byReason(c.skipped)}`);
  for (const u of s.unknownTypes) {
    lines.push(`Unknown ${u.platform} type "${u.type}": ${plural(u.count, 'row')} (line${u.lines.length === 1 ? '' : 's'} ${u.lines.join(', ')}${u.count > u.lines.length ? ', …' : ''}); decide what it is once in the app's import page`);
  }
  if (s.createdSources.length) lines.push(`New channels: ${s.createdSources.join(', ')}`);
  for (const w of s.warnings) lines.push(`Warning: ${w}`);
  return lines;
}

function invalidLines(s: ImportSummary): string[] {
  const reasons = Object.entries(s.counts.invalid).map(([reason, r]) => `${reason} ${n(r.count)} (line${r.lines.length === 1 ? '' : 's'} ${r.lines.join(', ')}${r.count > r.lines.length ? ', …' : ''})`);
  const lines = reasons.length > 1 ? [`  invalid by reason: ${reasons.join('; ')}`] : [];
  lines.push(...s.invalid.map((r) => `  line ${r.line}: ${r.message}`));
  if (s.invalidCount > s.invalid.length) lines.push(`  … and ${n(s.invalidCount - s.invalid.length)} more`);
  return lines;
}

export const importCommand: Command = {
  name: 'import',
  summary: 'Import a CSV: LeadLedger leads/payments/expenses, Upwork, PayPal, Stripe, or any file with a saved mapping',
  usage: 'leadledger import FILE [--as leads|payments|expenses|upwork|paypal|stripe] [--source NAME] [--mapping NAME] [--skip-invalid] [--dry-run] [--json]',
  async run(args, env) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        as: { type: 'string' },
        source: { type: 'string' },
        mapping: { type: 'string' },
        'skip-invalid': { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
      },
    });
    if (positionals.length !== 1) throw new CliError(`Give one file to import. Usage: ${this.usage}`, 2);
    const file = path.resolve(positionals[0]!);
    if (values.as !== undefined && !(importAsValues as readonly string[]).includes(values.as)) {
      throw new CliError(`--as must be one of ${importAsValues.join(', ')}`, 2);
    }
    if (values.as && values.mapping) throw new CliError('Use --as or --mapping, not both', 2);
    if (values.source !== undefined && (values.source.trim() === '' || values.source.length > 60)) throw new CliError('--source needs a channel name (at most 60 characters)', 2);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      throw new CliError(`${positionals[0]}: no such file`);
    }
    if (!stat.isFile()) throw new CliError(`${positionals[0]} is not a file`);
    const ctx = env.openCtx();
    const mapping = values.mapping ? mappingByName(ctx, values.mapping, await headersOf(file)) : undefined;
    // A copy to go back to, made before the import's transaction starts (a dry run writes nothing).
    if (!values['dry-run']) backupBeforeImport(ctx);
    const started = performance.now();
    const showProgress = env.io.isTty && !values.json;
    const summary = await importCsvFile(
      ctx.db,
      file,
      { as: values.as as ImportAs | undefined, source: values.source?.trim(), mapping, skipInvalid: values['skip-invalid'], dryRun: values['dry-run'] },
      {
        now: ctx.now,
        onProgress: showProgress
          ? ({ rows, bytes, totalBytes }) => {
              const seconds = (performance.now() - started) / 1000;
              const rate = seconds > 0 ? Math.round(rows / seconds) : 0;
              env.io.stderr(`\rimporting: ${n(rows)} rows, ${totalBytes ? Math.floor((bytes / totalBytes) * 100) : 100}%, ${n(rate)} rows/s   `);
            }
          : undefined,
      },
    );
    if (showProgress) env.io.stderr('\n');
    if (values.json) env.io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
    else env.io.stdout(`${describe(summary).join('\n')}\n`);
    if (summary.invalidCount > 0) {
      if (!values.json || !summary.applied) env.io.stderr(`${invalidLines(summary).join('\n')}\n`);
      if (!summary.applied && !summary.dryRun) {
        throw new CliError(`Nothing was imported: ${n(summary.invalidCount)} invalid row${summary.invalidCount === 1 ? '' : 's'} (fix them, or pass --skip-invalid to import the valid rows)`);
      }
      if (summary.dryRun) throw new CliError(`The dry run found ${n(summary.invalidCount)} invalid row${summary.invalidCount === 1 ? '' : 's'}`);
    }
    return 0;
  },
};
