// The process the crash test kills: one mode per workload, plus the checks run after each kill.
// Run with: node --import tsx scripts/crash/child.ts <mode> <db> [args]
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { listBackups } from '../../src/core/db/backup';
import { createCtx } from '../../src/core/context';
import { registerFile } from '../../src/core/csv/file-registry';
import { importCsvFile } from '../../src/core/csv/import-engine';
import { restoreFileAtPath } from '../../src/core/backups/backup-service';
import { dispatch } from '../../src/core/dispatch';
import { buildFixture } from '../../src/core/db/fixtures/fixture-data';
import { migrate, schemaVersion } from '../../src/core/db/migrate';
import { latestVersion } from '../../src/core/db/migrations';
import { openDatabase } from '../../src/core/db/open';
import { rollupDrift } from '../../src/core/rollups/rebuild';
import { loadSampleData } from '../../src/core/app/sample-data';
import { waitForJob } from '../../test-support/import-jobs';

const [mode, file, ...rest] = process.argv.slice(2);
if (!mode || !file) throw new Error('usage: child.ts <mode> <db> [args]');
const say = (line: string) => fs.writeSync(1, `${line}\n`); // synchronous: the parent must see it before a kill
const now = () => new Date('2026-08-15T12:00:00Z');
// The database file's inode at start: nothing may replace it (docs/safety.md).
const ino = fs.statSync(file, { throwIfNoEntry: false })?.ino;
const count = (db: Database.Database, sql: string) => (db.prepare(sql).get() as { n: number }).n;

const leadsHash = (db: Database.Database) =>
  crypto
    .createHash('sha256')
    .update(
      JSON.stringify(
        db.prepare('SELECT id, ref, title, stage, value_minor, currency, created_on FROM leads ORDER BY id').all(),
      ),
    )
    .digest('hex');

function schemaSql(db: Database.Database): string[] {
  return (
    db
      .prepare(
        `SELECT type || ' ' || name || ' ' || COALESCE(sql, '') AS s FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY 1`,
      )
      .all() as { s: string }[]
  ).map((r) => r.s.replace(/\s+/g, ' '));
}

type Verdict = { integrity: boolean; partial: boolean; state: string; detail: string };

function verifySeed(
  db: Database.Database,
  params: { leads: number; batch: number; expenses: number },
): Omit<Verdict, 'integrity'> {
  const problems: string[] = [];
  const leads = count(db, 'SELECT COUNT(*) AS n FROM leads');
  const expenses = count(db, 'SELECT COUNT(*) AS n FROM expenses');
  const subscriptions = count(db, 'SELECT COUNT(*) AS n FROM subscriptions');
  if (leads % params.batch !== 0 && leads !== params.leads)
    problems.push(`${leads} leads is not a whole number of ${params.batch}-lead transactions`);
  if (![0, params.expenses].includes(expenses))
    problems.push(`${expenses} expenses (expected 0 or ${params.expenses})`);
  if ((expenses === 0) !== (subscriptions === 0))
    problems.push(`expenses ${expenses} and subscriptions ${subscriptions} from one transaction disagree`);
  if (leads > 0 && expenses === 0) problems.push('leads were written but the costs transaction before them was not');
  const noHistory = count(db, 'SELECT COUNT(*) AS n FROM leads WHERE id NOT IN (SELECT lead_id FROM stage_changes)');
  if (noHistory) problems.push(`${noHistory} leads without stage history`);
  const broken = (db.pragma('foreign_key_check') as unknown[]).length;
  if (broken) problems.push(`${broken} broken references`);
  const drift = rollupDrift(db);
  if (drift.length) problems.push(`rollups drifted: ${drift.join(', ')}`);
  return { partial: problems.length > 0, state: `${leads} leads`, detail: problems.join('; ') };
}

