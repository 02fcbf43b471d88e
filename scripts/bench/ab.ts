// `npx tsx scripts/bench/ab.ts --before <tree>`: this tree against another checkout (a worktree of an older commit,
// built, with node_modules and .bench linked to these), case by case, in pairs: each pair runs the case once in each
// tree back to back, the order swapped every pair, so both trees see the same machine, cache and file. It settles what
// two separate `npm run bench` runs cannot: whether a case is more than 10% slower, or the runs only met another load
// (docs/performance.md, "Before and after the restructure"). The data is `npm run bench`'s, in .bench/.
import Database from 'better-sqlite3';
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchDir, freshPath, seededDb } from './data';
import { type Paired, comparePaired, judgeRatios } from './paired';
import { runTimed } from './proc';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../chromium';
import { movePurchaseChanges } from '../../src/core/db/change-counters';
import { firstBoard } from './cases/cold-start';
import { lastFullMonth, yearAgo } from './cases/ledger';
import { lastMonthOfData } from './cases/report';
import { startServer } from './cases/server';

const { values } = parseArgs({
  options: {
    before: { type: 'string' },
    pairs: { type: 'string', default: '20' },
    'process-pairs': { type: 'string', default: '12' },
    'import-pairs': { type: 'string', default: '6' },
    // Runs of the cases answered by the worker processes, each with new ones (see "runs" below).
    runs: { type: 'string', default: '6' },
    cases: { type: 'string', default: 'ledger,report,visibility,server,cold,upwork,paypal' },
    rows: { type: 'string', default: '1000000' },
  },
});
if (!values.before) throw new Error('--before <path of the other tree> is required');
const trees = { before: path.resolve(values.before), after: process.cwd() } as const;
type Side = keyof typeof trees;
const pairs = Number(values.pairs);
const processPairs = Number(values['process-pairs']);
const rows = Number(values.rows);
const wanted = new Set(values.cases.split(','));
const log = (text: string) => process.stderr.write(`[ab] ${text}\n`);

/** What to close when every case has run (the cores, a browser), so the process ends. */
const closers: (() => Promise<void>)[] = [];

/**
 * A case: its pairs, and whether the worker processes answer it (`inProcess`). Such a case is measured in `--runs`
 * runs, each with new workers: the workers' placement on the cores moves every pair of one run alike (±10% between
 * runs of 150 pairs of the ledger case), so its verdict is judged over the runs' ratios, not over the pairs. A case
 * that starts a process per sample (a CLI command, the server, an import) has that in every pair, and runs once.
 */
type Case = { name: string; pairs: number; workers?: boolean; run: (side: Side) => Promise<number> };

/** Runs every pair, the order swapped each time. */
async function measurePairs(c: Case): Promise<Record<Side, number[]>> {
  const times: Record<Side, number[]> = { before: [], after: [] };
  for (let i = 0; i < c.pairs; i++) {
    const order: Side[] = i % 2 ? ['after', 'before'] : ['before', 'after'];
    for (const side of order) times[side].push(await c.run(side));
  }
  return times;
}

/** One tree's core in a child process of its own (ab-worker.ts): each tree keeps its own heap and caches. */
type Core = { call: (op: string, input: unknown) => Promise<number>; close: () => void };

function startCore(tree: string, dbPath: string): Promise<Core> {
  const child = fork(path.join(import.meta.dirname, 'ab-worker.ts'), [tree, dbPath], { execArgv: ['--import', 'tsx'] });
  let waiting: ((m: { ms?: number; error?: string; ready?: boolean }) => void) | undefined;
  child.on('message', (m: { ms?: number; error?: string; ready?: boolean }) => waiting?.(m));
  const next = () => new Promise<{ ms?: number; error?: string; ready?: boolean }>((resolve) => (waiting = resolve));
  const core: Core = {
    call: async (op, input) => {
      const answer = next();
      child.send({ op, input });
      const m = await answer;
      if (m.error !== undefined) throw new Error(`${m.error} (${tree})`);
      return m.ms!;
    },
    close: () => child.kill(),
  };
  return next().then(() => core);
}

/** Each tree's own dispatch, in its own process, over its own connection to the same file. */
async function openCores(dbPath: string): Promise<Record<Side, Core>> {
  const cores = { before: await startCore(trees.before, dbPath), after: await startCore(trees.after, dbPath) };
  closers.push(async () => {
    cores.before.close();
    cores.after.close();
  });
  return cores;
}

