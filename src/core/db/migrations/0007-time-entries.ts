import type { Migration } from './types';

// Time entries (issue 15.1, DOMAIN §6): hours spent finding (sales) or doing (delivery) the work,
// on a lead or on a channel alone (a portfolio post, a podcast episode). `ref` makes time.csv
// imports idempotent. An entry of a lead keeps the lead's channel (leads-repo moves it along);
// deleting the lead keeps its hours on the channel. The report sums minutes per channel and kind
// over a date range from the covering index time_entries_report, never from leads.
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
    CREATE INDEX time_entries_report ON time_entries(date, source_id, kind, minutes);
    CREATE INDEX time_entries_source ON time_entries(source_id, date);
    CREATE INDEX time_entries_lead ON time_entries(lead_id, date) WHERE lead_id IS NOT NULL;
  `,
};
