import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/api/result';

// Only SQLite's own verdict (SQLITE_CORRUPT, SQLITE_NOTADB, a failed integrity check) calls a file
// damaged (docs/safety.md). A file another program holds, a read-only file or folder, and a full
// disk are said as what they are, and the file is left exactly as it was.

const codeOf = (error: unknown) => String((error as { code?: string } | undefined)?.code ?? '');

export const isDamageCode = (error: unknown) => /^SQLITE_(CORRUPT|NOTADB)/.test(codeOf(error));
export const isBusyCode = (error: unknown) => /^SQLITE_(BUSY|LOCKED)/.test(codeOf(error));

/** Another program keeps the file locked, or a restore is loading into it: retried for a while at start (openDatabase), then refused. */
export class DatabaseBusyError extends AppError {
  constructor(
    readonly file: string,
    readonly byRestore = false,
  ) {
    super(
      'conflict',
      byRestore
        ? `A restore into the database file ${file} is still running: start LeadLedger again when it has finished. Nothing was changed.`
        : `Another program is using the database file ${file} (such as the sqlite3 shell, a sync or backup tool, or another LeadLedger): close it, then start LeadLedger again. Nothing was changed.`,
    );
    this.name = 'DatabaseBusyError';
  }
}

export const waitingMessage = (file: string, waitMs: number, byRestore = false) =>
  byRestore
    ? `A restore into the database file ${file} is running … waiting for it to finish (up to ${Math.round(waitMs / 1000)} s).`
    : `Another program is using the database file ${file} … waiting for it (up to ${Math.round(waitMs / 1000)} s; close the other program, such as the sqlite3 shell, to go on).`;

const fullMessage = (file: string) =>
  `The disk is full: LeadLedger cannot open ${file} (SQLite needs some free space beside it). Free some space, then start LeadLedger again. The file was not changed.`;

function freeBytes(dir: string): number | undefined {
  try {
    const s = fs.statfsSync(dir);
    return s.bavail * s.bsize;
  } catch {
    return undefined;
  }
}

function writable(target: string): boolean {
  try {
    fs.accessSync(target, fs.constants.W_OK);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'ENOENT';
  }
}

/** The disk holding `file` has (next to) no space left. */
export function diskIsFull(file: string): boolean {
  const free = freeBytes(path.dirname(file));
  return free !== undefined && free < 1024 * 1024;
}

/**
 * What an error at start means, for anything but damage (see isDamageCode): the file is busy,
 * read-only, on a full disk, or something else SQLite said; never "damaged".
 */
export function startProblem(file: string, error: unknown): Error {
  if (error instanceof AppError) return error;
  const code = codeOf(error);
  if (isBusyCode(error)) return new DatabaseBusyError(file);
  const readOnly = new AppError(
    'storage',
    `${file} is read-only (the file or its folder): LeadLedger needs to write there, also to open it. Make it writable, then start LeadLedger again. The file was not changed.`,
  );
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return readOnly;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || diskIsFull(file))
    return new AppError('storage', fullMessage(file));
  if (!writable(file) || !writable(path.dirname(file))) return readOnly;
  const message = (error as Error | undefined)?.message ?? String(error);
  return new AppError(
    'storage',
    `LeadLedger could not open ${file} (${code || 'error'}: ${message}). The file was not changed.`,
  );
}
