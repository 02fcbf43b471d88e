import type { Migration } from './types';

// docs/domain.md §7.7: a delete keeps what it removed here, and Undo names it by id, so only what
// was deleted in this file can be put back (a snapshot made up elsewhere has no id to name). The
// snapshot is the removed row(s) as JSON, exactly as stored; `undone_at` marks one put back (a
// second Undo is refused). Kept for the newest deletes only (undo-repo.ts prunes at each delete).
export const migration0015: Migration = {
  version: 15,
  name: 'undo-snapshots',
  up: `
    CREATE TABLE undo_snapshots (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('lead', 'payment', 'expense', 'subscription', 'activity')),
      snapshot TEXT NOT NULL,
      deleted_at TEXT NOT NULL,
      undone_at TEXT
    ) STRICT;
  `,
};
