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
   * call (writes to the old one would be lost). Throws AppError('busy') while that is not yet safe.
   */
  followFile: () => void;
};

export const replacedMessage =
  'The database file was replaced by another program while LeadLedger had it open: nothing was saved. LeadLedger switches to the new file once the old one is closed everywhere; try again in a moment.';

type FileId = { dev: number; ino: number } | undefined;
const idOf = (file: string): FileId => {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  return stat ? { dev: stat.dev, ino: stat.ino } : undefined;
};
const same = (a: FileId, b: FileId) => !!a && !!b && a.dev === b.dev && a.ino === b.ino;

const sidecars = (path: string) => [`${path}-wal`, `${path}-shm`];

export function createStore(path: string, db: Db, open: () => Db): Store {
  let current = db;
  let id = path === ':memory:' ? undefined : idOf(path);
  // The -wal/-shm last seen beside our file: after a swap, these (and only these) are the old file's.
  let ours: FileId[] = path === ':memory:' ? [] : sidecars(path).map(idOf);
  let switching = false;
  const store: Store = {
    path,
    get db() {
      return current;
    },
    reopen() {
      if (current.open) current.close();
      current = open();
      id = path === ':memory:' ? undefined : idOf(path);
      ours = path === ':memory:' ? [] : sidecars(path).map(idOf);
      switching = false;
    },
    close() {
      if (current.open) current.close();
    },
    followFile() {
      if (!id || (!switching && (!current.open || current.inTransaction))) return;
      const now = idOf(path);
      if (!switching && (!now || same(now, id))) {
        ours = sidecars(path).map(idOf);
        return;
      }
      // Our connection must be the last one to the old file in this process (a backup worker or
      // an import may still use it). SQLite does not checkpoint a moved file on close and leaves
      // its -wal/-shm; opening the new file beside them would apply the old WAL to it.
      if (openConnectionCount(path) > (current.open ? 1 : 0)) throw new AppError('busy', replacedMessage);
      switching = true;
      if (current.open) current.close();
      const stamp = new Date().toISOString().replace(/[-:.]/g, '');
      sidecars(path).forEach((file, i) => {
        const seen = idOf(file);
        if (!seen) return;
        // Never deleted: moved aside beside the database, like a damaged file.
        if (same(seen, ours[i])) fs.renameSync(file, `${path}.replaced-${stamp}${file.slice(path.length)}`);
      });
      store.reopen();
    },
  };
  return store;
}
