import type { ReadableDB } from '../db/handles';

export type FirstDaySteps = {
  channels: boolean;
  connects: boolean;
  lead: boolean;
  import: boolean;
  time: boolean;
  leads: number;
};

const exists = (db: ReadableDB, sql: string) =>
  (db.prepare(`SELECT EXISTS (${sql}) AS e`).get() as { e: number }).e === 1;

/**
 * The first-day guide's steps, from what the database holds: channels made one's own (one archived or
 * added after the presets), an opening Connects balance, a lead, an import, a time entry.
 */
export function firstDaySteps(db: ReadableDB): FirstDaySteps {
  return {
    channels:
      exists(db, `SELECT 1 FROM sources WHERE archived = 1`) ||
      (db.prepare(`SELECT COUNT(DISTINCT substr(created_at, 1, 16)) AS n FROM sources`).get() as { n: number }).n > 1,
    connects: exists(db, `SELECT 1 FROM credit_entries WHERE kind = 'opening'`),
    lead: exists(db, `SELECT 1 FROM leads`),
    import: exists(db, `SELECT 1 FROM imports`),
    time: exists(db, `SELECT 1 FROM time_entries`),
    leads: (db.prepare(`SELECT COUNT(*) AS n FROM leads`).get() as { n: number }).n,
  };
}
