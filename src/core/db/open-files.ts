import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/api/result';

// SQLite's POSIX locks belong to the process, and closing ANY descriptor of the file drops them all
// (sqlite.org/howtocorrupt.html §2.2): another client then takes the WAL for stale and rebuilds it
// under us. So the process keeps count of the database files it has open, and nothing opens one of
// them (or its -wal/-shm) with a raw descriptor while the count is above zero.

const openCounts = new Map<string, number>();

/**
 * The file a database path stands for: symlinks followed to their target (also a link whose target
 * does not exist yet), `..` resolved. Every operation on the database (open, backup, restore, import)
 * works on this path, so a link stays a link and backups go beside the real file.
 */
export function realDbPath(file: string): string {
  if (file === ':memory:' || file === '') return file;
  let current = path.resolve(file);
  for (let hops = 0; hops < 40; hops++) {
    try {
      return fs.realpathSync(current);
    } catch {
      // Missing: a dangling link is followed by hand, a plain missing file keeps its name.
    }
    let link: string | undefined;
    try {
      link = fs.readlinkSync(current);
    } catch {
      link = undefined;
    }
    if (link === undefined) {
      try {
        return path.join(fs.realpathSync(path.dirname(current)), path.basename(current));
      } catch {
        return current;
      }
    }
    current = path.resolve(path.dirname(current), link);
  }
  return current;
}

/** One name per file: the real path (see realDbPath). */
export function fileKey(file: string): string {
  return realDbPath(file);
}

/** Counts a connection to `file` as open; the returned function (idempotent) counts it closed. */
export function trackConnection(file: string): () => void {
  if (file === ':memory:' || file === '') return () => {};
  const key = fileKey(file);
  openCounts.set(key, (openCounts.get(key) ?? 0) + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (openCounts.get(key) ?? 1) - 1;
    if (left > 0) openCounts.set(key, left);
    else openCounts.delete(key);
  };
}

/** True while this process has an SQLite connection (any thread we started) to `file`. */
export function isOpenInProcess(file: string): boolean {
  return openCounts.has(fileKey(file));
}

/** How many connections this process has open to `file`. */
export function openConnectionCount(file: string): number {
  return openCounts.get(fileKey(file)) ?? 0;
}

const sameFile = (a: fs.Stats | undefined, b: fs.Stats | undefined) => !!a && !!b && a.ino === b.ino && a.dev === b.dev;
const statOf = (file: string) => fs.statSync(file, { throwIfNoEntry: false });

/**
 * Refuses a path that is one of the open databases (or `alsoDatabases`, e.g. a store not opened
 * yet) or their -wal/-shm, by name or by inode (hard links). Reading it as a CSV, or writing an export over it, would drop SQLite's locks or destroy it.
 */
export function assertNotOpenDatabase(file: string, alsoDatabases: readonly string[] = []): void {
  const key = fileKey(file);
  const stat = statOf(key);
  for (const db of new Set([...openCounts.keys(), ...alsoDatabases.filter((d) => d !== ':memory:').map(fileKey)])) {
    for (const candidate of [db, `${db}-wal`, `${db}-shm`, `${db}-journal`]) {
      if (key === candidate || sameFile(stat, statOf(candidate))) {
        throw new AppError(
          'invalid_input',
          `${file} is the LeadLedger database${candidate === db ? '' : ` (its ${candidate.slice(db.length + 1)} file)`}, not a CSV file: choose another file`,
        );
      }
    }
  }
}
