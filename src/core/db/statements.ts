import type { Database, Statement } from 'better-sqlite3';

const cache = new WeakMap<Database, Map<string, Statement>>();

/** A prepared statement, compiled once per connection (hot paths: imports, seeding). */
export function prepared(db: Database, sql: string): Statement {
  let perDb = cache.get(db);
  if (!perDb) cache.set(db, (perDb = new Map()));
  let statement = perDb.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    perDb.set(sql, statement);
  }
  return statement;
}

/** Whether the schema has this table (code that also runs on older schemas: rebuilds, migration tests). */
export function hasTable(db: Database, name: string): boolean {
  return prepared(db, `SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(name) !== undefined;
}

export function hasColumn(db: Database, table: string, column: string): boolean {
  return prepared(db, `SELECT 1 FROM pragma_table_info(?) WHERE name = ?`).get(table, column) !== undefined;
}
