import type { Database } from 'better-sqlite3';
import { prepared } from './statements';

// Migration 0013's counter of connects-purchase changes: what the credits ledger remembers its
// purchase lots under (ledger-service.ts). Its name lives here and in the migration's triggers.

/**
 * Moves with every insert, update and delete of a connects expense, by anyone (the triggers), and
 * with every rebuild of the rollups: purchases read under one value are those of any later read
 * under the same value.
 */
export function purchaseChanges(db: Database): number {
  return (prepared(db, `SELECT changes FROM change_counters WHERE name = 'connects_purchases'`).get() as { changes: number }).changes;
}

/** For writes the triggers do not see (a rollup rebuild, an import with them suspended). */
export function movePurchaseChanges(db: Database): void {
  prepared(db, `UPDATE change_counters SET changes = changes + 1 WHERE name = 'connects_purchases'`).run();
}

/**
 * For an import's transaction: drops the triggers that move the counter (one UPDATE per purchase
 * written cost the 1,000,000-row Upwork import several seconds) and returns what puts them back and
 * moves it once, to run before COMMIT. A rollback puts them back by itself.
 */
export function suspendPurchaseTriggers(db: Database): () => void {
  const triggers = db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'connects_purchase_%'`).all() as { name: string; sql: string }[];
  for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
  return () => {
    for (const t of triggers) db.exec(t.sql);
    if (triggers.length > 0) movePurchaseChanges(db);
  };
}
