import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importAsValues, type ImportJob } from '../../shared/api/schemas/csv';
import { registerPath, releaseFile } from '../../core/host-files';
import { CliError } from '../cli-error';
import type { Command, CommandEnv } from '../command';
import { describeImport, importFailure, invalidLines } from '../format/import-summary';

type ImportAs = (typeof importAsValues)[number];
const n = (value: number) => value.toLocaleString('en');
const pollMs = 25;

/** Polls the import job as the app does, drawing the progress line on a terminal. */
async function waitForImport(env: CommandEnv, jobId: string, showProgress: boolean): Promise<ImportJob> {
  for (;;) {
    const job = await env.call('csv:job', { jobId });
    if (showProgress) {
      const percent = job.totalBytes ? Math.floor((job.bytes / job.totalBytes) * 100) : 100;
      env.io.stderr(`\rimporting: ${n(job.rows)} rows, ${percent}%, ${n(job.rowsPerSecond)} rows/s   `);
    }
    if (job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

export const importCommand: Command = {
  name: 'import',
  summary:
    'Import a CSV: LeadLedger leads/payments/expenses/time, Upwork, PayPal, Stripe, Wise, Toggl/Clockify/Harvest time, or any file with a saved mapping',
  usage:
    'leadledger import FILE [--as leads|payments|expenses|time|upwork|paypal|stripe] [--source NAME] [--kind sales|delivery] [--mapping NAME] [--skip-invalid] [--dry-run] [--json]',
  async run(args, env) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        as: { type: 'string' },
        source: { type: 'string' },
        kind: { type: 'string' },
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
    if (values.source !== undefined && (values.source.trim() === '' || values.source.length > 60))
      throw new CliError('--source needs a channel name (at most 60 characters)', 2);
    // Time trackers (docs/domain.md §6): the kind of every entry of the file.
    if (values.kind !== undefined && values.kind !== 'sales' && values.kind !== 'delivery')
      throw new CliError('--kind must be sales or delivery', 2);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      throw new CliError(`${positionals[0]}: no such file`);
    }
    if (!stat.isFile()) throw new CliError(`${positionals[0]} is not a file`);
    const { fileId } = registerPath(file, 'read');
    const showProgress = env.io.isTty && !values.json;
    let job: ImportJob;
    try {
      // The app's path: a job (backed up first unless a dry run, on its own connection), polled until it ends.
      const { jobId } = await env.call('csv:start-import', {
        fileId,
        as: values.as as ImportAs | undefined,
        source: values.source?.trim(),
        kind: values.kind as 'sales' | 'delivery' | undefined,
        mappingName: values.mapping,
        skipInvalid: values['skip-invalid'],
        dryRun: values['dry-run'],
      });
      job = await waitForImport(env, jobId, showProgress);
    } finally {
      releaseFile(fileId);
    }
    if (showProgress) env.io.stderr('\n');
    if (job.state !== 'done' || !job.summary) throw new CliError(job.error ?? `The import ended as ${job.state}`);
    const summary = job.summary;
    if (values.json) env.io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
    else env.io.stdout(`${describeImport(summary).join('\n')}\n`);
    if (summary.invalidCount > 0 && (!values.json || !summary.applied))
      env.io.stderr(`${invalidLines(summary).join('\n')}\n`);
    if (summary.counts.invalid['unmapped project'] && !values.json) {
      env.io.stderr(
        "Map the projects once on the app's Import page, or give the whole file a channel: --source NAME [--kind sales|delivery]\n",
      );
    }
    const failure = importFailure(summary);
    if (failure) throw new CliError(failure);
    return 0;
  },
};