function verifyImport(
  db: Database.Database,
  params: { rows: number; after?: boolean; acknowledged?: boolean },
): Omit<Verdict, 'integrity'> {
  const problems: string[] = [];
  const leads = count(db, 'SELECT COUNT(*) AS n FROM leads');
  const imports = count(db, 'SELECT COUNT(*) AS n FROM imports');
  // The app scenario creates one more lead after its import (its own transaction).
  const after = params.after ? count(db, "SELECT COUNT(*) AS n FROM leads WHERE title = 'After the import'") : 0;
  if (![0, params.rows].includes(leads - after))
    problems.push(`${leads - after} imported leads, expected 0 or ${params.rows} (one transaction)`);
  if (after && leads - after === 0) problems.push('the lead created after the import is there but the import is not');
  if (params.acknowledged && (leads - after !== params.rows || (params.after && after !== 1)))
    problems.push(
      `acknowledged writes lost: ${leads - after} of ${params.rows} imported leads, ${after} of 1 lead created after`,
    );
  if (imports !== (leads - after === 0 ? 0 : 1))
    problems.push(`${imports} import records for ${leads - after} imported leads`);
  const noHistory = count(db, 'SELECT COUNT(*) AS n FROM leads WHERE id NOT IN (SELECT lead_id FROM stage_changes)');
  if (noHistory) problems.push(`${noHistory} leads without stage history`);
  if ((db.pragma('foreign_key_check') as unknown[]).length) problems.push('broken references');
  const drift = rollupDrift(db);
  if (drift.length) problems.push(`rollups drifted: ${drift.join(', ')}`);
  return { partial: problems.length > 0, state: `${leads} leads`, detail: problems.join('; ') };
}

