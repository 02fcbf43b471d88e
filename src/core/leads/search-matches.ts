import type { Database } from 'better-sqlite3';
import { dataStamp } from '../db/data-stamp';

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The text search of the leads list: a case-insensitive (ASCII) substring of title, client, tags, ref or notes. */
export function searchClause(search: string): { sql: string; params: string[] } {
  const like = `%${escapeLike(search)}%`;
  return {
    sql: `(l.title LIKE ? ESCAPE '\\' OR l.client LIKE ? ESCAPE '\\' OR l.tags LIKE ? ESCAPE '\\' OR l.ref LIKE ? ESCAPE '\\' OR l.notes LIKE ? ESCAPE '\\')`,
    params: [like, like, like, like, like],
  };
}

/** Bigger match sets are not remembered: they barely narrow the next keystroke and cost memory. */
export const maxRememberedMatches = 50_000;
const rememberedTexts = 8;

/** `ids`: a JSON array for `json_each`; `count`: how many. */
export type SearchMatches = { ids: string; count: number };
type Remembered = { stamp: string; byText: Map<string, SearchMatches | null> };
const remembered = new WeakMap<Database, Remembered>();

/**
 * The ids of the leads matching a search text (a JSON array for `json_each`, and their count), or undefined when
 * more than `maxRememberedMatches` match (then the caller filters with `searchClause`).
 * Typing narrows: every lead matching "react d" also matches "react" (a substring of it), so when
 * the ids of a shorter text typed just before are known, only those leads are tested, not every row
 * (docs/performance.md). The result is exactly the
 * rows `searchClause` selects; it is forgotten at the next write.
 */
export function searchMatches(db: Database, search: string): SearchMatches | undefined {
  const stamp = dataStamp(db);
  let cache = remembered.get(db);
  if (!cache || cache.stamp !== stamp) {
    cache = { stamp, byText: new Map() };
    remembered.set(db, cache);
  }
  const known = cache.byText.get(search);
  if (known !== undefined) return known ?? undefined;
  let wider: string | undefined;
  for (const [text, ids] of cache.byText) {
    if (ids !== null && search.includes(text) && (wider === undefined || text.length > wider.length)) wider = text;
  }
  const clause = searchClause(search);
  const ids = (
    wider !== undefined
      ? db
          .prepare(`SELECT l.id FROM leads l WHERE l.id IN (SELECT value FROM json_each(?)) AND ${clause.sql}`)
          .pluck()
          .all(cache.byText.get(wider)!.ids, ...clause.params)
      : db
          .prepare(`SELECT l.id FROM leads l WHERE ${clause.sql} LIMIT ?`)
          .pluck()
          .all(...clause.params, maxRememberedMatches + 1)
  ) as number[];
  const result = ids.length > maxRememberedMatches ? null : { ids: JSON.stringify(ids), count: ids.length };
  if (cache.byText.size >= rememberedTexts) cache.byText.delete(cache.byText.keys().next().value!);
  cache.byText.set(search, result);
  return result ?? undefined;
}
