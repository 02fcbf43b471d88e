import type { Migration } from './types';

// The credits ledger reads every Connects purchase (one lot each, docs/domain.md §5), a cost that grows with the
// expenses (docs/performance.md). Until now it was remembered only until the next write of any kind, so the first
// report after saving a note read them all again. A counter that every insert, update and delete of a connects
// expense moves, kept by triggers (so the sqlite3 shell and other processes move it too), tells the ledger that its
// purchases are the ones it read before.
export const migration0013: Migration = {
  version: 13,
  name: 'purchase-changes',
  up: `
    CREATE TABLE change_counters (
      name TEXT PRIMARY KEY,
      changes INTEGER NOT NULL DEFAULT 0
    ) STRICT, WITHOUT ROWID;
    INSERT INTO change_counters (name, changes) VALUES ('connects_purchases', 0);
    CREATE TRIGGER connects_purchase_inserted AFTER INSERT ON expenses WHEN new.category = 'connects'
    BEGIN UPDATE change_counters SET changes = changes + 1 WHERE name = 'connects_purchases'; END;
    CREATE TRIGGER connects_purchase_updated AFTER UPDATE ON expenses WHEN old.category = 'connects' OR new.category = 'connects'
    BEGIN UPDATE change_counters SET changes = changes + 1 WHERE name = 'connects_purchases'; END;
    CREATE TRIGGER connects_purchase_deleted AFTER DELETE ON expenses WHEN old.category = 'connects'
    BEGIN UPDATE change_counters SET changes = changes + 1 WHERE name = 'connects_purchases'; END;
  `,
};
