import type { Migration } from './types';

// CSV imports: a record of each import (for its summary links) and saved column mappings.
export const migration0003: Migration = {
  version: 3,
  name: 'imports',
  up: `
    CREATE TABLE imports (
      id INTEGER PRIMARY KEY,
      file_name TEXT NOT NULL,
      format TEXT NOT NULL,
      started_at TEXT NOT NULL,
      inserted INTEGER NOT NULL DEFAULT 0,
      updated INTEGER NOT NULL DEFAULT 0,
      unchanged INTEGER NOT NULL DEFAULT 0,
      skipped INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    CREATE TABLE csv_mappings (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL COLLATE NOCASE UNIQUE,
      header_signature TEXT NOT NULL,
      target TEXT NOT NULL CHECK (target IN ('leads','payments','expenses')),
      mapping_json TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX csv_mappings_signature ON csv_mappings(header_signature);
  `,
};