/** A case run by the cores: `change` (a write through a third connection) and then the timed call. */
function inProcess(
  name: string,
  cores: Record<Side, Core>,
  op: string,
  input: () => unknown,
  change: () => void,
): Case {
  return {
    name,
    pairs,
    workers: true,
    run: async (side) => {
      change();
      return cores[side].call(op, input());
    },
  };
}

const nothing = () => {};

/**
 * A write through a third connection that really changes the file (a key of the bench's own in settings, a new value
 * each time): an UPDATE that sets a value to itself writes nothing, and other connections' data_version stays put.
 */
function touch(writer: Database.Database): () => void {
  const write = writer.prepare(
    `INSERT INTO settings (key, value) VALUES ('bench_touch', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );
  let n = 0;
  return () => write.run(String(++n));
}
const cli = (side: Side) => path.join(trees[side], 'bin/leadledger.js');

async function timedCli(side: Side, args: string[]): Promise<number> {
  const result = await runTimed(process.execPath, [cli(side), ...args]);
  if (result.code !== 0) throw new Error(`leadledger ${args.join(' ')} (${side}): ${result.stderr.trim()}`);
  return result.ms;
}

/** The cases of one run; `first`: also those that start a process per sample (they run once). */
async function cases(first: boolean): Promise<Case[]> {
  const list: Case[] = [];
  if (wanted.has('ledger') || wanted.has('report') || (first && wanted.has('cold'))) {
    const reportDb = await seededDb('report', rows, { payments: rows, expenses: rows });
    const writer = new Database(reportDb);
    closers.push(async () => void writer.close());
    const purchase = (
      writer.prepare(`SELECT id FROM expenses WHERE category = 'connects' LIMIT 1`).get() as { id: number }
    ).id;
    const touchPurchase = () =>
      writer.prepare(`UPDATE expenses SET description = description WHERE id = ?`).run(purchase);
    const touchSettings = touch(writer);
    // The workers start only for the cases they answer (a run of `cold` alone needs none).
    const cores = wanted.has('ledger') || wanted.has('report') ? await openCores(reportDb) : undefined;
    const lastMonth = lastFullMonth();
    if (cores && wanted.has('ledger')) {
      list.push(
        inProcess('credits ledger after a purchase changes', cores, 'connects:ledger', () => ({}), touchPurchase),
        inProcess(
          'report usage with the ledger, all time',
          cores,
          'reports:channels',
          () => ({ basis: 'usage' }),
          touchPurchase,
        ),
        inProcess(
          `report usage with the ledger, one month (${lastMonth.from.slice(0, 7)})`,
          cores,
          'reports:channels',
          () => ({ basis: 'usage', ...lastMonth }),
          touchPurchase,
        ),
        inProcess(
          'credits ledger after an import of purchases (reference)',
          cores,
          'connects:ledger',
          () => ({}),
          () => writer.transaction(() => movePurchaseChanges(writer))(),
        ),
        inProcess(
          'credits ledger, Upwork on a day a year ago',
          cores,
          'connects:ledger',
          () => ({ source: 'Upwork', on: yearAgo() }),
          touchPurchase,
        ),
      );
    }
    if (cores && wanted.has('report')) {
      const { month, range: oneMonth } = lastMonthOfData(writer);
      const report = (basis: string, range: object, label: string, change: () => void) =>
        inProcess(`report ${basis}, ${label}`, cores, 'reports:channels', () => ({ basis, ...range }), change);
      list.push(
        report('usage', {}, 'all time', nothing),
        report('usage', oneMonth, `one month (${month})`, nothing),
        report('cash', {}, 'all time', nothing),
        report('cash', oneMonth, `one month (${month})`, nothing),
        report('usage', {}, 'all time, first after a write', touchSettings),
      );
    }
    if (first && wanted.has('cold')) {
      list.push({
        name: 'cold start, first command (report --json)',
        pairs: processPairs,
        run: (side) => timedCli(side, ['--db', reportDb, 'report', '--json']),
      });
      const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
      closers.push(() => browser.close());
      list.push({
        name: 'cold start, browser mode to first painted board',
        pairs: processPairs,
        run: (side) => firstBoard(reportDb, browser, cli(side)),
      });
    }
  }
  if (wanted.has('visibility')) {
    const visibilityDb = await seededDb('visibility', 118_000);
    const writer = new Database(visibilityDb);
    closers.push(async () => void writer.close());
    const touchSettings = touch(writer);
    const cores = await openCores(visibilityDb);
    let typed = 40;
    const plan = () => ({ source: 'Upwork', proposals: typed++, boosted: 10, boost: 12, fast: 20 });
    list.push(
      inProcess('plan, after the first call (other inputs each run)', cores, 'visibility:plan', plan, nothing),
      inProcess('funnel, first call after a write', cores, 'visibility:funnel', () => ({}), touchSettings),
      inProcess('plan, first call after a write', cores, 'visibility:plan', plan, touchSettings),
    );
  }
  if (first && wanted.has('server')) {
    const uiDb = await seededDb('ui', 100_000);
    list.push({
      name: 'browser-mode server ready (100,000 leads)',
      pairs: processPairs,
      run: async (side) => {
        const server = await startServer(uiDb, cli(side));
        await server.stop();
        return server.readyMs;
      },
    });
  }
  for (const as of ['upwork', 'paypal'] as const) {
    if (!first || !wanted.has(as)) continue;
    const csv = path.join(benchDir, `${as}-${rows}.csv`);
    if (!fs.existsSync(csv)) throw new Error(`${csv} is missing: run npm run bench -- --cases platforms first`);
    list.push({
      name: `import ${rows.toLocaleString('en')} rows, ${as}`,
      pairs: Number(values['import-pairs']),
      run: (side) => timedCli(side, ['--db', freshPath(`ab-${as}-target.db`), 'import', csv, '--as', as]),
    });
  }
  return list;
}

/** The interval, or why there is none (a sign-test interval needs 6 samples at least). */
const interval = (p: Paired) =>
  Number.isFinite(p.low) ? `${p.low.toFixed(2)}–${p.high.toFixed(2)}×` : `none: ${p.pairs} too few`;
const fmt = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en') : x.toFixed(1));
const runs = Number(values.runs);
type Measured = { before: number[]; after: number[]; runRatios: number[]; workers: boolean };
const measured = new Map<string, Measured>();
for (let run = 1; run <= runs; run++) {
  for (const c of await cases(run === 1)) {
    log(`${c.name}${c.workers ? ` (run ${run} of ${runs})` : ''}…`);
    const times = await measurePairs(c);
    const m = measured.get(c.name) ?? { before: [], after: [], runRatios: [], workers: c.workers === true };
    m.before.push(...times.before);
    m.after.push(...times.after);
    m.runRatios.push(comparePaired(times.before, times.after).ratio);
    measured.set(c.name, m);
  }
  for (const close of closers.splice(0)) await close();
}
const lines = [
  `Paired runs, ${new Date().toISOString().slice(0, 16)}: before = ${trees.before}, after = ${trees.after}`,
  '',
  '| Case | Pairs | Before (median) | After (median) | After / before | 95% interval | More than 10% slower? |',
  '|---|---|---|---|---|---|---|',
];
for (const [name, m] of measured) {
  const pooled = comparePaired(m.before, m.after);
  // Worker cases: judged over the runs (each run's median ratio), the runs' ratios listed.
  const judged: Paired = m.workers ? { ...pooled, ...judgeRatios(m.runRatios) } : pooled;
  const verdict = { slower: 'yes', 'not slower': 'no', undecided: 'undecided' }[judged.verdict];
  const counted = m.workers
    ? `${m.runRatios.length} runs × ${m.before.length / m.runRatios.length}`
    : `${m.before.length}`;
  const ratio = m.workers
    ? `${judged.ratio.toFixed(2)}× (runs: ${[...m.runRatios]
        .sort((a, b) => a - b)
        .map((r) => r.toFixed(2))
        .join(', ')})`
    : `${judged.ratio.toFixed(2)}×`;
  lines.push(
    `| ${name} | ${counted} | ${fmt(pooled.beforeMedian)} ms | ${fmt(pooled.afterMedian)} ms | ${ratio} | ${interval(judged)} | ${verdict} |`,
  );
}
const table = lines.join('\n');
process.stdout.write(`${table}\n`);
fs.writeFileSync(path.join(benchDir, 'ab.md'), `${table}\n`);
process.exit(0);
