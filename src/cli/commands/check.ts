import fs from 'node:fs';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { inspectDatabaseFile } from '../../core/db/inspect';
import { latestVersion } from '../../core/db/migrations';
import { nativeBinding } from '../../core/db/native';
import { rebuildRollups, rollupDrift } from '../../core/rollups/rebuild';
import { CliError } from '../cli-error';
import type { Command } from '../command';

type Finding = { problems: string[]; notes: string[] };

function examine(db: Database.Database, version: number): Finding {
  const problems: string[] = [];
  const notes: string[] = [];
  const broken = db.pragma('foreign_key_check') as { table: string; parent: string }[];
  if (broken.length > 0) {
    const pairs = [...new Set(broken.map((b) => `${b.table} → ${b.parent}`))].join(', ');
    problems.push(`${broken.length} broken reference${broken.length === 1 ? '' : 's'} (${pairs})`);
  }
  if (version === latestVersion) {
    const drift = rollupDrift(db);
    if (drift.length > 0) problems.push(`summary tables differ from the data (${drift.join(', ')}); run leadledger check --repair`);
  } else {
    notes.push(`schema ${version} will be updated to ${latestVersion} the next time LeadLedger opens it; summary tables not checked`);
  }
  return { problems, notes };
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'Check the database: integrity, references and summary tables (--repair rebuilds the summaries)',
  usage: 'leadledger check [--repair]',
  async run(args, env) {
    const { values } = parseArgs({ args, options: { repair: { type: 'boolean' } }, strict: true });
    if (!fs.existsSync(env.dbPath)) throw new CliError(`There is no database at ${env.dbPath}`);
    // Read-only inspection first: a damaged file is reported and left exactly as it is.
    const { version } = inspectDatabaseFile(env.dbPath, { full: true });
    const db = new Database(env.dbPath, { fileMustExist: true, nativeBinding: nativeBinding() });
    try {
      db.pragma('busy_timeout = 5000');
      let finding = examine(db, version);
      let repaired = false;
      if (values.repair && finding.problems.some((p) => p.startsWith('summary tables'))) {
        rebuildRollups(db);
        repaired = true;
        finding = examine(db, version);
      }
      if (finding.problems.length > 0) throw new CliError(`${env.dbPath}: ${finding.problems.join('; ')}`);
      const leads = (db.prepare('SELECT COUNT(*) AS n FROM leads').get() as { n: number }).n;
      const what = version === latestVersion ? 'integrity, references and summary tables' : 'integrity and references';
      env.io.stdout(`ok: ${what} of ${env.dbPath} (schema ${version}, ${leads} leads)${repaired ? '; summary tables rebuilt' : ''}\n`);
      for (const note of finding.notes) env.io.stdout(`note: ${note}\n`);
      return 0;
    } finally {
      db.close();
    }
  },
};
