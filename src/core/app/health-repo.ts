import type { ReadableDB } from '../db/handles';

/** Problems `PRAGMA integrity_check` finds in every page and index, read through SQLite (at most `limit`). */
export function integrityProblems(db: ReadableDB, limit = 20): string[] {
  const rows = db.pragma(`integrity_check(${Math.max(1, Math.floor(limit))})`) as Record<string, string>[];
  return rows.map((row) => Object.values(row)[0] ?? '').filter((text) => text !== 'ok');
}

/** Rows pointing at a parent that does not exist, as `table → parent` with their count. */
export function brokenReferences(db: ReadableDB): { pairs: string[]; count: number } {
  const broken = db.pragma('foreign_key_check') as { table: string; parent: string }[];
  return { pairs: [...new Set(broken.map((b) => `${b.table} → ${b.parent}`))], count: broken.length };
}

export function leadTotal(db: ReadableDB): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM leads').get() as { n: number }).n;
}
