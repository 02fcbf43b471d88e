import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCtx } from '../context';
import { DatabaseFileError, inspectDatabaseFile } from '../db/inspect';
import { latestVersion } from '../db/migrations';
import { openDatabase } from '../db/open';
import { loadSampleData } from '../app/sample-data';
import { tempDbPath } from '../../../test-support/temp-db';
import { createBackupInBackground } from './background-backup';
import { type BackupInfo, backupDir, backupsToKeep, createBackup, listBackups, pruneBackups } from '../db/backup';
import { restoreBackupByName, restoreFileAtPath, restoreIntoCtx, startBackupSchedule } from './backup-service';
import { damagePage, sha256, truncateFile } from './corrupt-files';
import { openOrRecover } from './recover';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function freshDb(leads = 0) {
  const file = tempDbPath();
  dirs.push(path.dirname(file));
  const db = openDatabase(file);
  const ctx = createCtx(db, file, () => new Date('2026-08-15T12:00:00Z'));
  if (leads) loadSampleData(ctx, { leads, seed: 7 });
  return ctx;
}

const count = (db: Database.Database, table = 'leads') =>
  (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
const countIn = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return count(db);
  } finally {
    db.close();
  }
};

describe('createBackup', () => {
  it('writes a checked copy into backups/ next to the database and leaves no temp file', () => {
    const ctx = freshDb(120);
    const backup = createBackup(ctx.db, ctx.dbPath, 'manual', { now: new Date('2026-08-15T09:30:00.123Z') });
    expect(path.dirname(backup.path)).toBe(path.join(path.dirname(ctx.dbPath), 'backups'));
    expect(backup).toMatchObject({
      name: 'leadledger-20260815-093000-123-manual.db',
      reason: 'manual',
      createdAt: '2026-08-15T09:30:00.123Z',
    });
    expect(countIn(backup.path)).toBe(120);
    expect(fs.readdirSync(backupDir(ctx.dbPath))).toEqual([backup.name]);
    const again = createBackup(ctx.db, ctx.dbPath, 'manual', { now: new Date('2026-08-15T09:30:00.123Z') });
    expect(again.name).not.toBe(backup.name);
    ctx.db.close();
  });

  it('fails with a clear error and leaves nothing behind when the folder cannot be written', () => {
    const ctx = freshDb(5);
    fs.writeFileSync(backupDir(ctx.dbPath), 'a file where the folder should be');
    expect(() => createBackup(ctx.db, ctx.dbPath, 'manual')).toThrow(/Could not write a backup/);
    expect(count(ctx.db)).toBe(5);
    ctx.db.close();
  });
});

