import fs from 'node:fs';
import { AppError } from '../shared/api/result';
import { restoreFileAtPath, type RestoreOutcome } from './backups/backup-service';
import { createCtx, type Ctx } from './context';
import { DatabaseFileError } from './db/inspect';
import { openDatabase } from './db/open';
import { realDbPath } from './db/open-files';

export { openAppStore } from './backups/recover';

/**
 * How a command-line host opens its store:
 * - `create`: open, creating a new database when there is none, and migrate (seed, import, backup);
 * - `existing`: the database must exist (read-only commands create no file or folder), migrated;
 * - `as-is`: must exist and is not migrated (`check` looks at a file exactly as it is).
 */
export type StoreMode = 'create' | 'existing' | 'as-is';

/** A file SQLite would open as our database: present, a regular file, not empty (stat only, never opened). */
function databaseExists(dbPath: string): boolean {
  try {
    const stat = fs.statSync(dbPath);
    return stat.isFile() && stat.size > 0;
  } catch {
    return false;
  }
}

/** A busy file is waited for (saying so on stderr); a damaged one is reported with what to do, the file untouched. */
export function openHostStore(dbPath: string, mode: StoreMode): Ctx {
  if (mode !== 'create' && !databaseExists(dbPath))
    throw new AppError('not_found', `no LeadLedger database at ${dbPath}`);
  const file = realDbPath(dbPath);
  try {
    return createCtx(
      openDatabase(file, {
        readonly: mode === 'as-is',
        onWait: (message) => process.stderr.write(`leadledger: ${message}\n`),
      }),
      file,
    );
  } catch (error) {
    if (error instanceof DatabaseFileError && error.problem !== 'newer') {
      throw new AppError(
        'storage',
        `${error.message}. Nothing was changed. See "leadledger check --repair", or restore a backup: "leadledger restore FILE" (list them with "leadledger backup --list").`,
      );
    }
    throw error;
  }
}

/**
 * Loads `source` into the database file through SQLite (the file is never swapped: other programs
 * may keep it open); works when the current file is missing or damaged, which is why this is a
 * store action, not an operation. A running app restores through `backups:restore`.
 */
export function restoreStore(dbPath: string, source: string): Promise<RestoreOutcome> {
  return restoreFileAtPath(dbPath, source);
}

export type HostCtx = { ctx: Ctx; close: () => void };

/**
 * A context whose store opens on the first use of `ctx.db`: a call that fails validation, or an
 * unknown operation, opens (and creates) nothing. Opening errors surface from the operation.
 */
export function lazyHostCtx(dbPath: string, mode: StoreMode): HostCtx {
  // A read-only command on a missing database stops here, even for an operation that never opens it (backups:list).
  if (mode !== 'create' && !databaseExists(dbPath))
    throw new AppError('not_found', `no LeadLedger database at ${dbPath}`);
  let opened: Ctx | undefined;
  const open = () => (opened ??= openHostStore(dbPath, mode));
  const ctx: Ctx = {
    dbPath,
    now: () => new Date(),
    get db() {
      return open().db;
    },
    get readDb() {
      return open().readDb;
    },
    // A restore reopens the store's connection; the next `ctx.db` is the new one.
    get store() {
      return open().store;
    },
  };
  return { ctx, close: () => opened?.store.close() };
}
