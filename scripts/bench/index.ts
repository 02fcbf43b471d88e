// `npm run bench`: builds its data with `leadledger seed`, runs each case several times, prints a table
// (and with --json one JSON object per case). Needs `npm run build` (done by the npm script) and the sqlite3 shell.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { coldStartCases } from './cases/cold-start';
import { exportCase, importCase } from './cases/csv';
import { importFloorCase } from './cases/import-floor';
import { ledgerCases } from './cases/ledger';
import { type LeadsPerRow, leadsPerRowNow, platformCases } from './cases/platforms';
import { reportCases } from './cases/report';
import { scaleCases } from './cases/scale';
import { serverReadyCase } from './cases/server';
import { trackerCases } from './cases/time-trackers';
import { uiCases } from './cases/ui';
import { visibilityCases } from './cases/visibility';
import { benchDir, seededDb } from './data';
import { describeMachine } from './machine';
import { type CaseResult, printTable } from './report';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    rows: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '3' },
    // `scale` (5,000,000 leads, docs/performance.md "At 10×") runs only when asked for.
    cases: { type: 'string', default: 'import,export,report,ui,server,platforms,ledger,cold,visibility' },
    'scale-rows': { type: 'string', default: '5000000' },
    // `trackers` (docs/domain.md §6: a Toggl export vs our time.csv) runs only when asked for.
    'tracker-rows': { type: 'string', default: '100000' },
  },
});
const rows = Number(values.rows);
const runs = Number(values.runs);
const wanted = new Set(values.cases.split(','));
const machine = describeMachine();
const results: CaseResult[] = [];
const log = (text: string) => process.stderr.write(`[bench] ${text}\n`);
const started = performance.now();

async function step(name: string, run: () => Promise<CaseResult[]>) {
  if (!wanted.has(name)) return;
  log(`${name}…`);
  const t = performance.now();
  try {
    const caseResults = await run();
    results.push(...caseResults);
    if (values.json) for (const r of caseResults) process.stdout.write(`${JSON.stringify({ ...r, machine })}\n`);
  } catch (error) {
    log(`${name} failed: ${(error as Error).message}`);
    process.exitCode = 1;
  }
  log(`${name} done in ${((performance.now() - t) / 1000).toFixed(0)} s`);
}

let leadsDb: string | undefined;
let leadsPerRow: LeadsPerRow | undefined;
await step('import', async () => {
  const outcome = await importCase(rows, runs);
  leadsDb = outcome.sourceDb;
  leadsPerRow = { msPerRow: outcome.results[0]!.median / rows, from: 'leads import (median above)' };
  // Two runs of ~20 s each keep the whole bench under 15 minutes.
  return [
    ...outcome.results,
    ...(await importFloorCase(outcome.sourceDb, rows, outcome.results[0]!.baselineMedian!, Math.min(runs, 2))),
  ];
});
await step('export', async () => exportCase(leadsDb ?? (await seededDb('leads', rows)), runs));
await step('report', async () =>
  reportCases(await seededDb('report', rows, { payments: rows, expenses: rows }), Math.max(runs, 5)),
);
// Frame drops while scrolling swing run to run on 2 cores: at least 5 runs for a steady median.
await step('ui', async () => uiCases(Math.max(runs, 5)));
await step('server', async () => [await serverReadyCase(await seededDb('ui', 100_000), Math.max(runs, 5))]);
// A platform import of 1,000,000 rows takes about as long as the leads import: 2 runs keep the whole bench under 15 minutes.
await step('platforms', async () =>
  platformCases(rows, Math.min(runs, 2), leadsPerRow ?? (await leadsPerRowNow(rows))),
);
await step('ledger', async () =>
  ledgerCases(await seededDb('report', rows, { payments: rows, expenses: rows }), Math.max(runs, 5), rows),
);
await step('cold', async () =>
  coldStartCases(await seededDb('report', rows, { payments: rows, expenses: rows }), Math.max(runs, 3), rows),
);
// docs/domain.md §8: ~100,000 proposals (the sample's channels apply to ~85% of their leads).
await step('visibility', async () => visibilityCases(await seededDb('visibility', 118_000), Math.max(runs, 5)));
await step('scale', async () => scaleCases(Number(values['scale-rows']), Math.max(runs, 3)));
await step('trackers', async () => trackerCases(Number(values['tracker-rows']), runs));

const table = printTable(machine, results);
if (!values.json) process.stdout.write(`${table}\n`);
fs.mkdirSync(benchDir, { recursive: true });
fs.writeFileSync(path.join(benchDir, 'latest.md'), `${table}\n`);
log(`all done in ${((performance.now() - started) / 1000).toFixed(0)} s; table saved to .bench/latest.md`);
