import type { ReadableDB } from '../db/handles';

export type HoursCoverageRow = { sourceId: number; payments: number; withoutHours: number; firstTimeOn: string | null };

/**
 * Per channel, the payments dated in [from, to] and how many of them fall in a month in which no time
 * was logged on that channel: a profit per hour over those rests on hours that were never recorded.
 */
export function hoursCoverage(db: ReadableDB, from: string, to: string): HoursCoverageRow[] {
  return db
    .prepare(
      `SELECT p.source_id AS sourceId, COUNT(*) AS payments,
         SUM(CASE WHEN NOT EXISTS (
           SELECT 1 FROM time_entries t
           WHERE t.source_id = p.source_id AND t.date BETWEEN substr(p.date, 1, 7) || '-01' AND substr(p.date, 1, 7) || '-31'
         ) THEN 1 ELSE 0 END) AS withoutHours,
         (SELECT MIN(t.date) FROM time_entries t WHERE t.source_id = p.source_id) AS firstTimeOn
       FROM payments p WHERE p.date BETWEEN ? AND ? AND p.gross_minor > 0 GROUP BY p.source_id`,
    )
    .all(from, to) as HoursCoverageRow[];
}
