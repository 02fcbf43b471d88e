import fs from 'node:fs';
import path from 'node:path';
import { createBackup } from '../backup/backup';
import { sweepBackupTemps } from '../backup/leftovers';
import { type Db, openConnection } from './connection';
import { inspectDatabaseFile } from './inspect';
import { latestVersion } from './migrations';
import { migrate } from './migrate';
import { nativeBinding as defaultBinding } from './native';
import { seedPresets } from './presets';
import { makePrivateDir } from './private-files';

export type { Db } from './connection';

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

/**
 * Opens (creating if needed) the database, migrates it to the latest schema and seeds the
 * channel presets on first run. An existing file is inspected read-only first: a damaged or
 * foreign file, or one from a newer LeadLedger, throws DatabaseFileError before any write.
 * A pending migration on an existing file is preceded by a `pre-migration` backup.
 * Half-written backups left by a crash are swept first.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const binding = options.nativeBinding ?? defaultBinding();
  const size = file === ':memory:' ? 0 : (fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0);
  const exists = size > 0;
  let version = 0;
  if (exists) {
    // quick_check reads every page: ~1 s per 200 MB here. Bigger files get the header and schema
    // checks on open; their pages are read by the start-up backup (VACUUM INTO + integrity_check)
    // and by `leadledger check`, and SQLite reports a damaged page when a query reaches it.
    const checkPages = size <= (options.pageCheckLimit ?? openPageCheckLimit);
    version = inspectDatabaseFile(file, { nativeBinding: binding, checkPages }).version;
  } else if (file !== ':memory:') {
    makePrivateDir(path.dirname(path.resolve(file)));
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
