import type { Migration } from './types';

// The credits ledger (docs/domain.md §5): the user's opening balance (at most one per channel) and ± adjustments
// with a note, the two ledger entries no other record holds. Allowance, purchases and spends come
// from the sources, plans, expense rollups and lead rollups.
// Exchange rates keep the base currency they were entered against (docs/domain.md §0): until now a change
// of base silently reinterpreted every stored rate. Existing rates belong to the base set today.
export const migration0005: Migration = {
  version: 5,
  name: 'credits-ledger',
  up: `
    CREATE TABLE credit_entries (
      id INTEGER PRIMARY KEY,
      source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('opening', 'adjustment')),
      on_date TEXT NOT NULL,
      count INTEGER NOT NULL CHECK (kind = 'adjustment' OR count >= 0),
      note TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      CHECK (kind = 'opening' OR (count != 0 AND note != ''))
    ) STRICT;
    CREATE UNIQUE INDEX credit_entries_opening ON credit_entries(source_id) WHERE kind = 'opening';
    CREATE INDEX credit_entries_source ON credit_entries(source_id, on_date);

    CREATE TABLE fx_rates_by_base (
      base TEXT NOT NULL,
      currency TEXT NOT NULL,
      month TEXT NOT NULL,
      rate TEXT NOT NULL,
      PRIMARY KEY (base, currency, month)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO fx_rates_by_base (base, currency, month, rate)
    SELECT COALESCE((SELECT value FROM settings WHERE key = 'base_currency'), 'USD'), currency, month, rate FROM fx_rates;
    DROP TABLE fx_rates;
    ALTER TABLE fx_rates_by_base RENAME TO fx_rates;
  `,
};
