import fs from 'node:fs';
import Database from 'better-sqlite3';
import { type WritableDB, writableDb } from './handles';
import { nativeBinding as defaultBinding } from './native';
import { isOpenInProcess, trackConnection } from './open-files';
import { makePrivate } from './private-files';

export type Db = Database.Database;

export type ConnectionOptions = { nativeBinding?: string | undefined; readonly?: boolean };

/** How long a write waits for another writer (another window, the CLI) before SQLITE_BUSY. */
export const busyTimeoutMs = 5000;

/** How long writes on this connection wait for another writer: `busyTimeoutMs`, or 0 to fail at once. */
export function setBusyWait(db: Db, ms: number): void {
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(ms))}`);
}

export function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
}

/**
 * Every connection to a database file goes through here: it is counted as open in this process
 * (so nothing opens the file with a raw descriptor meanwhile, see open-files.ts) until `close()`.
 */
export function trackedConnection(file: string, options: ConnectionOptions = {}): Db {
  const release = trackConnection(file);
  let db: Db;
  try {
    db = new Database(file, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
      nativeBinding: options.nativeBinding ?? defaultBinding(),
    });
  } catch (error) {
    release();
    throw error;
  }
  const close = db.close.bind(db);
  db.close = () => {
    close();
    release();
    return db;
  };
  return db;
}

/**
 * A read-write connection with our pragmas, to a file that was already checked (openDatabase) or
 * is being created. A new file is created empty with mode 0600 first, so its -wal and -shm (SQLite
 * gives them the database's mode) are private too.
 */
export function openConnection(file: string, options: { nativeBinding?: string | undefined } = {}): WritableDB {
  if (file !== ':memory:' && !isOpenInProcess(file) && !fs.existsSync(file)) {
    // No connection to this file exists in the process yet, so creating it cannot drop any lock.
    try {
      fs.writeFileSync(file, '', { flag: 'wx', mode: 0o600 });
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
    }
  }
  const db = trackedConnection(file, options);
  try {
    if (file !== ':memory:') makePrivate(file, `${file}-wal`, `${file}-shm`);
    applyPragmas(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return writableDb(db);
}

/**
 * Checkpoints and truncates the WAL to zero bytes, e.g. after a big write was rolled back (its
 * pages stay in the WAL file otherwise). Best effort: a reader elsewhere makes it a no-op.
 */
export function truncateWal(db: Db): void {
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // A full disk or a busy file: the WAL is reused from its start by the next write anyway.
  }
}
