import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/api/result';
import type { Ctx } from '../context';
import { DatabaseFileError, inspectDatabaseFile } from '../db/inspect';
import { openDatabase } from '../db/open';
import { withSoleAccess } from '../db/sole-access';
import { backgroundCopiesSettled, createBackupInBackground } from './background-backup';
import { type BackupInfo, type BackupReason, createBackup, listBackups, moveAside, pruneBackups, swapInFile } from './backup';

/** "Back up now" from the app: the copy is made in a worker thread so the window stays responsive. */
export function backupInBackground(ctx: Ctx, reason: BackupReason = 'manual'): Promise<BackupInfo> {
  return createBackupInBackground(ctx.db, ctx.dbPath, reason);
}

/** A candidate must pass a full integrity check and not come from a newer LeadLedger. */
function checkRestorable(source: string, dbPath: string): void {
  if (!fs.existsSync(source)) throw new AppError('not_found', `${source} does not exist`);
  if (path.resolve(source) === path.resolve(dbPath)) throw new AppError('invalid_input', 'That file is the database itself');
  try {
    inspectDatabaseFile(source, { full: true });
  } catch (error) {
    if (error instanceof DatabaseFileError) throw new AppError('invalid_input', `Not restored: ${error.message}`);
    throw error;
  }
}

export type RestoreOutcome = { restored: string; keptCopy: string };

/**
 * An import runs on its own connection and holds the write lock between its chunks; swapping the
 * file under it would silently lose that import. Take the lock for a moment, without waiting:
 * if someone holds it, refuse. (The rest of the restore is synchronous, so no import can start.)
 */
function assertNoOtherWriter(ctx: Ctx): void {
  if (ctx.db.inTransaction) throw new AppError('conflict', 'A write (such as an import) is in progress: back up or restore when it has finished');
  const timeout = ctx.db.pragma('busy_timeout', { simple: true }) as number;
  ctx.db.pragma('busy_timeout = 0');
  try {
    ctx.db.prepare('BEGIN IMMEDIATE').run();
    ctx.db.prepare('ROLLBACK').run();
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') {
      throw new AppError('conflict', 'An import is writing to the database: restore when it has finished');
    }
    throw error;
  } finally {
    ctx.db.pragma(`busy_timeout = ${timeout}`);
  }
}

/**
 * Restores into the running app: check the file, close the store's connection and, only while no
 * other connection anywhere has the file open (another window, the CLI, a backup worker, another
 * SQLite tool: they would keep writing to the replaced file and lose it), back up what it replaces
 * (`pre-restore`) and swap the files. Then the store reopens (migrating an older backup).
 */
export function restoreIntoCtx(ctx: Ctx, source: string): RestoreOutcome {
  checkRestorable(source, ctx.dbPath);
  assertNoOtherWriter(ctx);
  ctx.store.close();
  let kept: BackupInfo;
  try {
    // Made under the exclusive lock: no write can land between this copy and the swap.
    kept = withSoleAccess(ctx.dbPath, (guard) => createBackup(guard, ctx.dbPath, 'pre-restore', { prune: false }));
  } catch (error) {
    ctx.store.reopen();
    throw error;
  }
  try {
    swapInFile(source, ctx.dbPath);
    ctx.store.reopen();
  } catch (error) {
    // Put back what was there so the app keeps working, then report.
    if (ctx.db.open) ctx.store.close();
    swapInFile(kept.path, ctx.dbPath);
    ctx.store.reopen();
    throw error instanceof AppError ? error : new AppError('storage', `Restore failed, nothing changed: ${(error as Error).message}`);
  }
  pruneBackups(ctx.dbPath);
  return { restored: path.basename(source), keptCopy: kept.path };
}

/**
 * Restores by backup name from the Settings page: only files listed in `backups/` are accepted.
 * An automatic or "Back up now" copy still running has the file open: the restore waits for it.
 */
