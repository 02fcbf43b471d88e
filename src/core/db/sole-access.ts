import { AppError } from '../../shared/api/result';
import { type Db, trackedConnection } from './connection';
import { isOpenInProcess } from './open-files';

/** Said when a file swap (restore) would pull the database from under another program. */
export const openElsewhereMessage =
  'The database is open in another window (LeadLedger, or another program such as the sqlite3 shell): close it, then restore. Nothing was changed.';

export const isBusyError = (error: unknown) => /^SQLITE_(BUSY|LOCKED)/.test((error as { code?: string })?.code ?? '');

/**
 * Runs `fn` while this is the only connection to `file` anywhere: an exclusive lock in exclusive
 * locking mode, which SQLite grants only when no other connection (any process or thread, any
 * SQLite tool) has the file open for reading or writing. Others wait (busy_timeout) until it ends.
 * Throws AppError('conflict') at once when someone else has it. `fn` gets the locked connection.
 * On close SQLite checkpoints and removes -wal/-shm itself, so the file is whole on its own after.
 */
export function withSoleAccess<T>(file: string, fn: (guard: Db) => T, message = openElsewhereMessage): T {
  if (isOpenInProcess(file)) throw new AppError('conflict', message);
  const guard = trackedConnection(file);
  try {
    guard.pragma('busy_timeout = 0');
    guard.pragma('locking_mode = EXCLUSIVE');
    try {
      guard.exec('BEGIN EXCLUSIVE');
      guard.exec('COMMIT');
    } catch (error) {
      if (isBusyError(error)) throw new AppError('conflict', message);
      throw error;
    }
    return fn(guard);
  } finally {
    guard.close();
  }
}
