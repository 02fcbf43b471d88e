import type { Database } from 'better-sqlite3';
import { hasTable, prepared } from './statements';

// Migration 0013's counter of connects-purchase changes and migration 0014's days they touched: what
// the credits ledger keeps its purchase lots under (purchase-lots.ts). Their names live here and in
// the migrations' triggers.

/**
 * Moves with every insert, update and delete of a connects expense, by anyone (the triggers), and
 * with every rebuild of the rollups: purchases read under one value are those of any later read
 * under the same value.
 */
export function purchaseChanges(db: Database): number {
  return (
    prepared(db, `SELECT changes FROM change_counters WHERE name = 'connects_purchases'`).get() as { changes: number }
  ).changes;
}

/** The channel (0: none) noted with the day of "every purchase changed" (a change no trigger saw). */
export const allPurchaseDays = -1;

/** For writes the triggers do not see (a rollup rebuild, an import with them suspended): every day counts as changed. */
export function movePurchaseChanges(db: Database): void {
  prepared(db, `UPDATE change_counters SET changes = changes + 1 WHERE name = 'connects_purchases'`).run();
  if (!hasTable(db, 'purchase_day_changes')) return; // a database at version 13 (migration tests)
  prepared(
    db,
    `INSERT INTO purchase_day_changes (source_id, day, seq) SELECT ${allPurchaseDays}, '', changes FROM change_counters WHERE name = 'connects_purchases'
     ON CONFLICT (source_id, day) DO UPDATE SET seq = excluded.seq`,
  ).run();
}

/** The channels and days of purchases changed after the counter stood at `since` (or the row of allPurchaseDays). */
export function changedPurchaseDays(db: Database, since: number): { source_id: number; day: string }[] {
  return prepared(db, `SELECT source_id, day FROM purchase_day_changes WHERE seq > ? ORDER BY seq`).all(since) as {
    source_id: number;
    day: string;
  }[];
}

/**
 * For an import's transaction: drops the triggers that move the counter (one UPDATE per purchase
 * written cost the 1,000,000-row Upwork import several seconds) and returns what puts them back and
 * moves it once, to run before COMMIT. A rollback puts them back by itself.
 */
export function suspendPurchaseTriggers(db: Database): () => void {
  const triggers = db
    .prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'connects_purchase_%'`)
    .all() as { name: string; sql: string }[];
  for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
  return () => {
    for (const t of triggers) db.exec(t.sql);
    if (triggers.length > 0) movePurchaseChanges(db);
  };
}
