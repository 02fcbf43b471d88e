import type { Database } from 'better-sqlite3';
import { prepared } from '../db/statements';

// Connects movements of one channel from the rollup tables, by day, up to a day.

export function connectsUsedByDay(db: Database, sourceId: number, upTo: string): { day: string; spent: number; refunded: number }[] {
  return prepared(
    db,
    `SELECT day, SUM(connects_spent) AS spent, SUM(connects_refunded) AS refunded FROM lead_rollup WHERE source_id = ? AND day <= ? GROUP BY day`,
  ).all(sourceId, upTo) as { day: string; spent: number; refunded: number }[];
}

export function connectsBoughtByDay(db: Database, sourceId: number, upTo: string): { day: string; n: number }[] {
  return prepared(
    db,
    `SELECT day, SUM(connects_bought) AS n FROM expense_rollup WHERE source_id = ? AND category = 'connects' AND day <= ? GROUP BY day`,
  ).all(sourceId, upTo) as { day: string; n: number }[];
}

/** The first day with a lead or an expense on the channel (null: none). */
export function firstActivityDay(db: Database, sourceId: number): string | null {
  const row = prepared(
    db,
    `SELECT MIN(d) AS d FROM (SELECT MIN(day) AS d FROM lead_rollup WHERE source_id = ? UNION ALL SELECT MIN(day) FROM expense_rollup WHERE source_id = ?)`,
  ).get(sourceId, sourceId) as { d: string | null };
  return row.d;
}