export async function restoreBackupByName(ctx: Ctx, name: string): Promise<RestoreOutcome> {
  const backup = listBackups(ctx.dbPath).find((b) => b.name === name);
  if (!backup) throw new AppError('not_found', `No backup named ${name}`);
  await backgroundCopiesSettled(ctx.dbPath);
  return restoreIntoCtx(ctx, backup.path);
}

/**
 * CLI restore: refused while any other connection has the file open (see withSoleAccess). The
 * current file (if any) is kept as a `pre-restore` backup, made under that exclusive lock, or,
 * when it is damaged, moved aside as `.corrupt-<timestamp>`. Then the file is swapped in and opened once.
 */
export function restoreFileAtPath(dbPath: string, source: string, now = new Date()): RestoreOutcome {
  checkRestorable(source, dbPath);
  let keptCopy = '';
  if (fs.existsSync(dbPath) && fs.statSync(dbPath).size > 0) {
    let damaged: DatabaseFileError | undefined;
    try {
      inspectDatabaseFile(dbPath);
    } catch (error) {
      if (!(error instanceof DatabaseFileError) || error.problem === 'newer') throw error;
      damaged = error;
    }
    if (damaged) keptCopy = moveAside(dbPath, now);
    else keptCopy = withSoleAccess(dbPath, (guard) => createBackup(guard, dbPath, 'pre-restore', { now }).path);
  }
  swapInFile(source, dbPath);
  openDatabase(dbPath).close();
  return { restored: path.basename(source), keptCopy };
}

// Messages for the Settings page about what happened at start (a damaged file moved aside).
const notices = new WeakMap<Ctx, string>();
export const setStartupNotice = (ctx: Ctx, notice: string | null) => (notice ? notices.set(ctx, notice) : notices.delete(ctx));
export const startupNotice = (ctx: Ctx): string | null => notices.get(ctx) ?? null;

/** `busy()`: the host is answering requests (the start-up backup waits for a quiet moment). */
export type BackupSchedule = { stop: () => void; busy: () => void };

const day = 24 * 60 * 60 * 1000;

/**
 * Automatic backups for a running app: one shortly after start, then one whenever the newest
 * automatic backup is a day old (checked hourly). Failures are reported, never thrown.
 * The start-up one waits until the host has had `startupDelayMs` without a request (`busy()`), so
 * a 1 GB copy does not compete with the first page, but never longer than `startupLatestMs`.
 */
export function startBackupSchedule(
  ctx: Ctx,
  options: { startupDelayMs?: number; startupLatestMs?: number; checkEveryMs?: number; onError?: (error: unknown) => void } = {},
): BackupSchedule {
  const report = options.onError ?? ((error: unknown) => console.error(`[leadledger] automatic backup failed: ${(error as Error).message}`));
  let running = false;
  const run = async (reason: BackupReason) => {
    if (running || !ctx.db.open) return;
    running = true;
    try {
      await createBackupInBackground(ctx.db, ctx.dbPath, reason);
    } catch (error) {
      report(error);
    } finally {
      running = false;
    }
  };
  const quiet = options.startupDelayMs ?? 3000;
  const latest = Date.now() + (options.startupLatestMs ?? 60_000);
  let startupDone = false;
  const startupRun = () => {
    startupDone = true;
    void run('startup');
  };
  let startup = setTimeout(startupRun, quiet);
  startup.unref?.();
  const daily = setInterval(() => {
    const newest = listBackups(ctx.dbPath).find((b) => b.reason === 'startup' || b.reason === 'daily');
    if (!newest || Date.now() - Date.parse(newest.createdAt) >= day) void run('daily');
  }, options.checkEveryMs ?? 60 * 60 * 1000);
  daily.unref?.();
  let stopped = false;
  return {
    stop: () => {
      stopped = true;
      clearTimeout(startup);
      clearInterval(daily);
    },
    busy: () => {
      if (startupDone || stopped) return;
      clearTimeout(startup);
      startup = setTimeout(startupRun, Math.max(0, Math.min(quiet, latest - Date.now())));
      startup.unref?.();
    },
  };
}
