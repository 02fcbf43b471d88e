import fs from 'node:fs';
import type { Db } from './connection';

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
   * Reopens when the file at `path` is no longer the one the connection has open (another program
   * renamed a different file over it). Returns true when it reopened.
   */
  followFile: () => boolean;
};

type FileId = { dev: number; ino: number } | undefined;
const idOf = (file: string): FileId => {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  return stat ? { dev: stat.dev, ino: stat.ino } : undefined;
};

export function createStore(path: string, db: Db, open: () => Db): Store {
  let current = db;
  let id = path === ':memory:' ? undefined : idOf(path);
  const store: Store = {
    path,
    get db() {
      return current;
    },
    reopen() {
      if (current.open) current.close();
      current = open();
      id = path === ':memory:' ? undefined : idOf(path);
    },
    close() {
      if (current.open) current.close();
    },
    followFile() {
      if (!id || !current.open || current.inTransaction) return false;
      const now = idOf(path);
      if (!now || (now.dev === id.dev && now.ino === id.ino)) return false;
      store.reopen();
      return true;
    },
  };
  return store;
}
