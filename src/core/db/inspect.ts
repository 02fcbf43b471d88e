import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { AppError } from '../../shared/api/result';
import { trackedConnection } from './connection';
import { latestVersion } from './migrations';
import { nativeBinding } from './native';
import { isOpenInProcess } from './open-files';
import { isDamageCode, startProblem } from './start-errors';

/** Why a file cannot be opened: damaged or foreign (reported, never moved), or from a newer LeadLedger (refused untouched). */
export type FileProblem = 'not-database' | 'corrupt' | 'newer';

/** Thrown by openDatabase and restore; hosts decide what to do from `problem`. */
export class DatabaseFileError extends AppError {
  constructor(
    readonly file: string,
    readonly problem: FileProblem,
    message: string,
  ) {
    super('storage', message);
    this.name = 'DatabaseFileError';
  }
}

const sqliteMagic = Buffer.from('SQLite format 3\0', 'latin1');

export type InspectResult = { version: number; pages: number };

/**
 * The header tells the page size and, when valid, how many pages the file should have. It is read
 * with a raw descriptor, so only while this process has no connection to the file (closing the
 * descriptor would drop that connection's locks); a file already open was checked when it was opened.
 */
function checkHeader(file: string): void {
  if (isOpenInProcess(file)) return;
  const size = fs.statSync(file).size;
  if (size === 0) return; // SQLite treats an empty file as a new, empty database.
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  let read: number;
  try {
    read = fs.readSync(fd, header, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (read < 100 || !header.subarray(0, 16).equals(sqliteMagic)) {
    throw new DatabaseFileError(
      file,
      'not-database',
      `${file} is not a LeadLedger database (it is not an SQLite file)`,
    );
  }
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) {
    throw new DatabaseFileError(file, 'corrupt', `${file} is damaged (its header is invalid)`);
  }
  const changeCounter = header.readUInt32BE(24);
  const headerPages = header.readUInt32BE(28);
  const validFor = header.readUInt32BE(92);
  // The in-header size is trustworthy only when "version-valid-for" matches the change counter.
  if (headerPages > 0 && validFor === changeCounter && size < headerPages * pageSize) {
    throw new DatabaseFileError(
      file,
      'corrupt',
      `${file} is damaged: it is truncated (${size} bytes, the header says ${headerPages * pageSize})`,
    );
  }
}

/**
 * Checks an existing file without writing to it: SQLite header, truncation, schema readable,
 * `quick_check` (every page of every b-tree) and the schema version. Throws DatabaseFileError.
 */
export function inspectDatabaseFile(
  file: string,
  options: { nativeBinding?: string; full?: boolean; checkPages?: boolean } = {},
): InspectResult {
  checkHeader(file);
  // A read-only connection to a WAL database creates empty -wal/-shm files: tidied up below.
  const created = ['-wal', '-shm'].some((suffix) => !fs.existsSync(file + suffix));
  let probe: Database.Database | undefined;
  try {
    probe = trackedConnection(file, { readonly: true, nativeBinding: options.nativeBinding ?? nativeBinding() });
    // A file another program holds is retried by the caller (openDatabase), which says so meanwhile.
    probe.pragma('busy_timeout = 200');
    const version = probe.pragma('user_version', { simple: true }) as number;
    if (version > latestVersion) {
      throw new DatabaseFileError(
        file,
        'newer',
        `${file} was written by a newer LeadLedger (schema ${version}; this version knows up to ${latestVersion}). It was left untouched: update LeadLedger to open it.`,
      );
    }
    const rows = (
      options.checkPages === false ? [] : probe.pragma(options.full ? 'integrity_check(20)' : 'quick_check(20)')
    ) as Record<string, string>[];
    const problems = rows.map((row) => Object.values(row)[0]).filter((text) => text !== 'ok');
    if (problems.length > 0) {
      // One line: SQLite's report starts with a "*** in database main ***" line of its own.
      const first = String(problems[0])
        .replace(/\*\*\* in database \w+ \*\*\*\s*/g, '')
        .replace(/\s+/g, ' ')
        .trim();
      throw new DatabaseFileError(file, 'corrupt', `${file} is damaged (${first})`);
    }
    if (version > 0) {
      const tables = probe
        .prepare(
          `SELECT COUNT(*) AS n FROM sqlite_schema WHERE type = 'table' AND name IN ('leads', 'sources', 'settings')`,
        )
        .get() as { n: number };
      if (tables.n !== 3)
        throw new DatabaseFileError(file, 'not-database', `${file} is an SQLite file but not a LeadLedger database`);
    } else {
      const tables = probe.prepare(`SELECT COUNT(*) AS n FROM sqlite_schema`).get() as { n: number };
      if (tables.n > 0)
        throw new DatabaseFileError(file, 'not-database', `${file} is an SQLite file but not a LeadLedger database`);
    }
    const pages = probe.pragma('page_count', { simple: true }) as number;
    return { version, pages };
  } catch (error) {
    if (error instanceof DatabaseFileError) throw error;
    // Busy, read-only, a full disk: not damage (docs/safety.md). Only SQLite's verdict is.
    if (!isDamageCode(error)) throw startProblem(file, error);
    const code = (error as { code?: string }).code;
    const problem: FileProblem = code === 'SQLITE_NOTADB' ? 'not-database' : 'corrupt';
    const what = problem === 'not-database' ? 'is not a LeadLedger database' : 'is damaged';
    throw new DatabaseFileError(file, problem, `${file} ${what} (${(error as Error).message})`);
  } finally {
    probe?.close();
    if (created && probe) removeSidecars(file, options.nativeBinding);
  }
}

/**
 * Deleting -wal/-shm by hand is unsafe: another process may have opened the file meanwhile and be
 * using them. A read-write connection's close does it the SQLite way: only when it is the last
 * connection anywhere (it holds the exclusive lock), after a checkpoint. Read-only media keep them.
 */
function removeSidecars(file: string, binding: string | undefined): void {
  if (isOpenInProcess(file)) return;
  try {
    const tidy = trackedConnection(file, { nativeBinding: binding ?? nativeBinding() });
    try {
      tidy.pragma('busy_timeout = 200'); // a file another program holds: leave the sidecars, do not wait
      tidy.pragma('user_version', { simple: true });
    } finally {
      tidy.close();
    }
  } catch {
    // Not writable: the empty sidecars stay, which SQLite handles.
  }
}
