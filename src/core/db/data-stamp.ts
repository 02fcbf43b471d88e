import type { Database } from 'better-sqlite3';
import { prepared } from './statements';

// What reads may be remembered under: the leads count and search caches, the credits ledgers.

let transactionReads = 0;

/**
 * Changes with any write: `data_version` for other connections' commits, `total_changes()` for
 * this connection's own. What is remembered under one stamp is exact until the next write.
 */
export function dataStamp(db: Database): string {
  // Inside a transaction a read may see writes that are then rolled back, which total_changes()
  // still counts: nothing read there may be remembered (a stamp of its own, never matched again).
  if (db.inTransaction) return `tx:${++transactionReads}`;
  const dataVersion = db.pragma('data_version', { simple: true }) as number;
  const changes = (prepared(db, 'SELECT total_changes() AS n').get() as { n: number }).n;
  return `${dataVersion}:${changes}`;
}
