import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { createCtx, type Ctx } from '../context';
import { sweepTempCopies } from '../csv/file-registry';
import { DatabaseFileError } from '../db/inspect';
import { openDatabase } from '../db/open';
import { type BackupInfo, moveAside, newestGoodBackup, swapInFile } from './backup';
import { type BackupSchedule, setStartupNotice, startBackupSchedule } from './backup-service';

/** What the host decides once a damaged file has been moved aside. */
export type RecoveryChoice = 'restore' | 'empty' | 'quit';

export type RecoveryPrompt = { file: string; movedTo: string; reason: string; backup: BackupInfo | undefined };

export type OpenOutcome =
  | { status: 'opened'; db: Database.Database; notice: string | null }
  | { status: 'quit'; notice: string };

export type RecoverOptions = {
  nativeBinding?: string;
  now?: Date;
  /** Electron asks the user; browser mode takes the newest good backup (or an empty database). */
  choose?: (prompt: RecoveryPrompt) => RecoveryChoice;
};

const defaultChoice = (prompt: RecoveryPrompt): RecoveryChoice => (prompt.backup ? 'restore' : 'empty');

/**
 * Opens the database for the app hosts (Electron, browser mode). A damaged or foreign file is never
 * deleted: it is moved aside as `<file>.corrupt-<timestamp>`, then the newest good backup is put in
 * its place (or a new empty database is started) and the notice says what happened.
 * A database from a newer LeadLedger is refused untouched (DatabaseFileError is rethrown).
 */
export function openOrRecover(file: string, options: RecoverOptions = {}): OpenOutcome {
  try {
    return { status: 'opened', db: openDatabase(file, { nativeBinding: options.nativeBinding }), notice: null };
  } catch (error) {
    if (!(error instanceof DatabaseFileError) || error.problem === 'newer' || !fs.existsSync(file)) throw error;
    const movedTo = moveAside(file, options.now);
    const backup = newestGoodBackup(file);
    const choice = (options.choose ?? defaultChoice)({ file, movedTo, reason: error.message, backup });
    const what = error.problem === 'not-database' ? 'was not a LeadLedger database' : 'was damaged';
    if (choice === 'quit') {
      return { status: 'quit', notice: `The database ${what}; it was moved aside to ${movedTo}.` };
    }
    if (choice === 'restore' && backup) {
      swapInFile(backup.path, file);
      const db = openDatabase(file, { nativeBinding: options.nativeBinding });
      return {
        status: 'opened',
        db,
        notice: `The database ${what}; it was moved aside to ${movedTo} and the backup of ${backup.createdAt.slice(0, 16).replace('T', ' ')} UTC (${backup.name}) was restored.`,
      };
    }
    const db = openDatabase(file, { nativeBinding: options.nativeBinding });
    return {
      status: 'opened',
      db,
      notice: `The database ${what}; it was moved aside to ${movedTo}. ${backup ? 'A new empty database was started.' : 'No good backup was found, so a new empty database was started.'}`,
    };
  }
}

export type AppStore = { status: 'opened'; ctx: Ctx; notice: string | null; schedule: BackupSchedule } | { status: 'quit'; notice: string };

/**
 * How both app hosts (Electron main, `leadledger web`) open their store: recover from a damaged file,
 * remember the notice for the Settings page, and start the automatic backups (on start, then daily).
 */
export function openAppStore(dbPath: string, options: RecoverOptions & { startupDelayMs?: number } = {}): AppStore {
  sweepTempCopies(); // half-written backups are swept by openDatabase
  const outcome = openOrRecover(dbPath, options);
  if (outcome.status === 'quit') return outcome;
  const ctx = createCtx(outcome.db, dbPath);
  setStartupNotice(ctx, outcome.notice);
  const schedule = startBackupSchedule(ctx, { startupDelayMs: options.startupDelayMs });
  return { status: 'opened', ctx, notice: outcome.notice, schedule };
}
