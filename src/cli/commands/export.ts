import { parseArgs } from 'node:util';
import { isIsoDate } from '../../shared/dates';
import { exportKinds } from '../../shared/api/schemas/csv';
import { createTempFile, type HostFile, hostFile, registerPath, releaseFile } from '../../core/host-files';
import { CliError } from '../cli-error';
import { attributionFlag } from './attribution-flag';
import type { Command } from '../command';
import { copyToStdout } from '../deliver';
import { isStdout } from '../output-target';

type ExportKind = (typeof exportKinds)[number];

export const exportCommand: Command = {
  name: 'export',
  summary: 'Export leads, payments, expenses or the channel report as CSV (or --json records)',
  usage:
    'leadledger export leads|payments|expenses|time|report [--from D] [--to D] [--basis cash|usage] [--attribution last|first] [-o FILE] [--bom] [--json]',
  async run(args, env) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        basis: { type: 'string' },
        attribution: { type: 'string' },
        output: { type: 'string', short: 'o' },
        bom: { type: 'boolean' },
        json: { type: 'boolean' },
      },
    });
    const kind = positionals[0];
    if (positionals.length !== 1 || !(exportKinds as readonly string[]).includes(kind!)) {
      throw new CliError(`Say what to export: ${exportKinds.join(', ')}. Usage: ${this.usage}`, 2);
    }
    for (const flag of ['from', 'to'] as const) {
      const v = values[flag];
      if (v !== undefined && !isIsoDate(v)) throw new CliError(`--${flag} needs a real date written YYYY-MM-DD`, 2);
    }
    if (values.from && values.to && values.from > values.to) throw new CliError('--from is after --to', 2);
    if (values.json && values.bom) throw new CliError('--bom is for CSV, not --json', 2);
    if (values.basis !== undefined && values.basis !== 'cash' && values.basis !== 'usage')
      throw new CliError(`--basis is cash or usage (got "${values.basis}")`, 2);
    if (values.basis !== undefined && kind !== 'report') throw new CliError('--basis is for export report', 2);
    const attribution = attributionFlag(values.attribution);
    if (attribution !== undefined && kind !== 'report') throw new CliError('--attribution is for export report', 2);
    // `-o -` and /dev/stdout are standard output (see output-target.ts); any other path is the user's file.
    const output = values.output === undefined || isStdout(values.output) ? undefined : values.output;
    // Like every host: the export goes into a registered file (-o FILE, or a private temporary file copied to stdout).
    const target: HostFile = output ? registerPath(output, 'write') : createTempFile(`${kind}.csv`, 'write');
    try {
      const input = {
        fileId: target.fileId,
        kind: kind as ExportKind,
        from: values.from,
        to: values.to,
        bom: values.bom ?? false,
        json: values.json ?? false,
        ...(values.basis ? { basis: values.basis as 'cash' | 'usage' } : {}),
        ...(attribution ? { attribution } : {}),
      };
      const { rows } = await env.call('csv:export-file', input);
      if (!output) await copyToStdout(hostFile(target.fileId, 'write').path, env.io);
      else if (env.io.isTty)
        env.io.stderr(`Wrote ${rows.toLocaleString('en')} ${kind === 'report' ? 'channels' : kind} to ${output}\n`);
      return 0;
    } finally {
      releaseFile(target.fileId);
    }
  },
};
