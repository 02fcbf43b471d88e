import os from 'node:os';
import type { Database } from 'better-sqlite3';

// A big import writes into the live file, in one transaction like any import (docs/safety.md: the
// file is never built aside and swapped in). What keeps it fast is done in that transaction: the
// secondary indexes are dropped first and built once at the end (import-engine.ts), and their
// sorts get a helper thread when there is a second core.

// CREATE INDEX's sort with one helper thread: the index builds take less wall time on 2 cores
// (docs/performance.md); each thread has a sort buffer bounded by the cache size.
const sortThreads = () => Number(process.env.LEADLEDGER_IMPORT_SORT_THREADS ?? (os.availableParallelism() > 1 ? 1 : 0));

/** Sets the import connection up for a bulk write; the returned function puts its settings back. */
export function bulkWriteSettings(db: Database): () => void {
  if (db.memory) return () => {};
  const threads = db.pragma('threads', { simple: true }) as number;
  db.pragma(`threads = ${sortThreads()}`);
  return () => {
    if (db.open) db.pragma(`threads = ${threads}`);
  };
}
