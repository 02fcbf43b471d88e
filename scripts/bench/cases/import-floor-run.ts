// One run of the import floor (import-floor.ts), in a process of its own: the 1,000,000 leads it binds
// are ~1 GB of JavaScript arrays, freed (and collected, --expose-gc) before the indexes are built, so
// V8's collector does not take the core SQLite's sort helper thread uses.
// Run with: node --expose-gc --import tsx scripts/bench/cases/import-floor-run.ts <source.db> <target.db>
import Database from 'better-sqlite3';
import { openConnection } from '../../../src/core/db/connection';
import { openDatabase } from '../../../src/core/db/open';

const [sourceDb, target] = process.argv.slice(2);
if (!sourceDb || !target) throw new Error('usage: import-floor-run.ts <source.db> <target.db>');
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});

const source = new Database(sourceDb, { readonly: true });
const columns = (source.pragma('table_info(leads)') as { name: string }[]).map((c) => c.name).filter((c) => c !== 'id');
let values: unknown[][] | undefined = source
  .prepare(`SELECT ${columns.join(', ')} FROM leads ORDER BY id`)
  .raw(true)
  .all() as unknown[][];
source.close();
const perStatement = 64;
openDatabase(target).close(); // a new file: every migration, no pre-migration backup
// The import's own settings: the live file in WAL with synchronous=FULL (docs/safety.md), a 32 MiB cache.
const db = openConnection(target);
db.pragma('cache_size = -32768');
db.pragma('foreign_keys = OFF');
const indexes = db
  .prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name = 'leads'`)
  .all() as { name: string; sql: string }[];
for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);
const insert = db.prepare(
  `INSERT INTO leads (${columns.join(', ')}) VALUES ${Array.from({ length: perStatement }, () => `(${columns.map(() => '?').join(', ')})`).join(', ')} ON CONFLICT (ref) DO NOTHING`,
);
collect();
const started = performance.now();
db.exec('BEGIN');
const args: unknown[] = [];
for (let i = 0; i + perStatement <= values.length; i += perStatement) {
  args.length = 0;
  for (let j = i; j < i + perStatement; j++) for (const v of values[j]!) args.push(v);
  insert.run(args);
}
const insertMs = performance.now() - started;
const rows = values.length - (values.length % perStatement);
values = undefined;
collect();
const building = performance.now();
for (const index of indexes) db.exec(index.sql);
db.exec('COMMIT');
const indexMs = performance.now() - building;
db.close();
process.stdout.write(`${JSON.stringify({ rows, insertMs, indexMs, indexes: indexes.length })}\n`);
