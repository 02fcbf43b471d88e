import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/api/result';
import type { Ctx, ReadCtx } from '../context';
import { trackedConnection } from '../db/connection';
import { DatabaseFileError, inspectDatabaseFile } from '../db/inspect';
import { loadIntoLive, overwriteDamaged } from '../db/live-file';
import { openDatabase } from '../db/open';
import { isOpenInProcess, realDbPath } from '../db/open-files';
import { makePrivate } from '../db/private-files';
import { backgroundCopiesSettled, createBackupInBackground } from './background-backup';
import { type BackupInfo, type BackupReason, createBackup, listBackups, pruneBackups } from '../db/backup';

/** "Back up now" from the app: the copy is made in a worker thread so the window stays responsive. */
export function backupInBackground(ctx: Ctx, reason: BackupReason = 'manual'): Promise<BackupInfo> {
  return createBackupInBackground(ctx.db, ctx.dbPath, reason);
}

/** A candidate must pass a full integrity check and not come from a newer LeadLedger. */
function checkRestorable(source: string, dbPath: string): void {
  if (!fs.existsSync(source)) throw new AppError('not_found', `${source} does not exist`);
  if (realDbPath(source) === realDbPath(dbPath))
    throw new AppError('invalid_input', 'That file is the database itself');
  try {
    inspectDatabaseFile(source, { full: true });
  } catch (error) {
    if (error instanceof DatabaseFileError) throw new AppError('invalid_input', `Not restored: ${error.message}`);
    throw error;
  }
}

export type RestoreOutcome = { restored: string; keptCopy: string };

/** The pre-restore copy, made by a reader while the restore holds the write lock (nothing can be written in between). */
function keepPreRestore(now: Date) {
  return (file: string) => {
    const reader = trackedConnection(file, { readonly: true });
    try {
      return createBackup(reader, file, 'pre-restore', { now, prune: false }).path;
    } finally {
      reader.close();
    }
  };
}

/**
 * Restores into the running app: the backup is written into the live file through SQLite, in one
 * write transaction that also makes the `pre-restore` copy first (loadIntoLive). The file is never
 * swapped: other windows and programs that have it open see the old content or the restored one.
 * An import in progress holds the write lock: the restore is refused at once, nothing changed.
 */
export function restoreIntoCtx(ctx: Ctx, source: string): RestoreOutcome {
  checkRestorable(source, ctx.dbPath);
  if (ctx.db.inTransaction)
    throw new AppError(
      'conflict',
      'A write (such as an import) is in progress: back up or restore when it has finished',
    );
  // The app's event loop must not block behind an import: refused at once when another writer has the lock.
  const keptCopy = loadIntoLive(ctx.dbPath, source, { keep: keepPreRestore(ctx.now()), waitMs: 0 });
  // The store's connection sees the new content already; a fresh one drops any per-connection state.
  ctx.store.reopen();
  pruneBackups(ctx.dbPath);
  return { restored: path.basename(source), keptCopy };
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

/** `<file>.damaged-<timestamp>`: a byte copy of a damaged file, made before it is restored over (never moved, never deleted). */
function keepDamagedCopy(file: string, now: Date): string {
  const target = `${file}.damaged-${now.toISOString().replace(/[-:.]/g, '')}`;
  fs.copyFileSync(file, target);
  makePrivate(target);
  if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${target}-wal`);
  return target;
}

/**
 * CLI restore (and the recovery choice at start): works while other programs have the file open,
 * through SQLite (see restoreIntoCtx). A healthy current file is kept as a `pre-restore` backup in
 * the same hold of the lock; a damaged one is copied byte for byte to `<file>.damaged-<timestamp>`
 * and its pages overwritten in place. The path may be a symlink: its target is restored.
 */
export async function restoreFileAtPath(dbPath: string, source: string, now = new Date()): Promise<RestoreOutcome> {
  const file = realDbPath(dbPath);
  checkRestorable(source, file);
  const exists = (fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0) > 0;
  let damaged: DatabaseFileError | undefined;
  if (exists && !isOpenInProcess(file)) {
    try {
      inspectDatabaseFile(file);
    } catch (error) {
      if (!(error instanceof DatabaseFileError) || error.problem === 'newer') throw error;
      damaged = error;
    }
  }
  if (damaged) {
    const keptCopy = keepDamagedCopy(file, now);
    await overwriteDamaged(file, source);
    openDatabase(file).close(); // migrates an older backup
    return { restored: path.basename(source), keptCopy };
  }
  const keptCopy = loadIntoLive(file, source, { keep: exists ? keepPreRestore(now) : undefined });
  pruneBackups(file);
  return { restored: path.basename(source), keptCopy };
}

// Messages for the Settings page about how the database was opened (read-only after a damaged file was found).
const notices = new WeakMap<ReadCtx, string>();
export const setStartupNotice = (ctx: Ctx, notice: string | null) =>
  notice ? notices.set(ctx, notice) : notices.delete(ctx);
export const startupNotice = (ctx: ReadCtx): string | null => notices.get(ctx) ?? null;

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
  options: {
    startupDelayMs?: number;
    startupLatestMs?: number;
    checkEveryMs?: number;
    onError?: (error: unknown) => void;
  } = {},
): BackupSchedule {
  const report =
    options.onError ??
    ((error: unknown) => console.error(`[leadledger] automatic backup failed: ${(error as Error).message}`));
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
  const daily = setInterval(
    () => {
      const newest = listBackups(ctx.dbPath).find((b) => b.reason === 'startup' || b.reason === 'daily');
      if (!newest || Date.now() - Date.parse(newest.createdAt) >= day) void run('daily');
    },
    options.checkEveryMs ?? 60 * 60 * 1000,
  );
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
