import type { Database } from 'better-sqlite3';
import { openDatabase } from './db/open';
import { type ReadableDB, readableDb, type WritableDB, writableDb } from './db/handles';
import { createStore, type Store } from './db/store';

/**
 * What every handler gets: the open store and a clock (tests pin it). `db` is the store's current connection as a
 * write handle, `readDb` the same connection as a read handle (db/handles.ts): code that only reads takes that one.
 */
export type Ctx = {
  readonly db: WritableDB;
  readonly readDb: ReadableDB;
  readonly dbPath: string;
  readonly store: Store;
  now: () => Date;
  /** Long-lived hosts: called before each operation (dispatch) to follow a file replaced under the store. */
  readonly beforeCall?: () => void;
};

/** What a read operation's handler gets: the same, with `db` the read handle (it cannot reach a write). */
export type ReadCtx = Omit<Ctx, 'db'> & { readonly db: ReadableDB };

/** A Ctx over an open connection (reopened with openDatabase), or over a store the host built. */
export function createCtx(db: Database | Store, dbPath: string, now: () => Date = () => new Date()): Ctx {
  const store = 'reopen' in db ? db : createStore(dbPath, db, () => openDatabase(dbPath));
  return {
    get db() {
      return writableDb(store.db);
    },
    get readDb() {
      return readableDb(store.db);
    },
    dbPath,
    store,
    now,
    beforeCall: () => store.followFile(),
  };
}
