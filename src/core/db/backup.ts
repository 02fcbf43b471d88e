import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/api/result';
import { DatabaseFileError, inspectDatabaseFile } from './inspect';
import { nativeBinding } from './native';
import { realDbPath } from './open-files';
import { makePrivateDir } from './private-files';
import { sweepBackupTemps } from './leftovers';

/** Our own backups folder is narrowed to 0700 even when an older version made it 0755. */
function makePrivateFolder(dir: string) {
  if (process.platform === 'win32') return;
  try {
    if ((fs.statSync(dir).mode & 0o777) !== 0o700) fs.chmodSync(dir, 0o700);
  } catch {
    // Not ours: leave it.
  }
}

/** Why a backup was made; decides how long it is kept. */
export type BackupReason = 'manual' | 'startup' | 'daily' | 'pre-migration' | 'pre-import' | 'pre-restore';
export const backupReasons: readonly BackupReason[] = [
  'manual',
  'startup',
  'daily',
  'pre-migration',
  'pre-import',
  'pre-restore',
];

export type BackupInfo = {
  /** File name inside the backups folder. */
  name: string;
  path: string;
  createdAt: string;
  reason: BackupReason;
  sizeBytes: number;
};

/** `backups/` next to the database file (beside a symlink's target, not the link). */
export function backupDir(dbPath: string): string {
  return path.join(path.dirname(realDbPath(dbPath)), 'backups');
}

const stem = (dbPath: string) => path.basename(realDbPath(dbPath)).replace(/\.[^.]*$/, '');

/** 2026-08-15T12:00:00.000Z → 20260815-120000-000 (sortable, safe on every file system). */
const stamp = (date: Date) =>
  date.toISOString().replace(/[-:]/g, '').replace('T', '-').replace('.', '-').replace('Z', '');

function parseName(dbPath: string, name: string): { createdAt: string; reason: BackupReason } | undefined {
  const prefix = `${stem(dbPath)}-`;
  if (!name.startsWith(prefix) || !name.endsWith('.db')) return undefined;
  const match = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(\d{3})(?:-\d+)?-([a-z-]+)\.db$/.exec(
    name.slice(prefix.length),
  );
  if (!match) return undefined;
  const reason = match[8] as BackupReason;
  if (!backupReasons.includes(reason)) return undefined;
  const [, y, mo, d, h, mi, s, ms] = match;
  return { createdAt: `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`, reason };
}

