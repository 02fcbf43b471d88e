import fs from 'node:fs';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/api/result';
import { busyTimeoutMs, type Db, trackedConnection } from './connection';
import { migrate } from './migrate';
import { nativeBinding } from './native';
import { isOpenInProcess, realDbPath } from './open-files';
import { seedPresets } from './presets';
import { makePrivate } from './private-files';

// The database file is the user's (docs/safety.md): it is never renamed over, moved aside or
// deleted while LeadLedger runs. A restore writes the backup's content INTO the live file, through
// SQLite, in one write transaction: the inode, hard links and symlinks stay, and every other
// connection (another window, the sqlite3 shell, one that opened the file and holds no lock yet)
// sees the old content or the new one, never a mix.

/** Said when another writer keeps the write lock for longer than a restore waits. */
export const restoreBusyMessage =
  'Another program is writing to the database (an import, another LeadLedger window, or a tool such as the sqlite3 shell): nothing was restored. Try again when it has finished.';

/** `<file>.restore-running`: says (with the pid) that a restore holds the write lock; an app starting meanwhile waits. */
const markerOf = (file: string) => `${file}.restore-running`;

/** A restore into `file` is running in a live process (this one's own restores excepted: they are synchronous). */
export function restoreRunning(file: string): boolean {
  const marker = markerOf(realDbPath(file));
  let pid: number;
  try {
    pid = Number(fs.readFileSync(marker, 'utf8'));
  } catch {
    return false;
  }
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

type SchemaRow = { type: string; name: string; tbl_name: string; sql: string | null };

/** Test hook (docs/safety.md, "the restore race"): holds the lock this long between the kept copy and the load. */
function pauseForTests(): void {
  const ms = Number(process.env.LEADLEDGER_TEST_RESTORE_PAUSE_MS ?? 0);
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Replaces every table, index, trigger and view of `main` with those of the attached `src`, data included. */
function replaceContents(db: Db): void {
  const ours = db
    .prepare(`SELECT type, name FROM main.sqlite_schema WHERE name NOT LIKE 'sqlite_%'`)
    .all() as SchemaRow[];
  for (const row of ours.filter((r) => r.type === 'view')) db.exec(`DROP VIEW IF EXISTS main.${quote(row.name)}`);
  for (const row of ours.filter((r) => r.type === 'trigger')) db.exec(`DROP TRIGGER IF EXISTS main.${quote(row.name)}`);
  for (const row of ours.filter((r) => r.type === 'table')) db.exec(`DROP TABLE IF EXISTS main.${quote(row.name)}`);
  const theirs = db
    .prepare(
      `SELECT type, name, tbl_name, sql FROM src.sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid`,
    )
    .all() as SchemaRow[];
  const tables = theirs.filter((r) => r.type === 'table');
  for (const table of tables) db.exec(table.sql!);
  for (const table of tables) {
    // Generated columns (hidden 2 or 3) are computed, not copied.
    const columns = (
      db.prepare(`SELECT name FROM pragma_table_xinfo(?, 'src') WHERE hidden IN (0, 1)`).all(table.name) as {
        name: string;
      }[]
    )
      .map((c) => quote(c.name))
      .join(', ');
    db.exec(`INSERT INTO main.${quote(table.name)} (${columns}) SELECT ${columns} FROM src.${quote(table.name)}`);
  }
  const has = (schema: string, name: string) =>
    Boolean(db.prepare(`SELECT 1 FROM ${schema}.sqlite_schema WHERE name = ?`).get(name));
  for (const internal of ['sqlite_sequence', 'sqlite_stat1']) {
    if (has('main', internal)) db.exec(`DELETE FROM main.${internal}`);
    if (has('main', internal) && has('src', internal))
      db.exec(`INSERT INTO main.${internal} SELECT * FROM src.${internal}`);
  }
  // Indexes after the rows (one sorted build each), triggers last (they must not fire on the copy).
  for (const row of theirs.filter((r) => r.type === 'index')) db.exec(row.sql!);
  for (const row of theirs.filter((r) => r.type === 'view' || r.type === 'trigger')) db.exec(row.sql!);
  db.pragma(`user_version = ${Number(db.pragma('src.user_version', { simple: true }))}`);
  db.pragma(`application_id = ${Number(db.pragma('src.application_id', { simple: true }))}`);
}

export type LoadOptions = {
  /**
   * Runs while the write lock is held and before anything is replaced: the pre-restore copy. Nobody
   * can write between it and the load, so every acknowledged write is in the copy or comes after.
   */
  keep?: (file: string) => string;
  /** How long to wait for another writer's transaction (default busyTimeoutMs). */
  waitMs?: number;
};

/**
 * Loads `source` (a checked LeadLedger database) into the database at `dbPath`, in one write
 * transaction on the live file, then migrates it to the latest schema in the same transaction.
 * Returns what `keep` returned ('' without it). Throws AppError('busy') when another writer keeps
 * the lock; the file is then unchanged.
 */
export function loadIntoLive(dbPath: string, source: string, options: LoadOptions = {}): string {
  const file = realDbPath(dbPath);
  if (!fs.existsSync(file)) fs.writeFileSync(file, '', { flag: 'wx', mode: 0o600 });
  const db = trackedConnection(file);
  let kept = '';
  try {
    makePrivate(file, `${file}-wal`, `${file}-shm`);
    db.pragma(`busy_timeout = ${options.waitMs ?? busyTimeoutMs}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    // Rows are copied table by table; the source's references were checked (integrity and foreign keys).
    db.pragma('foreign_keys = OFF');
    db.prepare('ATTACH DATABASE ? AS src').run(source);
    try {
      db.exec('BEGIN IMMEDIATE');
    } catch (error) {
      if (/^SQLITE_(BUSY|LOCKED)/.test((error as { code?: string }).code ?? ''))
        throw new AppError('busy', restoreBusyMessage);
      throw error;
    }
    const marker = markerOf(file);
    try {
      fs.writeFileSync(marker, String(process.pid), { mode: 0o600 });
    } catch {
      // A full disk or a read-only folder: the restore still works; a starting app sees the lock instead.
    }
    try {
      if (options.keep) kept = options.keep(file);
      pauseForTests();
      replaceContents(db);
      migrate(db);
      seedPresets(db);
      db.exec('COMMIT');
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    } finally {
      fs.rmSync(marker, { force: true });
    }
    db.exec('DETACH DATABASE src');
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // Someone is reading: the WAL is folded in later.
    }
  } finally {
    db.close();
  }
  return kept;
}

/**
 * A damaged file cannot be read table by table. Its pages are overwritten with the source's through
 * SQLite's online backup API (the destination is the live file: same inode, same links), which needs
 * only a readable header. A file SQLite does not open at all is rewritten in place (same inode);
 * the caller has kept a byte copy of it first.
 */
export async function overwriteDamaged(dbPath: string, source: string): Promise<void> {
  const file = realDbPath(dbPath);
  if (isOpenInProcess(file))
    throw new AppError('conflict', 'The damaged database is still open in LeadLedger: close it first');
  const from = new Database(source, { readonly: true, fileMustExist: true, nativeBinding: nativeBinding() });
  try {
    await from.backup(file);
    return;
  } catch (error) {
    if (!/^SQLITE_(CORRUPT|NOTADB)/.test((error as { code?: string }).code ?? '')) throw error;
  } finally {
    from.close();
  }
  if ((fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0) > 0) {
    throw new AppError(
      'storage',
      `${file} cannot be read by SQLite and has a -wal file beside it: nothing was changed. Close every program using it and run "leadledger restore" again.`,
    );
  }
  const fd = fs.openSync(file, 'r+');
  try {
    fs.ftruncateSync(fd, 0);
    const bytes = fs.readFileSync(source);
    fs.writeSync(fd, bytes, 0, bytes.length, 0);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
