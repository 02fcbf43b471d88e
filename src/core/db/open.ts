import fs from 'node:fs';
import path from 'node:path';
import { createBackup } from './backup';
import { sweepBackupTemps } from './leftovers';
import { openConnection } from './connection';
import type { WritableDB } from './handles';
import { AppError } from '../../shared/api/result';
import { DatabaseFileError, inspectDatabaseFile } from './inspect';
import { restoreRunning } from './live-file';
import { latestVersion } from './migrations';
import { migrate } from './migrate';
import { nativeBinding as defaultBinding } from './native';
import { seedPresets } from './presets';
import { makePrivateDir } from './private-files';
import { DatabaseBusyError, isDamageCode, startProblem, waitingMessage } from './start-errors';

export type OpenOptions = {
  /** Path of the Electron-ABI native binding, when running inside Electron. */
  nativeBinding?: string;
  /** Skip migrating (for tools that inspect a file as it is). */
  readonly?: boolean;
  /** Files up to this many bytes get a full page check on open (default openPageCheckLimit). */
  pageCheckLimit?: number;
  /** How long to wait for a file another program holds (default lockWaitMs()). */
  lockWaitMs?: number;
  /** Told once when the file is busy and the open waits (the host shows it). */
  onWait?: (message: string) => void;
};

/** How long a start waits for another program to let go of the file: LEADLEDGER_LOCK_WAIT_MS, else 30 s. */
export const lockWaitMs = () => {
  const n = Number(process.env.LEADLEDGER_LOCK_WAIT_MS);
  return Number.isFinite(n) && n >= 0 ? n : 30_000;
};

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Opens as openOnce does; while another program holds the file (SQLITE_BUSY or LOCKED: the sqlite3
 * shell in exclusive mode, a restore or import in another process), waits up to `lockWaitMs`,
 * saying so once through `onWait`, then refuses with DatabaseBusyError. Never calls a busy file damaged.
 */
export function openDatabase(file: string, options: OpenOptions = {}): WritableDB {
  const waitMs = options.lockWaitMs ?? lockWaitMs();
  const started = Date.now();
  let told = false;
  for (;;) {
    try {
      return openOnce(file, options);
    } catch (error) {
      if (!(error instanceof DatabaseBusyError) || Date.now() - started >= waitMs) throw error;
      if (!told) options.onWait?.(waitingMessage(file, waitMs, error.byRestore));
      told = true;
      sleep(Math.min(250, Math.max(1, waitMs - (Date.now() - started))));
    }
  }
}

/** Files up to this size get a full page check (quick_check) on every open. */
export const openPageCheckLimit = 64 * 1024 * 1024;

/**
 * Opens (creating if needed) the database, migrates it to the latest schema and seeds the
 * channel presets on first run. An existing file is inspected read-only first: a damaged or
 * foreign file, or one from a newer LeadLedger, throws DatabaseFileError before any write; a busy,
 * read-only or full one throws AppError saying so (start-errors.ts).
 * A pending migration on an existing file is preceded by a `pre-migration` backup.
 * Half-written backups left by a crash are swept first.
 */
function openOnce(file: string, options: OpenOptions): WritableDB {
  // A restore in another process holds the write lock; readers would open the old content and see
  // the new one appear under them. Wait for it instead (docs/safety.md).
  if (file !== ':memory:' && restoreRunning(file)) throw new DatabaseBusyError(file, true);
  try {
    return openChecked(file, options);
  } catch (error) {
    if (error instanceof DatabaseFileError || error instanceof AppError) throw error;
    if (isDamageCode(error))
      throw new DatabaseFileError(file, 'corrupt', `${file} is damaged (${(error as Error).message})`);
    throw startProblem(file, error);
  }
}

function openChecked(file: string, options: OpenOptions): WritableDB {
  const binding = options.nativeBinding ?? defaultBinding();
  const size = file === ':memory:' ? 0 : (fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0);
  const exists = size > 0;
  let version = 0;
  if (exists) {
    // quick_check reads every page (a second per ~200 MB: docs/performance.md). Bigger files get the header and schema
    // checks on open; their pages are read by the start-up backup (VACUUM INTO + integrity_check)
    // and by `leadledger check`, and SQLite reports a damaged page when a query reaches it.
    const checkPages = size <= (options.pageCheckLimit ?? openPageCheckLimit);
    version = inspectDatabaseFile(file, { nativeBinding: binding, checkPages }).version;
  } else if (file !== ':memory:') {
    makePrivateDir(path.dirname(path.resolve(file)));
  }
  if (exists && !options.readonly) {
    // SQLite would open a read-only file read-only without a word, and every save would fail later.
    try {
      fs.accessSync(file, fs.constants.W_OK);
    } catch (error) {
      throw startProblem(file, error);
    }
  }
  if (file !== ':memory:' && !options.readonly) sweepBackupTemps(file);
  const db = openConnection(file, { nativeBinding: binding });
  try {
    if (!options.readonly) {
      if (exists && version > 0 && version < latestVersion) {
        createBackup(db, file, 'pre-migration');
      }
      migrate(db);
      seedPresets(db);
    }
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
