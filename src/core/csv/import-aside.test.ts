import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open';
import { rollupDrift } from '../rollups/rebuild';
import { dispatch } from '../dispatch';
import { waitForJob } from '../services/import-jobs';
import { openTempCtx } from '../../../test-support/temp-db';
import { writeLeadsCsv } from './bench/generate-leads';
import { registerFile } from './file-registry';
import { checkAsideReferences, openAside, removeAside } from './import-aside';

// Build aside and swap (import-aside.ts): a big import into an empty table is written to a copy
// and renamed over the database; with another connection open it is imported in place instead.

type TempCtx = ReturnType<typeof openTempCtx>;
const opened: TempCtx[] = [];
const ctxWithDb = () => {
  const ctx = openTempCtx();
  opened.push(ctx);
  return ctx;
};
let bulk: string | undefined;
beforeEach(() => {
  bulk = process.env.LEADLEDGER_IMPORT_BULK_BYTES;
  process.env.LEADLEDGER_IMPORT_BULK_BYTES = '0'; // every file counts as big
});
afterEach(() => {
  if (bulk === undefined) delete process.env.LEADLEDGER_IMPORT_BULK_BYTES;
  else process.env.LEADLEDGER_IMPORT_BULK_BYTES = bulk;
  for (const ctx of opened.splice(0)) ctx.close();
});

async function importFile(ctx: TempCtx, file: string, extra: Record<string, unknown> = {}) {
  const fileId = registerFile({ path: file, name: path.basename(file), mode: 'read', temporary: false });
  const started = await dispatch(ctx, 'csv:start-import', { fileId, as: 'leads', ...extra });
  if (!started.ok) throw new Error(started.error.message);
  return waitForJob((started.value as { jobId: string }).jobId, 5);
}

const inode = (file: string) => fs.statSync(file).ino;
const leftovers = (ctx: TempCtx) => fs.readdirSync(path.dirname(ctx.dbPath)).filter((n) => n.includes('.importing.'));
const snapshot = (ctx: TempCtx) => ({
  leads: ctx.db.prepare(`SELECT id, ref, source_id, title, client, stage, furthest_rank, position, created_on, applied_on, closed_on, value_minor, currency, tags, notes, import_id FROM leads ORDER BY id`).all(),
  stages: ctx.db.prepare(`SELECT lead_id, from_stage, to_stage FROM stage_changes ORDER BY id`).all(),
  rollups: ['lead_rollup', 'lead_rollup_month', 'win_rollup', 'win_rollup_month'].map((t) => ctx.db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2, 3`).all()),
  indexes: ctx.db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name`).all(),
  imports: ctx.db.prepare(`SELECT id, file_name, format, inserted, updated, unchanged, skipped FROM imports`).all(),
  sources: ctx.db.prepare(`SELECT id, name, color FROM sources ORDER BY id`).all(),
});

