import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../shared/api/result';
import { type Db, openConnection, setBusyWait, trackedConnection, truncateWal } from '../db/connection';
import { isOpenInProcess } from '../db/open-files';
import { makePrivate } from '../db/private-files';
import { withSoleAccess } from '../db/sole-access';
import type { Store } from '../db/store';

// Build aside and swap (README "Performance"): a big import into an empty table is written to a
// fresh copy of the database with no journal and no fsync per page, its indexes built once at the
// end; the copy is fsynced and renamed over the database under SQLite's exclusive lock. The old
// file stays whole until that rename, so a crash at any moment leaves one or the other.

/** The copy's name beside the database; the pid tells the start-up sweep whether its writer is gone (leftovers.ts). */
const asideName = (dbPath: string) => `${path.resolve(dbPath)}.importing.p${process.pid}.tmp`;

/** A near-empty database is copied whole: up to 16 MiB, or a quarter of the CSV's size (beyond, the copy costs more than it saves). */
const maxCopyShare = 0.25;
const alwaysCopyBytes = 16 * 1024 * 1024;

// One helper thread for CREATE INDEX's sort when there is a second core: the 9 index builds of a
// 1,000,000-lead import took ~30 % less time (wall; the CPU is the same). Each thread has a sort
// buffer of its own, bounded by the cache size: +~10 MiB peak RSS at the aside's 8 MiB cache.
const sortThreads = Number(process.env.LEADLEDGER_IMPORT_SORT_THREADS ?? (os.availableParallelism() > 1 ? 1 : 0));

type AsideCopy = { path: string; version: number };

const count = (db: Database, table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${table} LIMIT 1)`).get() as { n: number }).n;

/**
 * Copies the database (VACUUM INTO) to build the import aside, when the target `tables` are empty
 * and the database is small next to the file. Runs before the import's transaction (VACUUM cannot
 * run inside one); `version` (PRAGMA data_version) tells whether anyone wrote before it began.
 */
export function copyAside(db: Database, tables: readonly string[], csvBytes: number): AsideCopy | undefined {
  const file = db.name;
  if (!file || file === ':memory:' || db.memory) return undefined;
  if (tables.some((t) => count(db, t) > 0)) return undefined;
  const bytes = (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
  if (bytes > Math.max(alwaysCopyBytes, csvBytes * maxCopyShare)) return undefined;
  // Nothing of the WAL left to fold into the file when our connections close: the file's stat
  // (size, mtime) then changes only if someone else writes (checked again at the swap).
  truncateWal(db);
  const version = db.pragma('data_version', { simple: true }) as number;
  const target = asideName(file);
  fs.rmSync(target, { force: true });
  fs.writeFileSync(target, '', { flag: 'wx', mode: 0o600 });
  try {
    db.prepare('VACUUM INTO ?').run(target);
  } catch (error) {
    fs.rmSync(target, { force: true });
    throw error;
  }
  return { path: target, version };
}

/** The aside connection: nobody else sees the file, so no journal, no fsync per page, no shared memory. */
export function openAside(file: string, cacheKiB: number): Db {
  const db = trackedConnection(file);
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    // The writer takes every channel and client id from their tables; the references are checked
    // once for the whole copy before it may replace the database (checkAsideReferences).
    db.pragma('foreign_keys = OFF');
    db.pragma(`cache_size = ${-cacheKiB}`);
    db.pragma(`threads = ${sortThreads}`);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/** Refuses a copy with a dangling reference in `tables` (an import bug: it must never be swapped in). */
export function checkAsideReferences(db: Database, tables: readonly string[]): void {
  for (const table of tables) {
    const bad = db.prepare(`PRAGMA foreign_key_check(${table})`).get() as { table: string; rowid: number; parent: string } | undefined;
    if (bad) throw new Error(`Import copy: ${bad.table} row ${bad.rowid} names a missing ${bad.parent} row`);
  }
}

export function removeAside(file: string): void {
  for (const f of [file, `${file}-journal`]) fs.rmSync(f, { force: true });
}

function fsyncPath(file: string, flags: string): void {
  if (flags === 'r' && process.platform === 'win32') return; // directories cannot be fsynced there
  const fd = fs.openSync(file, flags);
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes the closed aside file durable before it may replace the database. */
export function syncAside(file: string): void {
  makePrivate(file);
  fsyncPath(file, 'r+');
}

type Stamp = { size: bigint; mtime: bigint; ctime: bigint; ino: bigint } | undefined;
const stampOf = (file: string): Stamp => {
  const s = fs.statSync(file, { bigint: true, throwIfNoEntry: false });
  return s ? { size: s.size, mtime: s.mtimeNs, ctime: s.ctimeNs, ino: s.ino } : undefined;
};
const sameStamp = (a: Stamp, b: Stamp) => !!a && !!b && a.size === b.size && a.mtime === b.mtime && a.ctime === b.ctime && a.ino === b.ino;
const walHasFrames = (file: string) => (fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0) > 0;

export type SwapOutcome = { swapped: true } | { swapped: false; db: Db };

/**
 * Swaps the finished aside file in for the store's database, as restore does: only while no other
 * connection anywhere has the file open (SQLite's exclusive lock; another window or the sqlite3
 * shell would go on using the replaced file). `importDb` holds the write lock until the store is
 * closed, so nobody wrote since the copy; the file's stat, taken while we still hold it, proves
 * that nobody wrote in the moment between our last close and the exclusive lock either.
 * Refused (someone has the file open): nothing changes, the aside file is removed, and a fresh
 * import connection is returned to import in place. `onStep` lets the crash test time its kills.
 */
export function swapInAside(store: Store, importDb: Db, aside: string, onStep: (step: string) => void = () => {}): SwapOutcome {
  const file = store.path;
  store.close();
  onStep('store closed');
  const stamp = stampOf(file);
  if (importDb.inTransaction) importDb.prepare('ROLLBACK').run(); // nothing was written to the file
  importDb.close();
  onStep('import connection closed');
  let swapped = false;
  try {
    if (!isOpenInProcess(file) && !walHasFrames(file) && sameStamp(stamp, stampOf(file))) {
      withSoleAccess(file, () => {
        if (!sameStamp(stamp, stampOf(file)) || walHasFrames(file)) return;
        onStep('exclusive');
        fs.renameSync(aside, file);
        swapped = true;
        onStep('renamed');
      });
    }
  } catch (error) {
    // Refused (someone has the file open), or the rename failed: the database is as it was.
    if (!swapped && !(error instanceof AppError && error.code === 'conflict') && !(error as { syscall?: string }).syscall) {
      removeAside(aside);
      store.reopen();
      throw error;
    }
  }
  if (swapped) fsyncPath(path.dirname(file), 'r');
  else removeAside(aside);
  store.reopen();
  onStep('reopened');
  if (swapped) return { swapped };
  const db = openConnection(file);
  // As while any import runs: the app's own writes answer `busy` at once instead of blocking.
  setBusyWait(store.db, 0);
  return { swapped, db };
}
