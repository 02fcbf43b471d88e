import type { Migration } from './types';

// docs/domain.md §6: a time tracker's (client, project) pairs mapped once to a channel, an optional
// lead and a kind, and used by every later import of that tracker's files. Names are kept as the
// tracker wrote them; `client_key`/`project_key` (trimmed, lower case) are what is compared. A
// deleted channel takes its mappings along (the next import asks again); a deleted lead leaves the
// mapping on its channel. The wizard's saved column mappings may now target time entries too
// (csv_mappings rebuilt for its CHECK; nothing references it).
export const migration0017: Migration = {
  version: 17,
  name: 'time-projects',
  up: `
    CREATE TABLE time_project_mappings (
      id INTEGER PRIMARY KEY,
      client TEXT NOT NULL,
      project TEXT NOT NULL,
      client_key TEXT NOT NULL,
      project_key TEXT NOT NULL,
      source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
      lead_id INTEGER REFERENCES leads(id) ON DELETE SET NULL,
      kind TEXT NOT NULL CHECK (kind IN ('sales', 'delivery')),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (client_key, project_key)
    ) STRICT;
    CREATE INDEX time_project_mappings_source ON time_project_mappings(source_id);
    CREATE INDEX time_project_mappings_lead ON time_project_mappings(lead_id) WHERE lead_id IS NOT NULL;

    CREATE TABLE csv_mappings_0017 (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL COLLATE NOCASE UNIQUE,
      header_signature TEXT NOT NULL,
      target TEXT NOT NULL CHECK (target IN ('leads','payments','expenses','time')),
      mapping_json TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    INSERT INTO csv_mappings_0017 (id, name, header_signature, target, mapping_json, created_at)
      SELECT id, name, header_signature, target, mapping_json, created_at FROM csv_mappings;
    DROP TABLE csv_mappings;
    ALTER TABLE csv_mappings_0017 RENAME TO csv_mappings;
    CREATE INDEX csv_mappings_signature ON csv_mappings(header_signature);
  `,
};
