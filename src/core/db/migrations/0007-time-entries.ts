import type { Migration } from './types';

// Time entries (docs/domain.md §6.1): hours spent finding (sales) or doing (delivery) the work,
// on a lead or on a channel alone (a portfolio post, a podcast episode). `ref` makes time.csv
// imports idempotent. An entry of a lead keeps the lead's channel (leads-repo moves it along);
// deleting the lead keeps its hours on the channel. The report reads minutes per channel from the
// day and month rollups time_rollup / time_rollup_month (kept in the same transaction as every
// write, src/core/rollups), like its other sums: independent of the number of leads and entries.
export const migration0007: Migration = {
  version: 7,
  name: 'time-entries',
  up: `
    CREATE TABLE time_entries (
      id INTEGER PRIMARY KEY,
      ref TEXT NOT NULL UNIQUE,
      date TEXT NOT NULL,
      source_id INTEGER NOT NULL REFERENCES sources(id),
      lead_id INTEGER REFERENCES leads(id) ON DELETE SET NULL,
      kind TEXT NOT NULL CHECK (kind IN ('sales', 'delivery')),
      minutes INTEGER NOT NULL CHECK (minutes > 0),
      note TEXT NOT NULL DEFAULT '',
      import_id INTEGER REFERENCES imports(id) ON DELETE SET NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX time_entries_date ON time_entries(date);
    CREATE INDEX time_entries_source ON time_entries(source_id, date);
    CREATE INDEX time_entries_lead ON time_entries(lead_id, date) WHERE lead_id IS NOT NULL;

    CREATE TABLE time_rollup (
      source_id INTEGER NOT NULL,
      day TEXT NOT NULL,
      entries INTEGER NOT NULL DEFAULT 0,
      sales_minutes INTEGER NOT NULL DEFAULT 0,
      delivery_minutes INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (source_id, day)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX time_rollup_day ON time_rollup(day);
    CREATE TABLE time_rollup_month (
      month TEXT NOT NULL,
      source_id INTEGER NOT NULL,
      entries INTEGER NOT NULL DEFAULT 0,
      sales_minutes INTEGER NOT NULL DEFAULT 0,
      delivery_minutes INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (month, source_id)
    ) STRICT, WITHOUT ROWID;
  `,
};
