import fs from 'node:fs';
import Database from 'better-sqlite3';
import { openAside } from '../../../src/core/csv/import-aside';
import { openDatabase } from '../../../src/core/db/open';
import { freshPath } from '../data';
import { stats } from '../stats';
import type { CaseResult } from '../report';

/**
 * import floor (a reference, README "Performance"): what the database part of the leads import costs
 * with nothing else to do. The same 1,000,000 leads, already in memory as the values the import binds
 * (no reading, parsing, checking or rollups), inserted 64 rows a statement into a fresh database's
 * leads table on the import's aside connection (openAside: no journal, no fsync, its page cache),
 * with only the `ref` uniqueness kept while inserting and the 8 other indexes built at the end, as
 * the import does. A design that parses in parallel still has this much work on the one thread that
 * may write the file; set beside the shell's .import of the same file, it is the best ratio any
 * design on better-sqlite3 can reach on this machine with this schema.
 */
export function importFloorCase(sourceDb: string, rows: number, shellMedian: number, runs: number): CaseResult[] {
  const source = new Database(sourceDb, { readonly: true });
  const columns = (source.pragma('table_info(leads)') as { name: string }[]).map((c) => c.name).filter((c) => c !== 'id');
  const values = source.prepare(`SELECT ${columns.join(', ')} FROM leads ORDER BY id`).raw(true).all() as unknown[][];
  source.close();
  const perStatement = 64;
  const insertSql = `INSERT INTO leads (${columns.join(', ')}) VALUES ${Array.from({ length: perStatement }, () => `(${columns.map(() => '?').join(', ')})`).join(', ')}
    ON CONFLICT (ref) DO NOTHING`;
  const inserts: number[] = [];
  const builds: number[] = [];
  const totals: number[] = [];
  for (let run = 0; run < runs; run++) {
    const file = freshPath('import-floor.db');
    openDatabase(file).close(); // a new file: no pre-migration backup
    const db = openAside(file, 8192);
    try {
      const indexes = db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name = 'leads'`).all() as { name: string; sql: string }[];
      for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);
      const insert = db.prepare(insertSql);
      const started = performance.now();
      db.exec('BEGIN');
      const args: unknown[] = [];
      for (let i = 0; i + perStatement <= values.length; i += perStatement) {
        args.length = 0;
        for (let j = i; j < i + perStatement; j++) for (const v of values[j]!) args.push(v);
        insert.run(args);
      }
      const inserted = performance.now();
      for (const index of indexes) db.exec(index.sql);
      db.exec('COMMIT');
      const built = performance.now();
      inserts.push(inserted - started);
      builds.push(built - inserted);
      totals.push(built - started);
    } finally {
      db.close();
      fs.rmSync(file, { force: true });
    }
  }
  const label = rows.toLocaleString('en');
  const total = stats(totals);
  const ratio = total.median / shellMedian;
  return [
    { case: `import floor: ${label} leads already in memory, bound into the aside (insert ${(stats(inserts).median / 1000).toFixed(1)} s) and 8 indexes built (${(stats(builds).median / 1000).toFixed(1)} s)`, unit: 'ms', ...total, baseline: 'sqlite3 .import', baselineMedian: shellMedian, ratio, target: '(reference)', met: null },
  ];
}