describe('while a write is in progress', () => {
  it('backup and restore refuse with a clear conflict instead of half-working', () => {
    const ctx = freshDb(5);
    const backup = createBackup(ctx.db, ctx.dbPath, 'manual');
    ctx.db.prepare('BEGIN IMMEDIATE').run();
    ctx.db.prepare(`UPDATE leads SET title = 'in flight'`).run();
    expect(() => createBackup(ctx.db, ctx.dbPath, 'manual')).toThrow(/in progress/);
    const before = ctx.db;
    expect(() => restoreIntoCtx(ctx, backup.path)).toThrow(/in progress/);
    expect(ctx.db).toBe(before);
    ctx.db.prepare('ROLLBACK').run();
    expect(listBackups(ctx.dbPath)).toHaveLength(1);
    ctx.db.close();
  });

  it('restore refuses while an import holds the write lock on its own connection', () => {
    const ctx = freshDb(5);
    const backup = createBackup(ctx.db, ctx.dbPath, 'manual');
    const importer = new Database(ctx.dbPath);
    importer.prepare('BEGIN IMMEDIATE').run();
    importer.prepare(`UPDATE leads SET title = 'importing'`).run();
    const before = ctx.db;
    expect(() => restoreIntoCtx(ctx, backup.path)).toThrow(/is writing to the database .*nothing was restored/);
    expect(ctx.db).toBe(before);
    expect(ctx.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    importer.prepare('COMMIT').run();
    importer.close();
    expect(restoreIntoCtx(ctx, backup.path).restored).toBe(backup.name);
    expect(ctx.db.prepare(`SELECT COUNT(*) AS n FROM leads WHERE title = 'importing'`).get()).toEqual({ n: 0 });
    ctx.db.close();
  });
});

describe('retention', () => {
  const make = (createdAt: string, reason: BackupInfo['reason']): BackupInfo => ({
    name: `leadledger-${createdAt}-${reason}.db`,
    path: '',
    createdAt,
    reason,
    sizeBytes: 1,
  });

  it('keeps the newest automatic backup of each of the last 7 days and 4 weeks, and the last few of each other kind', () => {
    const list: BackupInfo[] = [];
    for (let d = 0; d < 60; d++) {
      const day = new Date(Date.UTC(2026, 7, 15) - d * 86_400_000).toISOString().slice(0, 10);
      list.push(make(`${day}T08:00:00.000Z`, 'startup'), make(`${day}T20:00:00.000Z`, 'daily'));
    }
    for (let i = 0; i < 12; i++) list.push(make(`2026-07-${String(10 + i).padStart(2, '0')}T10:00:00.000Z`, 'manual'));
    for (let i = 0; i < 6; i++) list.push(make(`2026-06-0${1 + i}T10:00:00.000Z`, 'pre-migration'));
    const keep = backupsToKeep(list);
    const kept = list.filter((b) => keep.has(b.name));
    const automatic = kept
      .filter((b) => b.reason === 'startup' || b.reason === 'daily')
      .map((b) => b.createdAt.slice(0, 10));
    // 7 newest days (Aug 9..15) plus the newest of the 4 weeks: Aug 10-16 (already), Aug 3-9 (Aug 9 already), Jul 27-Aug 2, Jul 20-26.
    expect(automatic).toEqual([
      '2026-08-15',
      '2026-08-14',
      '2026-08-13',
      '2026-08-12',
      '2026-08-11',
      '2026-08-10',
      '2026-08-09',
      '2026-08-02',
      '2026-07-26',
    ]);
    expect(kept.filter((b) => b.reason === 'daily')).toHaveLength(9); // the evening one is the newest of its day
    expect(
      kept
        .filter((b) => b.reason === 'manual')
        .map((b) => b.createdAt.slice(8, 10))
        .sort(),
    ).toEqual(['12', '13', '14', '15', '16', '17', '18', '19', '20', '21']);
    expect(kept.filter((b) => b.reason === 'pre-migration')).toHaveLength(3);
  });

  it('prunes only its own backup files', () => {
    const ctx = freshDb();
    const dir = backupDir(ctx.dbPath);
    for (let i = 0; i < 5; i++)
      createBackup(ctx.db, ctx.dbPath, 'pre-migration', { now: new Date(Date.UTC(2026, 0, 1 + i)) });
    fs.writeFileSync(path.join(dir, 'my-notes.txt'), 'keep me');
    fs.writeFileSync(path.join(dir, 'leadledger-old-copy.db'), 'not ours by name');
    expect(pruneBackups(ctx.dbPath)).toEqual([]);
    expect(listBackups(ctx.dbPath).map((b) => b.createdAt.slice(0, 10))).toEqual([
      '2026-01-05',
      '2026-01-04',
      '2026-01-03',
    ]);
    expect(fs.existsSync(path.join(dir, 'my-notes.txt'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'leadledger-old-copy.db'))).toBe(true);
    ctx.db.close();
  });
});

describe('restore', () => {
  it('restores into the running context, keeping a copy of what it replaced', () => {
    const ctx = freshDb(10);
    const backup = createBackup(ctx.db, ctx.dbPath, 'manual');
    loadSampleData(ctx, { leads: 5, seed: 8 });
    const before = ctx.db;
    const outcome = restoreIntoCtx(ctx, backup.path);
    expect(ctx.db).not.toBe(before);
    expect(before.open).toBe(false);
    expect(count(ctx.db)).toBe(10);
    expect(countIn(outcome.keptCopy)).toBe(15);
    expect(path.basename(outcome.keptCopy)).toMatch(/-pre-restore\.db$/);
    ctx.db.close();
  });

  it('refuses a damaged file, a foreign file and a newer schema, leaving the database untouched', async () => {
    const ctx = freshDb(50);
    const dir = path.dirname(ctx.dbPath);
    const damaged = createBackup(ctx.db, ctx.dbPath, 'manual').path;
    damagePage(damaged, 3);
    const foreign = path.join(dir, 'notes.db');
    fs.writeFileSync(
      foreign,
      'hello, not sqlite at all, but long enough to have a header of one hundred bytes........................',
    );
    const newer = path.join(dir, 'newer.db');
    const db = new Database(newer);
    db.pragma(`user_version = ${latestVersion + 1}`);
    db.close();
    ctx.db.close();
    const hash = sha256(ctx.dbPath);
    await expect(restoreFileAtPath(ctx.dbPath, damaged)).rejects.toThrow(/Not restored: .*is damaged/);
    await expect(restoreFileAtPath(ctx.dbPath, foreign)).rejects.toThrow(/Not restored: .*not a LeadLedger database/);
    await expect(restoreFileAtPath(ctx.dbPath, newer)).rejects.toThrow(/Not restored: .*newer LeadLedger/);
    expect(sha256(ctx.dbPath)).toBe(hash);
  });

  it('a restore from Settings waits for a background backup that has the file open, instead of refusing', async () => {
    const ctx = freshDb(30);
    const backup = createBackup(ctx.db, ctx.dbPath, 'manual');
    loadSampleData(ctx, { leads: 5, seed: 3 });
    const running = createBackupInBackground(ctx.db, ctx.dbPath, 'daily'); // not awaited: still copying
    const outcome = await restoreBackupByName(ctx, backup.name);
    expect(outcome.restored).toBe(backup.name);
    expect(count(ctx.db)).toBe(30);
    await running;
    ctx.db.close();
  });

  it('restores over a damaged database from the CLI path into the same file, keeping a byte copy of the damaged one', async () => {
    const ctx = freshDb(30);
    const backup = createBackup(ctx.db, ctx.dbPath, 'manual');
    ctx.db.close();
    fs.writeFileSync(ctx.dbPath, Buffer.alloc(8192, 7));
    const inode = fs.statSync(ctx.dbPath).ino;
    const outcome = await restoreFileAtPath(ctx.dbPath, backup.path, new Date('2026-08-15T13:00:00Z'));
    expect(outcome.keptCopy).toBe(`${ctx.dbPath}.damaged-20260815T130000000Z`);
    expect(fs.readFileSync(outcome.keptCopy)).toEqual(Buffer.alloc(8192, 7));
    expect(countIn(ctx.dbPath)).toBe(30);
    expect(fs.statSync(ctx.dbPath).ino).toBe(inode);
  });

  it('restores over a database with a damaged page through SQLite (same inode), keeping a byte copy', async () => {
    const ctx = freshDb(400);
    const backup = createBackup(ctx.db, ctx.dbPath, 'manual');
    ctx.db.close();
    damagePage(ctx.dbPath, Math.floor(fs.statSync(ctx.dbPath).size / 4096 / 2));
    const damagedBytes = fs.readFileSync(ctx.dbPath);
    const inode = fs.statSync(ctx.dbPath).ino;
    const outcome = await restoreFileAtPath(ctx.dbPath, backup.path, new Date('2026-08-15T13:00:00Z'));
    expect(fs.readFileSync(outcome.keptCopy)).toEqual(damagedBytes);
    expect(fs.statSync(ctx.dbPath).ino).toBe(inode);
    expect(countIn(ctx.dbPath)).toBe(400);
    expect(() => inspectDatabaseFile(ctx.dbPath, { full: true })).not.toThrow();
  });
});

describe('opening damaged, foreign and newer files', () => {
  type Damage = { name: string; apply: (file: string) => void; message: RegExp };
  const damages: Damage[] = [
    {
      name: 'a text file',
      apply: (f) => fs.writeFileSync(f, 'id,title\n1,Logo\n'.repeat(40)),
      message: /not a LeadLedger database/,
    },
    { name: 'a truncated file', apply: (f) => truncateFile(f, 0.5), message: /is damaged: it is truncated/ },
    {
      name: 'a damaged page',
      apply: (f) => damagePage(f, Math.floor(fs.statSync(f).size / 4096 / 2)),
      message: /is damaged/,
    },
    { name: 'a damaged first page', apply: (f) => damagePage(f, 1), message: /not a LeadLedger database|is damaged/ },
  ];

  for (const damage of damages) {
    it(`openDatabase refuses ${damage.name} without changing a byte`, () => {
      const ctx = freshDb(400);
      ctx.db.close();
      damage.apply(ctx.dbPath);
      const hash = sha256(ctx.dbPath);
      let thrown: unknown;
      try {
        openDatabase(ctx.dbPath).close();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(DatabaseFileError);
      expect((thrown as Error).message).toMatch(damage.message);
      expect(sha256(ctx.dbPath)).toBe(hash);
      expect(fs.existsSync(`${ctx.dbPath}-wal`)).toBe(false);
    });

    it(`the app reports ${damage.name} and changes nothing until the user chooses; "restore" loads the newest good backup into the same file`, async () => {
      const ctx = freshDb(400);
      createBackup(ctx.db, ctx.dbPath, 'startup', { now: new Date('2026-08-14T08:00:00Z') });
      loadSampleData(ctx, { leads: 10, seed: 2 });
      const newest = createBackup(ctx.db, ctx.dbPath, 'daily', { now: new Date('2026-08-15T08:00:00Z') });
      damagePage(newest.path, 2); // the newest backup is bad too: the one before it is used
      ctx.db.close();
      damage.apply(ctx.dbPath);
      const damagedBytes = fs.readFileSync(ctx.dbPath);
      const inode = fs.statSync(ctx.dbPath).ino;
      const listing = () => fs.readdirSync(path.dirname(ctx.dbPath)).sort();
      const before = listing();
      // No choice given (browser mode without a flag): reported, nothing touched.
      const quit = await openOrRecover(ctx.dbPath, { now: new Date('2026-08-15T12:00:00Z') });
      if (quit.status !== 'quit') throw new Error('expected a report');
      expect(quit.notice).toMatch(
        /Nothing was changed\. You can restore the newest good backup \(2026-08-14 08:00 UTC/,
      );
      expect(fs.readFileSync(ctx.dbPath)).toEqual(damagedBytes);
      expect(listing()).toEqual(before);
      // Read-only: opened as it is, to export; still nothing changed.
      const readOnly = await openOrRecover(ctx.dbPath, { choose: () => 'read-only' });
      if (readOnly.status !== 'opened') throw new Error('expected read-only');
      expect(readOnly.readOnly).toBe(true);
      readOnly.db.close();
      expect(fs.readFileSync(ctx.dbPath)).toEqual(damagedBytes);
      const outcome = await openOrRecover(ctx.dbPath, {
        choose: () => 'restore',
        now: new Date('2026-08-15T12:00:00Z'),
      });
      if (outcome.status !== 'opened') throw new Error('expected the app to open');
      expect(count(outcome.db)).toBe(400);
      expect(outcome.notice).toMatch(
        /the backup of 2026-08-14 08:00 UTC .* was restored into it\. A copy of the damaged file was kept as .*leadledger\.db\.damaged-20260815T120000000Z/,
      );
      expect(fs.readFileSync(`${ctx.dbPath}.damaged-20260815T120000000Z`)).toEqual(damagedBytes);
      expect(fs.statSync(ctx.dbPath).ino).toBe(inode);
      outcome.db.close();
    });
  }

  it('skips the page check on open above the size limit; the full check still finds the damage', () => {
    const ctx = freshDb(400);
    ctx.db.close();
    // A page of lead rows (dbstat, 1-based like damagePage), which opening the file never reads: the page check finds it.
    const reader = new Database(ctx.dbPath, { readonly: true });
    const leafPages = reader
      .prepare(`SELECT pageno FROM dbstat WHERE name = 'leads' AND pagetype = 'leaf' ORDER BY pageno`)
      .pluck()
      .all() as number[];
    reader.close();
    damagePage(ctx.dbPath, leafPages[Math.floor(leafPages.length / 2)]!);
    expect(() => openDatabase(ctx.dbPath).close()).toThrow(DatabaseFileError);
    const db = openDatabase(ctx.dbPath, { pageCheckLimit: 0 });
    db.close();
    expect(() => inspectDatabaseFile(ctx.dbPath, { full: true })).toThrow(/is damaged/);
  });

  it('with no backup, "quit" leaves every file where it was, and nothing ever starts an empty database over it', async () => {
    const ctx = freshDb(20);
    ctx.db.close();
    truncateFile(ctx.dbPath, 0.3);
    const bytes = fs.readFileSync(ctx.dbPath);
    const listing = fs.readdirSync(path.dirname(ctx.dbPath)).sort();
    const quit = await openOrRecover(ctx.dbPath, { choose: () => 'quit', now: new Date('2026-08-15T12:00:00Z') });
    expect(quit).toMatchObject({ status: 'quit', notice: expect.stringMatching(/no good backup was found/) });
    // "restore" without a backup is no choice at all: still nothing happens.
    expect(await openOrRecover(ctx.dbPath, { choose: () => 'restore' })).toMatchObject({ status: 'quit' });
    expect(fs.readFileSync(ctx.dbPath)).toEqual(bytes);
    expect(fs.readdirSync(path.dirname(ctx.dbPath)).sort()).toEqual(listing);
  });

  it('refuses a database from a newer LeadLedger untouched, even in the app', async () => {
    const file = tempDbPath();
    dirs.push(path.dirname(file));
    const db = new Database(file);
    db.exec('CREATE TABLE future (x)');
    db.pragma(`user_version = ${latestVersion + 5}`);
    db.close();
    const hash = sha256(file);
    await expect(openOrRecover(file)).rejects.toThrow(
      /newer LeadLedger \(schema \d+; this version knows up to \d+\)\. It was left untouched/,
    );
    expect(sha256(file)).toBe(hash);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['leadledger.db']);
  });
});

describe('automatic backups', () => {
  it('backs up shortly after start, then daily while running', async () => {
    const ctx = freshDb(3);
    const schedule = startBackupSchedule(ctx, { startupDelayMs: 0, checkEveryMs: 20 });
    const until = async (done: () => boolean) => {
      for (let i = 0; i < 200 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
    };
    await until(() => listBackups(ctx.dbPath).length > 0);
    expect(listBackups(ctx.dbPath).map((b) => b.reason)).toEqual(['startup']);
    // Pretend the startup backup is two days old: the next hourly check makes a daily one.
    const [startup] = listBackups(ctx.dbPath);
    const old = path.join(path.dirname(startup!.path), 'leadledger-20000101-000000-000-startup.db');
    fs.renameSync(startup!.path, old);
    await until(() => listBackups(ctx.dbPath).some((b) => b.reason === 'daily'));
    schedule.stop();
    expect(listBackups(ctx.dbPath).map((b) => b.reason)).toEqual(['daily', 'startup']);
    ctx.db.close();
  });
});

describe('the start-up backup waits for a quiet moment', () => {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('is pushed back while requests keep coming, then made', async () => {
    const ctx = freshDb(3);
    const schedule = startBackupSchedule(ctx, { startupDelayMs: 500, startupLatestMs: 60_000 });
    try {
      for (let i = 0; i < 16; i++) {
        schedule.busy();
        await sleep(50);
      }
      expect(listBackups(ctx.dbPath)).toEqual([]); // 800 ms after start, never 500 ms quiet
      for (let i = 0; i < 100 && listBackups(ctx.dbPath).length === 0; i++) await sleep(25);
      expect(listBackups(ctx.dbPath).map((b) => b.reason)).toEqual(['startup']);
    } finally {
      schedule.stop();
      ctx.db.close();
    }
  });

  it('is made by startupLatestMs even when the host never goes quiet', async () => {
    const ctx = freshDb(3);
    const schedule = startBackupSchedule(ctx, { startupDelayMs: 10_000, startupLatestMs: 200 });
    try {
      for (let i = 0; i < 120 && listBackups(ctx.dbPath).length === 0; i++) {
        schedule.busy();
        await sleep(25);
      }
      expect(listBackups(ctx.dbPath).map((b) => b.reason)).toEqual(['startup']);
    } finally {
      schedule.stop();
      ctx.db.close();
    }
  });
});

describe('background backups', () => {
  it('copies in a worker thread while this thread keeps running, with the same checks and naming', async () => {
    const ctx = freshDb(400);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const backup = await createBackupInBackground(ctx.db, ctx.dbPath, 'daily', {
      now: new Date('2026-08-15T20:00:00Z'),
    });
    clearInterval(timer);
    expect(backup).toMatchObject({ name: 'leadledger-20260815-200000-000-daily.db', reason: 'daily' });
    expect(countIn(backup.path)).toBe(400);
    expect(fs.readdirSync(backupDir(ctx.dbPath))).toEqual([backup.name]);
    expect(ticks).toBeGreaterThan(0); // the event loop was free during the copy
    ctx.db.close();
  });

  it('reports a full or unwritable folder clearly and leaves nothing behind', async () => {
    const ctx = freshDb(5);
    fs.writeFileSync(backupDir(ctx.dbPath), 'not a folder');
    await expect(createBackupInBackground(ctx.db, ctx.dbPath, 'daily')).rejects.toThrow(/Could not write a backup/);
    ctx.db.close();
  });
});
