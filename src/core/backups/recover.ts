import type Database from 'better-sqlite3';
import { createCtx, type Ctx } from '../context';
import { sweepTempCopies } from '../csv/file-registry';
import { trackedConnection } from '../db/connection';
import { DatabaseFileError } from '../db/inspect';
import { lockWaitMs, openDatabase } from '../db/open';
import { DatabaseBusyError, waitingMessage } from '../db/start-errors';
import { realDbPath } from '../db/open-files';
import { type BackupInfo, newestGoodBackup } from '../db/backup';
import { restoreFileAtPath, type BackupSchedule, setStartupNotice, startBackupSchedule } from './backup-service';

// Recovery asks before it acts (docs/safety.md): nothing at start moves a file aside or restores a
// backup by itself. A damaged file is reported with the choices; "quit" leaves every file as it was.

/** What the user chose for a damaged file. */
export type RecoveryChoice = 'restore' | 'read-only' | 'quit';

export type RecoveryPrompt = {
  file: string;
  reason: string;
  problem: 'corrupt' | 'not-database';
  backup: BackupInfo | undefined;
};

export type OpenOutcome =
  | { status: 'opened'; db: Database.Database; notice: string | null; readOnly: boolean }
  | { status: 'quit'; notice: string; prompt: RecoveryPrompt };

export type RecoverOptions = {
  nativeBinding?: string;
  now?: Date;
  /** Asks the user (Electron: a dialog; browser mode: its flags). Without it, a damaged file means "quit". */
  choose?: (prompt: RecoveryPrompt) => RecoveryChoice | Promise<RecoveryChoice>;
  /** Told when the file is busy and the start waits for it (see openDatabase). */
  onWait?: (message: string) => void;
  lockWaitMs?: number;
};

const when = (backup: BackupInfo) => `${backup.createdAt.slice(0, 16).replace('T', ' ')} UTC`;

/** The one-paragraph report of a damaged file and what can be done, for every host. */
export function damagedReport(prompt: RecoveryPrompt): string {
  const restore = prompt.backup
    ? `restore the newest good backup (${when(prompt.backup)}: leadledger --db "${prompt.file}" restore "${prompt.backup.path}")`
    : 'restore a backup (no good backup was found beside it; leadledger restore FILE)';
  return `${prompt.reason}. Nothing was changed. You can ${restore}, open it read-only to export what can be read, or quit; "leadledger check --repair" rebuilds the summary tables of a readable file.`;
}

/** A read-only connection with no checks: the file as it is, to export from. Writes are refused by SQLite. */
function openReadOnly(file: string, nativeBinding?: string): Database.Database {
  return trackedConnection(file, { readonly: true, nativeBinding });
}

/** openDatabase's wait for a busy file, without blocking the event loop (a window can show the message meanwhile). */
async function openWaiting(
  file: string,
  open: () => Database.Database,
  options: RecoverOptions,
): Promise<Database.Database> {
  const waitMs = options.lockWaitMs ?? lockWaitMs();
  const started = Date.now();
  let told = false;
  for (;;) {
    try {
      return open();
    } catch (error) {
      if (!(error instanceof DatabaseBusyError) || Date.now() - started >= waitMs) throw error;
      if (!told) options.onWait?.(waitingMessage(file, waitMs, error.byRestore));
      told = true;
      await new Promise((resolve) => setTimeout(resolve, Math.min(250, Math.max(1, waitMs - (Date.now() - started)))));
    }
  }
}

/**
 * Opens the database for the app hosts (Electron, browser mode). Busy, read-only and full files
 * throw their own plain errors (never "damaged"); a newer schema is refused untouched. A damaged or
 * foreign file is reported through `choose`: restore the newest good backup (into the same file, see
 * restoreFileAtPath), open it read-only, or quit (every file stays where it was).
 */
export async function openOrRecover(dbPath: string, options: RecoverOptions = {}): Promise<OpenOutcome> {
  const file = realDbPath(dbPath);
  const open = () => openDatabase(file, { nativeBinding: options.nativeBinding, lockWaitMs: 0 });
  try {
    return { status: 'opened', db: await openWaiting(file, open, options), notice: null, readOnly: false };
  } catch (error) {
    if (!(error instanceof DatabaseFileError) || error.problem === 'newer') throw error;
    const prompt: RecoveryPrompt = {
      file,
      reason: error.message,
      problem: error.problem,
      backup: newestGoodBackup(file),
    };
    const choice = options.choose ? await options.choose(prompt) : 'quit';
    if (choice === 'restore' && prompt.backup) {
      const outcome = await restoreFileAtPath(file, prompt.backup.path, options.now);
      return {
        status: 'opened',
        db: open(),
        readOnly: false,
        notice: `The database was damaged; the backup of ${when(prompt.backup)} (${prompt.backup.name}) was restored into it. A copy of the damaged file was kept as ${outcome.keptCopy}.`,
      };
    }
    if (choice === 'read-only') {
      return {
        status: 'opened',
        db: openReadOnly(file, options.nativeBinding),
        readOnly: true,
        notice: `Read-only: ${prompt.reason}. Export what you need; changes cannot be saved. Restore a backup to go on working.`,
      };
    }
    return { status: 'quit', notice: damagedReport(prompt), prompt };
  }
}

export type AppStore =
  | { status: 'opened'; ctx: Ctx; notice: string | null; readOnly: boolean; schedule: BackupSchedule }
  | { status: 'quit'; notice: string; prompt: RecoveryPrompt };

/**
 * How both app hosts (Electron main, `leadledger web`) open their store: report a damaged file and
 * act only on the user's choice, remember the notice for the Settings page, and start the automatic
 * backups (on start, then daily; not for a file opened read-only).
 */
export async function openAppStore(
  dbPath: string,
  options: RecoverOptions & { startupDelayMs?: number } = {},
): Promise<AppStore> {
  sweepTempCopies(); // half-written backups are swept by openDatabase
  const file = realDbPath(dbPath);
  const outcome = await openOrRecover(file, options);
  if (outcome.status === 'quit') return outcome;
  const ctx = createCtx(outcome.db, file);
  setStartupNotice(ctx, outcome.notice);
  const schedule = outcome.readOnly
    ? { stop: () => {}, busy: () => {} }
    : startBackupSchedule(ctx, { startupDelayMs: options.startupDelayMs });
  return { status: 'opened', ctx, notice: outcome.notice, readOnly: outcome.readOnly, schedule };
}