describe('a big import into an empty table is built aside and swapped in', () => {
  it('replaces the file with the same rows, rollups and indexes an in-place import gives; the store goes on working', async () => {
    const swapped = ctxWithDb();
    const csv = path.join(path.dirname(swapped.dbPath), 'leads.csv');
    writeLeadsCsv(csv, 3000);
    const before = inode(swapped.dbPath);
    const job = await importFile(swapped, csv);
    expect(job).toMatchObject({ state: 'done', error: null });
    expect(job.summary).toMatchObject({ inserted: 3000, applied: true });
    expect(inode(swapped.dbPath)).not.toBe(before);
    expect(leftovers(swapped)).toEqual([]);
    expect(swapped.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(swapped.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(rollupDrift(swapped.db)).toEqual([]);

    process.env.LEADLEDGER_IMPORT_BULK_BYTES = String(1e12); // never big: the import runs in place
    const inPlace = ctxWithDb();
    const placeInode = inode(inPlace.dbPath);
    expect((await importFile(inPlace, csv)).summary).toMatchObject({ inserted: 3000, applied: true });
    expect(inode(inPlace.dbPath)).toBe(placeInode);
    expect(snapshot(swapped)).toEqual(snapshot(inPlace));

    // The store's new connection writes; a second import of the same file changes nothing.
    const source = (swapped.db.prepare(`SELECT id FROM sources ORDER BY id LIMIT 1`).get() as { id: number }).id;
    const created = await dispatch(swapped, 'leads:create', { title: 'After the swap', sourceId: source });
    expect(created.ok).toBe(true);
    process.env.LEADLEDGER_IMPORT_BULK_BYTES = '0';
    expect((await importFile(swapped, csv)).summary).toMatchObject({ inserted: 0, unchanged: 3000, applied: true });
    expect(swapped.db.prepare(`SELECT COUNT(*) AS n FROM leads`).get()).toEqual({ n: 3001 });
  });

  it('imports in place, never swapping, while another process has the file open (it keeps seeing every row)', async () => {
    const ctx = ctxWithDb();
    const csv = path.join(path.dirname(ctx.dbPath), 'leads.csv');
    writeLeadsCsv(csv, 2000);
    // Another window: a connection in another process that has read the file and stays open.
    const script = `const D = require(${JSON.stringify(createRequire(import.meta.url).resolve('better-sqlite3'))}); const db = new D(process.argv[1]);
      db.prepare('SELECT COUNT(*) FROM leads').get(); process.stdout.write('open\\n');
      process.stdin.on('data', () => process.stdout.write(db.prepare('SELECT COUNT(*) AS n FROM leads').get().n + '\\n'));`;
    const other = spawn(process.execPath, ['-e', script, ctx.dbPath], { stdio: ['pipe', 'pipe', 'inherit'] });
    const lines: string[] = [];
    const nextLine = () => new Promise<string>((resolve) => other.stdout.once('data', (d: Buffer) => resolve(d.toString().trim())));
    try {
      lines.push(await nextLine());
      const before = inode(ctx.dbPath);
      const job = await importFile(ctx, csv);
      expect(job.summary).toMatchObject({ inserted: 2000, applied: true });
      expect(inode(ctx.dbPath)).toBe(before);
      expect(leftovers(ctx)).toEqual([]);
      other.stdin.write('count\n');
      lines.push(await nextLine());
      expect(lines).toEqual(['open', '2000']);
      expect(rollupDrift(ctx.db)).toEqual([]);
    } finally {
      other.kill();
    }
  });

  it('a dry run and a refused file change nothing and leave no copy behind', async () => {
    const ctx = ctxWithDb();
    const dir = path.dirname(ctx.dbPath);
    const csv = path.join(dir, 'leads.csv');
    writeLeadsCsv(csv, 500);
    const before = inode(ctx.dbPath);
    expect((await importFile(ctx, csv, { dryRun: true })).summary).toMatchObject({ inserted: 500, applied: false });
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, `${fs.readFileSync(csv, 'utf8')}x-1,Upwork,Bad row,,,pending,2026-01-01,,,0,0,0,,USD,,,,\n`);
    const refused = await importFile(ctx, bad);
    expect(refused.summary).toMatchObject({ applied: false, invalidCount: 1 });
    expect(inode(ctx.dbPath)).toBe(before);
    expect(leftovers(ctx)).toEqual([]);
    expect(ctx.db.prepare(`SELECT COUNT(*) AS n FROM leads`).get()).toEqual({ n: 0 });
  });

  it('a copy left by a crashed import is removed when the database is next opened', () => {
    const ctx = ctxWithDb();
    const stale = `${ctx.dbPath}.importing.p999999999.tmp`;
    fs.writeFileSync(stale, 'half a database');
    ctx.store.close();
    openDatabase(ctx.dbPath).close();
    expect(fs.existsSync(stale)).toBe(false);
  });

  it('a copy with a reference to a missing row is never swapped in (its foreign keys are checked once, at the end)', () => {
    const ctx = ctxWithDb();
    const copy = `${ctx.dbPath}.check-copy`;
    ctx.db.prepare('VACUUM INTO ?').run(copy);
    const db = openAside(copy, 1024);
    try {
      expect(() => checkAsideReferences(db, ['leads', 'stage_changes'])).not.toThrow();
      db.prepare(`INSERT INTO leads (ref, source_id, title, stage, created_on, currency, updated_at) VALUES ('x', 999999, 'T', 'new', '2026-08-01', 'USD', 'now')`).run();
      expect(() => checkAsideReferences(db, ['leads', 'stage_changes'])).toThrow(/leads row \d+ names a missing sources row/);
    } finally {
      db.close();
      removeAside(copy);
    }
  });
});
