import type { Database } from 'better-sqlite3';

/** A WHERE condition with its named parameters; a falsy entry (a filter not given) is left out. */
export type Condition = { sql: string; params?: Record<string, unknown> } | false | null | undefined | 0 | '';

/** One page of a filtered list (`LIMIT @limit OFFSET @offset`) and how many rows match in all. */
export function filteredPage<Row>(
  db: Database,
  query: { from: string; select: string; orderBy: string },
  conditions: readonly Condition[],
  page: { limit: number; offset: number },
): { rows: Row[]; total: number } {
  const applied = conditions.filter((c): c is Exclude<Condition, false | null | undefined | 0 | ''> => Boolean(c));
  const clause = applied.length ? `WHERE ${applied.map((c) => c.sql).join(' AND ')}` : '';
  const params = Object.assign({}, ...applied.map((c) => c.params ?? {})) as Record<string, unknown>;
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM ${query.from} ${clause}`).get(params) as { n: number }).n;
  const rows = db
    .prepare(`${query.select} ${clause} ORDER BY ${query.orderBy} LIMIT @limit OFFSET @offset`)
    .all({ ...params, ...page }) as Row[];
  return { rows, total };
}
