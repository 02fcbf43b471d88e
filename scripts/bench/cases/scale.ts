import fs from 'node:fs';
import path from 'node:path';
import { writeLeadsCsv } from '../../../src/core/csv/bench/generate-leads';
import { createCtx } from '../../../src/core/context';
import { openDatabase } from '../../../src/core/db/open';
import { dispatch } from '../../../src/core/dispatch';
import { benchDir, freshPath } from '../data';
import { cliBin, runTimed } from '../proc';
import { measure } from '../stats';
import type { CaseResult } from '../report';

/**
 * scale (only with `--cases scale`, never in the default run): one import of a generated 5,000,000-lead
 * file into an empty database, then the report over it. docs/performance.md "At 10×" quotes these figures.
 */
export async function scaleCases(leads: number, runs: number): Promise<CaseResult[]> {
  fs.mkdirSync(benchDir, { recursive: true });
  const csv = path.join(benchDir, `leads-generated-${leads}.csv`);
  if (!fs.existsSync(`${csv}.done`)) {
    writeLeadsCsv(csv, leads);
    fs.writeFileSync(`${csv}.done`, '');
  }
  const sizeMb = fs.statSync(csv).size / 1e6;
  const db = freshPath(`scale-${leads}.db`);
  const imported = await runTimed(process.execPath, [cliBin, '--db', db, 'import', csv, '--as', 'leads']);
  if (imported.code !== 0) throw new Error(`leadledger import failed: ${imported.stderr.trim()}`);
  const label = leads.toLocaleString('en');
  const results: CaseResult[] = [
    {
      case: `scale: import ${label} leads (${sizeMb.toFixed(0)} MB CSV), 1 run`,
      unit: 'ms',
      median: imported.ms,
      min: imported.ms,
      max: imported.ms,
      runs: 1,
      target: '—',
      met: null,
    },
    {
      case: `scale: import peak RSS, ${label} leads`,
      unit: 'MiB',
      median: imported.peakRssMiB ?? NaN,
      min: imported.peakRssMiB ?? NaN,
      max: imported.peakRssMiB ?? NaN,
      runs: 1,
      target: '≤ 256 MiB',
      met: imported.peakRssMiB !== null && imported.peakRssMiB <= 256,
    },
  ];
  const conn = openDatabase(db);
  const ctx = createCtx(conn, db);
  const timed = (input: object) => async () => {
    const started = performance.now();
    const result = await dispatch(ctx, 'reports:channels', input);
    if (!result.ok) throw new Error(result.error.message);
    return performance.now() - started;
  };
  for (const [name, input] of [
    ['usage, all time', { basis: 'usage' }],
    ['usage, one month (2025-06)', { basis: 'usage', from: '2025-06-01', to: '2025-06-30' }],
    ['cash, all time', { basis: 'cash' }],
  ] as const) {
    const s = await measure(runs, timed(input), 1);
    results.push({
      case: `scale: report ${name}, ${label} leads`,
      unit: 'ms',
      ...s,
      target: '≤ 50 ms',
      met: s.median <= 50,
    });
  }
  conn.close();
  results.push({
    case: `scale: database file, ${label} leads`,
    unit: 'MiB',
    ...single(fs.statSync(db).size / 2 ** 20),
    target: '—',
    met: null,
  });
  return results;
}

const single = (n: number) => ({ median: n, min: n, max: n, runs: 1 });
