import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/api/result';
import { latestVersion } from './migrations';
import { migrate } from './migrate';
import { seedPresets } from './presets';

export type Db = Database.Database;

export type OpenOptions = {
  /** Path of the Electron-ABI native binding, when running inside Electron. */
  nativeBinding?: string;
  /** Skip migrating (for tools that inspect a file as it is). */
  readonly?: boolean;
};

function applyPragmas(db: Db) {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/** Reads user_version without changing anything; throws AppError for files that are not ours. */
export function readSchemaVersion(file: string, nativeBinding?: string): number {
  const probe = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
  try {
    return probe.pragma('user_version', { simple: true }) as number;
  } finally {
    probe.close();
  }
}

/**
 * Opens (creating if needed) the database, migrates it to the latest schema and seeds the
 * channel presets on first run. A file from a newer LeadLedger is refused before any write.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const exists = file !== ':memory:' && fs.existsSync(file);
  if (exists) {
    let version: number;
    try {
      version = readSchemaVersion(file, options.nativeBinding);
    } catch (error) {
      throw new AppError('storage', `${file} is not a LeadLedger database (${(error as Error).message})`);
    }
    if (version > latestVersion) {
      throw new AppError(
        'storage',
        `${file} was written by a newer LeadLedger (schema ${version}; this version knows up to ${latestVersion}). It was left untouched: update LeadLedger to open it.`,
      );
    }
  } else if (file !== ':memory:') {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }
  const db = new Database(file, { nativeBinding: options.nativeBinding });
  try {
    applyPragmas(db);
    if (!options.readonly) {
      migrate(db);
      seedPresets(db);
    }
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
