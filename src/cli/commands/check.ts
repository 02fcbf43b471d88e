import { parseArgs } from 'node:util';
import { CliError } from '../cli-error';
import type { Command } from '../command';

export const checkCommand: Command = {
  name: 'check',
  summary: 'Check the database: integrity, references and summary tables (--repair rebuilds the summaries)',
  usage: 'leadledger check [--repair]',
  // The file as it is: not created, not migrated; a damaged file is reported by the opener and left exactly as it was.
  store: 'as-is',
  async run(args, env) {
    const { values } = parseArgs({ args, options: { repair: { type: 'boolean' } }, strict: true });
    const found = await env.call('db:check', { repair: values.repair });
    if (found.problems.length > 0) throw new CliError(`${env.dbPath}: ${found.problems.join('; ')}`);
    const what = found.summariesChecked ? 'integrity, references and summary tables' : 'integrity and references';
    env.io.stdout(
      `ok: ${what} of ${env.dbPath} (schema ${found.schemaVersion}, ${found.leads} leads)${found.repaired ? '; summary tables rebuilt' : ''}\n`,
    );
    for (const note of found.notes) env.io.stdout(`note: ${note}\n`);
    return 0;
  },
};
