import type { Database } from 'better-sqlite3';

// Read and write handles (docs/architecture.md, Design notes: "Read and write handles"), in the spirit of Signal
// Desktop's ReadableDB and WritableDB: the one better-sqlite3 connection, told apart by type only (no cost at run
// time). A repository function that only reads takes a ReadableDB; one that writes (INSERT, UPDATE, DELETE) takes a
// WritableDB. A WritableDB is also a ReadableDB, never the reverse: code handed the read handle (`ctx.readDb`) cannot
// call a write. Only the places that open a read-write connection or build the Ctx mark one (db/connection.ts,
// db/open.ts, context.ts: checked by handles.test.ts).
//
// The mark is required: a plain better-sqlite3 `Database` reaches a repository only through the openers and the Ctx.
// A read operation's handler gets a Ctx whose `db` is the read handle (ReadCtx, handler-types.ts), so a read that
// calls a write does not compile.

declare const access: unique symbol;

/** A connection that may be read through. */
export type ReadableDB = Database & { readonly [access]: 'read' | 'write' };
/** A connection that may be written through (and read). */
export type WritableDB = Database & { readonly [access]: 'write' };

/** Marks a read-write connection (an opened one, or the store's current one) as the write handle. */
export const writableDb = (db: Database): WritableDB => db as WritableDB;
/** The same connection as a read handle: it cannot be passed where a write handle is wanted. */
export const readableDb = (db: Database): ReadableDB => db as ReadableDB;
