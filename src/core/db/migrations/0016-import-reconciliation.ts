import type { Migration } from './types';

// docs/domain.md §7, one record per event. `platform_description` (and an expense's
// `platform_category`) hold what the last platform import brought: a value the user changed since
// differs from it and is the user's, so a re-import keeps it (NULL: a typed record). `edit_seq`
// is the edit clock (change_counters 'record_edits', moved by triggers, so other processes move it
// too) when a record last changed; an import remembers the clock when it committed, and its Undo is
// refused for the records changed after it. `import_takeovers` keeps each typed record an import
// took over as it was, so Undo can put it back. "To assign" covers every channel (payments_waiting).
export const migration0016: Migration = {
  version: 16,
  name: 'import-reconciliation',
  up: `
    ALTER TABLE payments ADD COLUMN platform_description TEXT;
    ALTER TABLE payments ADD COLUMN edit_seq INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE expenses ADD COLUMN platform_description TEXT;
    ALTER TABLE expenses ADD COLUMN platform_category TEXT;
    ALTER TABLE expenses ADD COLUMN edit_seq INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE imports ADD COLUMN edit_seq INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE imports ADD COLUMN undone_at TEXT;
    UPDATE payments SET platform_description = description WHERE import_id IS NOT NULL;
    UPDATE expenses SET platform_description = description, platform_category = category WHERE import_id IS NOT NULL;
    INSERT INTO change_counters (name, changes) VALUES ('record_edits', 0);

    CREATE TABLE import_takeovers (
      import_id INTEGER NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('payment', 'expense')),
      record_id INTEGER NOT NULL,
      typed_json TEXT NOT NULL,
      PRIMARY KEY (import_id, kind, record_id)
    ) STRICT, WITHOUT ROWID;

    -- "To assign" covers every channel: imported payments with no lead wait there too.
    CREATE INDEX payments_waiting ON payments(date) WHERE rail IS NULL AND import_id IS NOT NULL AND lead_id IS NULL AND assigned = 0 AND gross_minor != 0;

    CREATE TRIGGER payment_edited AFTER UPDATE OF ref, date, source_id, lead_id, description, gross_minor, fee_minor, currency, assigned ON payments
    BEGIN
      UPDATE change_counters SET changes = changes + 1 WHERE name = 'record_edits';
      UPDATE payments SET edit_seq = (SELECT changes FROM change_counters WHERE name = 'record_edits') WHERE id = new.id;
    END;
    CREATE TRIGGER expense_edited AFTER UPDATE OF ref, date, source_id, category, description, amount_minor, currency, connects ON expenses
    BEGIN
      UPDATE change_counters SET changes = changes + 1 WHERE name = 'record_edits';
      UPDATE expenses SET edit_seq = (SELECT changes FROM change_counters WHERE name = 'record_edits') WHERE id = new.id;
    END;
  `,
};