/** Expenses all or nothing, the purchase triggers whole, their counter and day notes in step, the ledger equal to the purchases. */
async function verifyExpenses(
  db: Database.Database,
  params: { rows: number; existing: number; acknowledged?: boolean },
): Promise<Omit<Verdict, 'integrity'>> {
  const problems: string[] = [];
  const expenses = count(db, 'SELECT COUNT(*) AS n FROM expenses');
  const imported = expenses - params.existing;
  if (![0, params.rows].includes(imported))
    problems.push(`${imported} imported expenses, expected 0 or ${params.rows} (one transaction)`);
  if (params.acknowledged && imported !== params.rows)
    problems.push(`acknowledged writes lost: ${imported} of ${params.rows} expenses`);
  const imports = count(db, 'SELECT COUNT(*) AS n FROM imports');
  if (imports !== (imported === 0 ? 0 : 1))
    problems.push(`${imports} import records for ${imported} imported expenses`);
  // The triggers an import suspends while it writes are back, exactly as a fresh database has them.
  const triggers = (d: Database.Database) =>
    JSON.stringify(d.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name`).all());
  const reference = new Database(':memory:');
  migrate(reference, schemaVersion(db));
  if (triggers(db) !== triggers(reference)) problems.push('the connects-purchase triggers are not those of the schema');
  reference.close();
  // Every move of the counter is noted: its value is the newest note's.
  const counter = count(db, `SELECT changes AS n FROM change_counters WHERE name = 'connects_purchases'`);
  const newest = count(db, 'SELECT ifnull(MAX(seq), 0) AS n FROM purchase_day_changes');
  if (counter !== newest) problems.push(`purchase counter ${counter} but newest day note ${newest}`);
  if ((db.pragma('foreign_key_check') as unknown[]).length) problems.push('broken references');
  const drift = rollupDrift(db);
  if (drift.length) problems.push(`rollups drifted: ${drift.join(', ')}`);
  // The credits ledger another process computes holds every Upwork purchase there is.
  const bought = count(
    db,
    `SELECT ifnull(SUM(connects), 0) AS n FROM expenses WHERE category = 'connects' AND source_id = (SELECT id FROM sources WHERE name = 'Upwork')`,
  );
  const ctx = createCtx(openDatabase(file!), file!, now);
  try {
    const reply = await dispatch(ctx, 'connects:ledger', { source: 'Upwork' });
    const ledger = reply.ok ? (reply.value as { channels: { bought: number }[] }).channels[0] : undefined;
    if (ledger?.bought !== bought)
      problems.push(`the ledger counts ${ledger?.bought} Connects bought, the purchases ${bought}`);
  } finally {
    ctx.db.close();
  }
  return { partial: problems.length > 0, state: `${imported} expenses imported`, detail: problems.join('; ') };
}

/** A restore is all or nothing: the imported leads (before) or none (the source); a restored file has its pre-restore copy. */
function verifyRestore(
  db: Database.Database,
  params: { rows: number; acknowledged?: boolean },
): Omit<Verdict, 'integrity'> {
  const problems: string[] = [];
  const leads = count(db, 'SELECT COUNT(*) AS n FROM leads');
  if (![0, params.rows].includes(leads))
    problems.push(`${leads} leads, expected ${params.rows} (before) or 0 (restored)`);
  if (params.acknowledged && leads !== 0)
    problems.push('the restore was acknowledged but the file holds the old content');
  if (leads === 0) {
    const kept = listBackups(file!).find((b) => b.reason === 'pre-restore');
    const copy = kept && new Database(kept.path, { readonly: true });
    const keptLeads = copy ? count(copy, 'SELECT COUNT(*) AS n FROM leads') : -1;
    copy?.close();
    if (keptLeads !== params.rows)
      problems.push(`restored, but the pre-restore copy holds ${keptLeads} leads (expected ${params.rows})`);
  }
  if ((db.pragma('foreign_key_check') as unknown[]).length) problems.push('broken references');
  return { partial: problems.length > 0, state: leads === 0 ? 'restored' : 'as before', detail: problems.join('; ') };
}

function verifyMigrate(db: Database.Database, params: { leads: number; hash: string }): Omit<Verdict, 'integrity'> {
  const problems: string[] = [];
  const version = schemaVersion(db);
  const reference = new Database(':memory:');
  migrate(reference, version);
  if (JSON.stringify(schemaSql(db)) !== JSON.stringify(schemaSql(reference)))
    problems.push(`schema is not exactly version ${version}`);
  reference.close();
  const leads = count(db, 'SELECT COUNT(*) AS n FROM leads');
  if (leads !== params.leads) problems.push(`${leads} leads, expected ${params.leads}`);
  else if (leadsHash(db) !== params.hash) problems.push('lead rows changed');
  // A backup under its final name must be whole: VACUUM INTO goes to a temp file first.
  for (const backup of listBackups(file!)) {
    const copy = new Database(backup.path, { readonly: true });
    const ok = copy.pragma('integrity_check', { simple: true }) === 'ok';
    copy.close();
    if (!ok) problems.push(`backup ${backup.name} is damaged`);
  }
  return { partial: problems.length > 0, state: `schema ${version}`, detail: problems.join('; ') };
}

/** An import through the CLI's job (csv:start-import), every file counted as big; says whether the file was replaced (it must not be). */
async function runJobImport(name: string, as: 'leads' | 'expenses'): Promise<void> {
  process.env.LEADLEDGER_IMPORT_BULK_BYTES = '0';
  const ctx = createCtx(openDatabase(file!), file!, now);
  const fileId = registerFile({ path: path.join(path.dirname(file!), name), name, mode: 'read', temporary: false });
  say('ready');
  const started = await dispatch(ctx, 'csv:start-import', { fileId, as });
  if (!started.ok) throw new Error(started.error.message);
  const job = await waitForJob((started.value as { jobId: string }).jobId, 5);
  if (job.state !== 'done' || !job.summary?.applied) throw new Error(`the import ended ${job.state}: ${job.error}`);
  say('done');
  say(JSON.stringify({ inserted: job.summary.inserted, applied: true, swapped: fs.statSync(file!).ino !== ino }));
  ctx.db.close();
}

switch (mode) {
  case 'prepare-seed':
    openDatabase(file).close();
    break;
  case 'prepare-migrate': {
    buildFixture(file, 1, { leads: Number(rest[0]) });
    const db = new Database(file, { readonly: true });
    say(JSON.stringify({ leads: count(db, 'SELECT COUNT(*) AS n FROM leads'), hash: leadsHash(db) }));
    db.close();
    break;
  }
  case 'run-seed': {
    const ctx = createCtx(openDatabase(file), file, now);
    say('ready');
    const result = loadSampleData(ctx, { leads: Number(rest[0]), seed: 5, batchSize: Number(rest[1]) });
    say('done');
    say(JSON.stringify({ expenses: result.expenses }));
    ctx.db.close();
    break;
  }
  case 'prepare-import': {
    // A leads.csv in our own format (docs/domain.md §2) next to an empty database.
    openDatabase(file).close();
    const rows = Number(rest[0]);
    const stages = ['new', 'applied', 'replied', 'interview', 'won', 'lost'];
    const lines = [
      'ref,source,title,client,url,stage,created_on,applied_on,closed_on,connects,boost_connects,connects_refunded,value,currency,lost_reason,tags,notes,follow_up_on',
    ];
    for (let i = 0; i < rows; i++) {
      const stage = stages[i % 6]!;
      const day = `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`;
      const closed = stage === 'won' || stage === 'lost' ? day : '';
      const cells = [
        `crash-${i}`,
        ['Upwork', 'Fiverr', 'LinkedIn'][i % 3],
        `"Job ${i}, phase 2"`,
        `Client ${i % 50}`,
        '',
        stage,
        day,
        stage === 'new' ? '' : day,
        closed,
        i % 3 === 0 ? '12' : '0',
        '0',
        '0',
        (100 + (i % 900)).toFixed(2),
        'USD',
        '',
        'react;api',
        `"Note ""${i}"""`,
        '',
      ];
      lines.push(cells.join(','));
    }
    fs.writeFileSync(path.join(path.dirname(file), 'leads.csv'), `${lines.join('\n')}\n`);
    break;
  }
  case 'run-import': {
    const ctx = createCtx(openDatabase(file), file, now);
    say('ready');
    const summary = await importCsvFile(ctx.db, path.join(path.dirname(file), 'leads.csv'), { as: 'leads' }, { now });
    say('done');
    say(JSON.stringify({ inserted: summary.inserted, applied: summary.applied }));
    ctx.db.close();
    break;
  }
  case 'run-bulk-import':
    // The CLI's path (a job on its own connection, the pre-import backup first), with every file
    // counted as big: indexes dropped and rebuilt in the import's transaction on the live file.
    await runJobImport('leads.csv', 'leads');
    break;
  case 'prepare-restore': {
    // The database holds the imported leads; source.db (a backup) holds none: a restore is all or nothing.
    const source = path.join(path.dirname(file), 'source.db');
    openDatabase(source).close();
    const ctx = createCtx(openDatabase(file), file, now);
    await importCsvFile(ctx.db, path.join(path.dirname(file), 'leads.csv'), { as: 'leads' }, { now });
    ctx.db.close();
    break;
  }
  case 'run-restore': {
    // `leadledger restore`: the pre-restore backup and the load in one hold of the write lock.
    say('ready');
    await restoreFileAtPath(file, path.join(path.dirname(file), 'source.db'), now());
    say('done');
    say(JSON.stringify({ restored: true, replaced: fs.statSync(file).ino !== ino }));
    break;
  }
  case 'run-app-import': {
    // The app's path: its own connection stays open, the import runs as a job (csv:start-import) on a
    // second one, then the app writes again. The parent reads the file with the sqlite3 shell meanwhile.
    // Every file counts as big: indexes rebuilt once, in the import's transaction on the live file.
    process.env.LEADLEDGER_IMPORT_BULK_BYTES = '0';
    const ctx = createCtx(openDatabase(file), file, now);
    const source = (ctx.db.prepare("SELECT id FROM sources WHERE name = 'Upwork'").get() as { id: number }).id;
    const fileId = registerFile({
      path: path.join(path.dirname(file), 'leads.csv'),
      name: 'leads.csv',
      mode: 'read',
      temporary: false,
    });
    // A host keeps its event loop alive (HTTP server, window); the pre-import backup's worker is unref'd.
    const host = setInterval(() => {}, 1000);
    say('ready');
    const started = await dispatch(ctx, 'csv:start-import', { fileId, as: 'leads' });
    if (!started.ok) throw new Error(started.error.message);
    const { jobId } = started.value as { jobId: string };
    let job: { state: string; summary: { applied: boolean } | null; error: string | null };
    for (;;) {
      const reply = await dispatch(ctx, 'csv:job', { jobId });
      if (!reply.ok) throw new Error(reply.error.message);
      job = reply.value as typeof job;
      if (job.state !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    if (job.state !== 'done' || !job.summary?.applied) throw new Error(`the import ended ${job.state}: ${job.error}`);
    const created = await dispatch(ctx, 'leads:create', { title: 'After the import', sourceId: source });
    if (!created.ok) throw new Error(created.error.message);
    say('done');
    say(JSON.stringify({ inserted: (job.summary as unknown as { inserted: number }).inserted, applied: true }));
    clearInterval(host);
    ctx.db.close();
    break;
  }
  case 'prepare-import-expenses': {
    // An expenses.csv in our own format (docs/domain.md §2): half Connects purchases. With
    // `existing`, three purchases saved in the app first: the import then writes in place.
    const ctx = createCtx(openDatabase(file), file, now);
    const upwork = (ctx.db.prepare("SELECT id FROM sources WHERE name = 'Upwork'").get() as { id: number }).id;
    if (rest[1] === 'existing') {
      for (const [date, amount, connects] of [
        ['2025-01-02', '1.50', 10],
        ['2025-01-02', '6.00', 40],
        ['2025-03-09', '12.00', 80],
      ] as const) {
        const reply = await dispatch(ctx, 'expenses:create', {
          date,
          sourceId: upwork,
          category: 'connects',
          amount,
          connects,
        });
        if (!reply.ok) throw new Error(reply.error.message);
      }
    }
    const rows = Number(rest[0]);
    const lines = ['ref,date,source,category,description,amount,currency,connects'];
    for (let i = 0; i < rows; i++) {
      const day = `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`;
      const connects = i % 2 === 0;
      lines.push(
        [
          `crash-e${i}`,
          day,
          connects ? 'Upwork' : 'Fiverr',
          connects ? 'connects' : 'other',
          `"Item ${i}, batch"`,
          (1 + (i % 90) / 10).toFixed(2),
          'USD',
          connects ? String(10 + (i % 7) * 10) : '0',
        ].join(','),
      );
    }
    fs.writeFileSync(path.join(path.dirname(file), 'expenses.csv'), `${lines.join('\n')}\n`);
    say(JSON.stringify({ existing: count(ctx.db, 'SELECT COUNT(*) AS n FROM expenses') }));
    ctx.db.close();
    break;
  }
  case 'run-import-expenses':
    // The same path for expenses, into an empty expenses table or next to saved purchases, with the
    // purchase triggers suspended while it writes.
    await runJobImport('expenses.csv', 'expenses');
    break;
  case 'run-migrate-steps': {
    // Only the migration transactions (no inspection or backup before them): kills land inside them.
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    say('ready');
    const started = performance.now();
    // One call per version (the same code path, stopping after each), timing each commit.
    for (let version = schemaVersion(db) + 1; version <= latestVersion; version++) {
      migrate(db, version);
      say(JSON.stringify({ step: version, ms: performance.now() - started }));
    }
    say('done');
    db.close();
    break;
  }
  case 'run-migrate': {
    say('ready');
    const db = openDatabase(file); // inspect, pre-migration backup, migrations 2..latest
    say('done');
    db.close();
    break;
  }
  case 'verify-seed':
  case 'verify-import':
  case 'verify-expenses':
  case 'verify-restore':
  case 'verify-migrate': {
    const params = JSON.parse(rest[0] ?? '{}');
    let verdict: Verdict;
    try {
      const db = new Database(file); // opening replays the WAL: SQLite's own crash recovery
      try {
        const integrity = db.pragma('integrity_check', { simple: true }) === 'ok';
        const checks =
          mode === 'verify-seed'
            ? verifySeed(db, params)
            : mode === 'verify-restore'
              ? verifyRestore(db, params)
              : mode === 'verify-import'
                ? verifyImport(db, params)
                : mode === 'verify-expenses'
                  ? await verifyExpenses(db, params)
                  : verifyMigrate(db, params);
        verdict = { integrity, ...checks };
      } finally {
        db.close();
      }
      // And the app opens it again (read-only inspection, then migrating what is left to do).
      const reopened = openDatabase(file);
      if (schemaVersion(reopened) !== latestVersion)
        verdict = { ...verdict, integrity: false, detail: `${verdict.detail}; reopen did not reach the latest schema` };
      reopened.close();
      // Nothing beside the file: no copy built aside, nothing moved aside.
      const copies = fs
        .readdirSync(path.dirname(file))
        .filter((n) => /\.(importing|restoring|corrupt|damaged)/.test(n));
      if (copies.length)
        verdict = { ...verdict, partial: true, detail: `${verdict.detail}; left behind: ${copies.join(', ')}` };
    } catch (error) {
      verdict = { integrity: false, partial: false, state: 'unopenable', detail: (error as Error).message };
    }
    say(JSON.stringify(verdict));
    break;
  }
  default:
    throw new Error(`unknown mode ${mode} (${path.basename(file)})`);
}
