import type { Migration } from './types';

// Migration 0013's counter told the credits ledger that some connects purchase changed, not which: one saved
// purchase made it read all of them again (most of a ledger's time: docs/performance.md). The triggers now also
// note the days they touched, each under the counter's new value, so the ledger reads again only those days
// (change-counters.ts). One row per channel and day ever touched (a rollup's size); a purchase without a channel is
// noted under 0. A change no trigger sees (an import with them suspended, a rollup rebuild) notes the row (-1, ''):
// everything is read again.
const noteDay = (row: 'new' | 'old') => `
  INSERT INTO purchase_day_changes (source_id, day, seq)
  SELECT ifnull(${row}.source_id, 0), ${row}.date, changes FROM change_counters WHERE name = 'connects_purchases'
  ON CONFLICT (source_id, day) DO UPDATE SET seq = excluded.seq;`;
const moveCounter = `UPDATE change_counters SET changes = changes + 1 WHERE name = 'connects_purchases';`;

export const migration0014: Migration = {
  version: 14,
  name: 'purchase-days',
  up: `
    CREATE TABLE purchase_day_changes (
      source_id INTEGER NOT NULL,
      day TEXT NOT NULL,
      seq INTEGER NOT NULL,
      PRIMARY KEY (source_id, day)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX purchase_day_changes_seq ON purchase_day_changes(seq);
    DROP TRIGGER connects_purchase_inserted;
    DROP TRIGGER connects_purchase_updated;
    DROP TRIGGER connects_purchase_deleted;
    CREATE TRIGGER connects_purchase_inserted AFTER INSERT ON expenses WHEN new.category = 'connects'
    BEGIN ${moveCounter} ${noteDay('new')} END;
    CREATE TRIGGER connects_purchase_updated AFTER UPDATE ON expenses WHEN old.category = 'connects' OR new.category = 'connects'
    BEGIN ${moveCounter} ${noteDay('old')} ${noteDay('new')} END;
    CREATE TRIGGER connects_purchase_deleted AFTER DELETE ON expenses WHEN old.category = 'connects'
    BEGIN ${moveCounter} ${noteDay('old')} END;
  `,
};