/** The backups of this database, newest first. */
export function listBackups(dbPath: string): BackupInfo[] {
  const dir = backupDir(dbPath);
  if (!fs.existsSync(dir)) return [];
  const list: BackupInfo[] = [];
  for (const name of fs.readdirSync(dir)) {
    const parsed = parseName(dbPath, name);
    if (!parsed) continue;
    const file = path.join(dir, name);
    list.push({ name, path: file, ...parsed, sizeBytes: fs.statSync(file).size });
  }
  return list.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

function fsyncFile(file: string) {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function fsyncDir(dir: string) {
  if (process.platform === 'win32') return; // Directories cannot be opened for fsync on Windows.
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function removeQuietly(file: string) {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // The folder itself is unusable; the error that got us here is the one to report.
  }
}

function uniqueTarget(dir: string, base: string, reason: BackupReason): string {
  let candidate = path.join(dir, `${base}-${reason}.db`);
  for (let n = 1; fs.existsSync(candidate); n++) candidate = path.join(dir, `${base}-${n}-${reason}.db`);
  return candidate;
}

export type BackupOptions = { now?: Date; prune?: boolean };

export type Slot = { dir: string; target: string; temp: string; now: Date };

export function reserveSlot(dbPath: string, reason: BackupReason, now: Date): Slot {
  const dir = backupDir(dbPath);
  const target = uniqueTarget(dir, `${stem(dbPath)}-${stamp(now)}`, reason);
  // The pid in the temp name tells the start-up sweep whether its writer still runs (leftovers.ts).
  return { dir, target, temp: path.join(dir, `.${path.basename(target)}.p${process.pid}.tmp`), now };
}

export function storageError(slot: Slot, error: unknown): AppError {
  removeQuietly(slot.temp);
  if (error instanceof AppError) return error;
  const code = (error as { code?: string }).code;
  const why = code === 'SQLITE_FULL' || code === 'ENOSPC' ? 'the disk is full' : (error as Error).message;
  return new AppError('storage', `Could not write a backup to ${slot.dir}: ${why}`);
}

/** The backups folder (0700) and an empty 0600 temp file: VACUUM INTO fills an empty file and keeps its mode. */
export function prepareSlot(slot: Slot, dbPath: string) {
  makePrivateDir(slot.dir);
  makePrivateFolder(slot.dir);
  sweepBackupTemps(dbPath, slot.now.getTime());
  fs.rmSync(slot.temp, { force: true });
  fs.writeFileSync(slot.temp, '', { mode: 0o600 });
}

/** The checked temp file becomes the backup: fsync, rename, fsync the folder; then prune. */
export function finishSlot(slot: Slot, dbPath: string, options: BackupOptions): BackupInfo {
  try {
    fsyncFile(slot.temp);
    fs.renameSync(slot.temp, slot.target);
    fsyncDir(slot.dir);
  } catch (error) {
    throw storageError(slot, error);
  }
  if (options.prune !== false) pruneBackups(dbPath);
  const created = listBackups(dbPath).find((b) => b.path === slot.target);
  if (!created) throw new AppError('storage', `The backup ${slot.target} vanished after it was written`);
  return created;
}

/**
 * A consistent copy of the open database: `VACUUM INTO` a temporary file, `integrity_check` it,
 * fsync, then rename into `backups/`. A failed backup leaves no file behind. Prunes old ones.
 * Synchronous: used where the next step needs the copy (before a migration, import or restore).
 */
export function createBackup(
  db: Database.Database,
  dbPath: string,
  reason: BackupReason,
  options: BackupOptions = {},
): BackupInfo {
  if (db.inTransaction) {
    // VACUUM INTO cannot run inside a transaction; an import holds one while it streams its file.
    throw new AppError(
      'conflict',
      'A write (such as an import) is in progress: back up or restore when it has finished',
    );
  }
  const slot = reserveSlot(dbPath, reason, options.now ?? new Date());
  try {
    prepareSlot(slot, dbPath);
    db.prepare('VACUUM INTO ?').run(slot.temp);
    const check = new Database(slot.temp, { readonly: true, fileMustExist: true, nativeBinding: nativeBinding() });
    try {
      const result = check.pragma('integrity_check', { simple: true });
      if (result !== 'ok') throw new AppError('storage', `The backup failed its integrity check (${String(result)})`);
    } finally {
      check.close();
    }
  } catch (error) {
    throw storageError(slot, error);
  }
  return finishSlot(slot, dbPath, options);
}

/** The Monday of the week (UTC) a backup was made: groups backups by week. */
const weekOf = (iso: string) => {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
};

/** How many of each kind survive pruning (automatic ones: newest of each of the last 7 days and 4 weeks). */
export const retention = {
  days: 7,
  weeks: 4,
  manual: 10,
  'pre-migration': 3,
  'pre-import': 5,
  'pre-restore': 5,
} as const;

/** Which backups the rolling scheme keeps; everything else is deleted. Only our own file names are touched. */
export function backupsToKeep(backups: readonly BackupInfo[]): Set<string> {
  const keep = new Set<string>();
  const newestFirst = [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const automatic = newestFirst.filter((b) => b.reason === 'startup' || b.reason === 'daily');
  const days = new Set<string>();
  const weeks = new Set<string>();
  for (const backup of automatic) {
    const day = backup.createdAt.slice(0, 10);
    if (!days.has(day) && days.size < retention.days) {
      days.add(day);
      keep.add(backup.name);
    }
  }
  for (const backup of automatic) {
    const week = weekOf(backup.createdAt);
    if (!weeks.has(week) && weeks.size < retention.weeks) {
      weeks.add(week);
      keep.add(backup.name);
    }
  }
  for (const reason of ['manual', 'pre-migration', 'pre-import', 'pre-restore'] as const) {
    newestFirst
      .filter((b) => b.reason === reason)
      .slice(0, retention[reason])
      .forEach((b) => keep.add(b.name));
  }
  return keep;
}

export function pruneBackups(dbPath: string): string[] {
  const backups = listBackups(dbPath);
  const keep = backupsToKeep(backups);
  const removed: string[] = [];
  for (const backup of backups) {
    if (keep.has(backup.name)) continue;
    fs.rmSync(backup.path, { force: true });
    removed.push(backup.name);
  }
  return removed;
}

/** The newest backup that passes a full integrity check and is not from a newer schema. */
export function newestGoodBackup(dbPath: string): BackupInfo | undefined {
  for (const backup of listBackups(dbPath)) {
    try {
      inspectDatabaseFile(backup.path, { full: true });
      return backup;
    } catch (error) {
      if (!(error instanceof DatabaseFileError)) throw error;
    }
  }
  return undefined;
}
