import fs from 'node:fs';
import { AppError } from '../../shared/api/result';
import type { Db } from './connection';
import { openConnectionCount } from './open-files';

/**
 * The app's open database: one connection that can be closed and opened again on the same path
 * (restore, or the file replaced by another program). Handlers read `ctx.db`, which asks the store,
 * so a reopened connection is what the next call gets.
 */
export type Store = {
  readonly path: string;
  readonly db: Db;
  /** Closes the connection (if open) and opens the file at `path` again. */
  reopen: () => void;
  close: () => void;
  /**
   * When another program renamed a different file over `path`, moves to that file before the next
   * call (writes to the old one would be lost), letting go of the old one through SQLite. Throws
   * AppError('busy') while another connection (here or in another program) still holds the old file.
   */
  followFile: () => void;
};

export const replacedMessage =
  'The database file was replaced by another program while LeadLedger had it open: nothing was saved. LeadLedger switches to the new file once every program has closed the old one; close them and try again.';

type FileId = { dev: number; ino: number } | undefined;
const idOf = (file: string): FileId => {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  return stat ? { dev: stat.dev, ino: stat.ino } : undefined;
};
const same = (a: FileId, b: FileId) => !!a && !!b && a.dev === b.dev && a.ino === b.ino;

const isBusy = (error: unknown) => /^SQLITE_(BUSY|LOCKED)/.test((error as { code?: string }).code ?? '');

/**
 * Lets go of a file that is no longer at its path, through SQLite alone (docs/safety.md §2): nothing
 * is renamed, moved or deleted. The old file's -wal/-shm carry the path's names, and SQLite neither
 * checkpoints nor removes them when it closes a moved file, so the new file would take the old WAL
 * for its own. Here the old connection first takes the old file's EXCLUSIVE lock (refused while any
 * other connection, in any process, holds it), then folds the WAL into the old file and empties it.
 * False (the connection kept as it was) when another program still has the old file.
 */
function releaseMoved(db: Db): boolean {
  const wait = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 200');
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    try {
      db.exec('BEGIN IMMEDIATE');
      db.exec('ROLLBACK');
    } catch (error) {
      db.pragma('locking_mode = NORMAL');
      if (isBusy(error)) return false;
      throw error;
    }
    // Held until close: nobody can open a read of the old file between this and the close.
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    return result?.busy === 0;
  } finally {
    if (db.open) db.pragma(`busy_timeout = ${wait}`);
  }
}

export function createStore(path: string, db: Db, open: () => Db): Store {
  let current = db;
  let id = path === ':memory:' ? undefined : idOf(path);
  let switching = false;
  const store: Store = {
    path,
    get db() {
      return current;
    },
    reopen() {
      switching = true;
      if (current.open) current.close();
      current = open();
      id = path === ':memory:' ? undefined : idOf(path);
      switching = false;
    },
    close() {
      if (current.open) current.close();
    },
    followFile() {
      if (!id) return;
      // A reopen that failed part-way (the old file already let go): open the new one again.
      if (switching) return store.reopen();
      if (!current.open || current.inTransaction) return;
      const now = idOf(path);
      if (!now || same(now, id)) return;
      // Our connection must be the last one to the old file in this process (a backup worker or an
      // import may still use it), and no other program may hold it (releaseMoved).
      if (openConnectionCount(path) > 1 || !releaseMoved(current)) throw new AppError('busy', replacedMessage);
      store.reopen();
    },
  };
  return store;
}
