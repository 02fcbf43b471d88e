import type { ApiError } from '../../shared/api/result';

/** Said when a write waited for another writer and gave up; retrying later works. */
export const busyMessage =
  'LeadLedger is saving another change to this file (an import, in this window, another window or a terminal): nothing was saved. Try again when it has finished.';

/** The user-facing error for an SQLite failure, or undefined when `error` is not one. */
export function sqliteApiError(error: unknown): ApiError | undefined {
  const code = (error as { code?: string } | undefined)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return undefined;
  // Another writer (an import in this window, the CLI, another window) holds the write lock.
  if (/^SQLITE_(BUSY|LOCKED)/.test(code)) return { code: 'busy', message: busyMessage };
  if (code === 'SQLITE_FULL')
    return { code: 'storage', message: 'The disk is full: nothing was saved. Free some space and try again.' };
  if (/^SQLITE_(CORRUPT|NOTADB)/.test(code)) {
    return {
      code: 'storage',
      message: `The database file is damaged (${code}): nothing was saved. Run "leadledger check", or restore a backup (Settings → Backups).`,
    };
  }
  return { code: 'storage', message: `The database refused the change (${code}): nothing was saved.` };
}
