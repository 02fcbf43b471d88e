import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createBackup } from '../backup/backup';
import { inspectDatabaseFile } from './inspect';
import { latestVersion } from './migrations';
import { migrate } from './migrate';
import { nativeBinding as defaultBinding } from './native';
import { seedPresets } from './presets';

export type Db = Database.Database;

export type OpenOptions = {
  /** Path of the Electron-ABI native binding, when running inside Electron. */
  nativeBinding?: string;
  /** Skip migrating (for tools that inspect a file as it is). */
  readonly?: boolean;
  /** Files up to this many bytes get a full page check on open (default openPageCheckLimit). */
  pageCheckLimit?: number;
};

/** Files up to this size get a full page check (quick_check) on every open. */
export const openPageCheckLimit = 64 * 1024 * 1024;

function applyPragmas(db: Db) {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/**
 * Opens (creating if needed) the database, migrates it to the latest schema and seeds the
 * channel presets on first run. An existing file is inspected read-only first: a damaged or
 * foreign file, or one from a newer LeadLedger, throws DatabaseFileError before any write.
 * A pending migration on an existing file is preceded by a `pre-migration` backup.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const binding = options.nativeBinding ?? defaultBinding();
  const exists = file !== ':memory:' && fs.existsSync(file) && fs.statSync(file).size > 0;
  let version = 0;
  if (exists) {
    // quick_check reads every page: ~1 s per 200 MB here. Bigger files get the header and schema
    // checks on open; their pages are read by the start-up backup (VACUUM INTO + integrity_check)
    // and by `leadledger check`, and SQLite reports a damaged page when a query reaches it.
    const checkPages = fs.statSync(file).size <= (options.pageCheckLimit ?? openPageCheckLimit);
    version = inspectDatabaseFile(file, { nativeBinding: binding, checkPages }).version;
  } else if (file !== ':memory:') {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }
  const db = new Database(file, { nativeBinding: binding });
  try {
    applyPragmas(db);
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
