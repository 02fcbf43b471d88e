import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshPath } from '../data';
import { runTimed } from '../proc';
import { stats } from '../stats';
import type { CaseResult } from '../report';

/**
 * import floor (a reference, docs/performance.md): what the database part of the leads import costs
 * with nothing else to do. The same 1,000,000 leads, already in memory as the values the import binds
 * (no reading, parsing, checking or rollups), inserted 64 rows a statement into a fresh database's
 * leads table on a connection set as the import sets its own (WAL, synchronous=FULL, 32 MiB cache),
 * with only the `ref` uniqueness kept while inserting and the 8 other indexes built at the end, as
 * the import does. A design that parses in parallel still has this much work on the one thread that
 * may write the file; set beside the shell building the same indexed table, it is the best ratio any
 * design on better-sqlite3 can reach on this machine with this schema. Each run is a process of its
 * own (import-floor-run.ts).
 */
const runScript = path.join(path.dirname(fileURLToPath(import.meta.url)), 'import-floor-run.ts');
export async function importFloorCase(
  sourceDb: string,
  rows: number,
  shellMedian: number,
  runs: number,
): Promise<CaseResult[]> {
  const inserts: number[] = [];
  const builds: number[] = [];
  const totals: number[] = [];
  let indexes = 0;
  for (let run = 0; run < runs; run++) {
    const target = freshPath('import-floor.db');
    const result = await runTimed(process.execPath, ['--expose-gc', '--import', 'tsx', runScript, sourceDb, target]);
    fs.rmSync(target, { force: true });
    if (result.code !== 0) throw new Error(`import floor failed: ${result.stderr.trim()}`);
    const figures = JSON.parse(result.stdout.trim().split('\n').at(-1)!) as {
      insertMs: number;
      indexMs: number;
      indexes: number;
    };
    inserts.push(figures.insertMs);
    builds.push(figures.indexMs);
    totals.push(figures.insertMs + figures.indexMs);
    indexes = figures.indexes;
  }
  const total = stats(totals);
  const seconds = (ms: number[]) => (stats(ms).median / 1000).toFixed(1);
  return [
    {
      case: `import floor: ${rows.toLocaleString('en')} leads already in memory, bound into the live file (insert ${seconds(inserts)} s) and ${indexes} indexes built (${seconds(builds)} s)`,
      unit: 'ms',
      ...total,
      baseline: 'sqlite3 shell, same indexed table',
      baselineMedian: shellMedian,
      ratio: total.median / shellMedian,
      target: '(reference)',
      met: null,
    },
  ];
}
