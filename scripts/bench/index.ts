// `npm run bench`: builds its data with `leadledger seed`, runs each case several times, prints a table
// (and with --json one JSON object per case). Needs `npm run build` (done by the npm script) and the sqlite3 shell.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { exportCase, importCase } from './cases/csv';
import { reportCases } from './cases/report';
import { serverReadyCase } from './cases/server';
import { uiCases } from './cases/ui';
import { benchDir, seededDb } from './data';
import { describeMachine } from './machine';
import { type CaseResult, printTable } from './report';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    rows: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '3' },
    cases: { type: 'string', default: 'import,export,report,ui,server' },
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
await step('import', async () => {
  const outcome = await importCase(rows, runs);
  leadsDb = outcome.sourceDb;
  return outcome.results;
});
await step('export', async () => exportCase(leadsDb ?? (await seededDb('leads', rows)), runs));
await step('report', async () => reportCases(await seededDb('report', rows, { payments: rows, expenses: rows }), Math.max(runs, 5)));
await step('ui', async () => uiCases(runs));
await step('server', async () => [await serverReadyCase(await seededDb('ui', 100_000), Math.max(runs, 5))]);

const table = printTable(machine, results);
if (!values.json) process.stdout.write(`${table}\n`);
fs.mkdirSync(benchDir, { recursive: true });
fs.writeFileSync(path.join(benchDir, 'latest.md'), `${table}\n`);
log(`all done in ${((performance.now() - started) / 1000).toFixed(0)} s; table saved to .bench/latest.md`);
