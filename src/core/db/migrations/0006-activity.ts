import type { Migration } from './types';

// The activity log of a lead: notes, messages, calls, meetings, proposals sent and
// follow-ups done. Stage changes and payments stay in their own tables; the timeline merges them.
export const migration0006: Migration = {
  version: 6,
  name: 'activity',
  up: `
    CREATE TABLE activity (
      id INTEGER PRIMARY KEY,
      lead_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('note', 'message', 'call', 'meeting', 'proposal', 'follow-up')),
      at TEXT NOT NULL,
      text TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX activity_lead_at ON activity(lead_id, at);
  `,
};
