// `npx tsx scripts/bench/ab.ts --before <tree>`: this tree against another checkout (a worktree of an older commit,
// built, with node_modules and .bench linked to these), case by case, in pairs: each pair runs the case once in each
// tree back to back, the order swapped every pair, so both trees see the same machine, cache and file. It settles what
// two separate `npm run bench` runs cannot: whether a case is more than 10% slower, or the runs only met another load
// (docs/performance.md, "Before and after the restructure"). The data is `npm run bench`'s, in .bench/.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchDir, freshPath, seededDb } from './data';
import { type Paired, comparePaired } from './paired';
import { runTimed } from './proc';
import { startServer } from './cases/server';

const { values } = parseArgs({
  options: {
    before: { type: 'string' },
    pairs: { type: 'string', default: '20' },
    'process-pairs': { type: 'string', default: '12' },
    'import-pairs': { type: 'string', default: '6' },
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

type Case = { name: string; pairs: number; run: (side: Side) => Promise<number> };

/** Runs every pair, the order swapped each time, and compares. */
async function measurePaired(c: Case): Promise<Paired> {
  const times: Record<Side, number[]> = { before: [], after: [] };
  for (let i = 0; i < c.pairs; i++) {
    const order: Side[] = i % 2 ? ['after', 'before'] : ['before', 'after'];
    for (const side of order) times[side].push(await c.run(side));
  }
  return comparePaired(times.before, times.after);
}

type Core = {
  dispatch: (ctx: unknown, op: string, input: unknown) => Promise<{ ok: boolean; error?: { message: string } }>;
  ctx: unknown;
};

/** Each tree's own dispatch over its own connection to the same file. */
async function openCores(dbPath: string): Promise<Record<Side, Core>> {
  const open = async (tree: string): Promise<Core> => {
    const { openDatabase } = (await import(path.join(tree, 'src/core/db/open.ts'))) as {
      openDatabase: (p: string) => unknown;
    };
    const { createCtx } = (await import(path.join(tree, 'src/core/context.ts'))) as {
      createCtx: (db: unknown, p: string) => unknown;
    };
    const { dispatch } = (await import(path.join(tree, 'src/core/dispatch.ts'))) as Core;
    return { dispatch, ctx: createCtx(openDatabase(dbPath), dbPath) };
  };
  return { before: await open(trees.before), after: await open(trees.after) };
}

/** An in-process case: `change` (a write through a third connection) and then the timed call. */
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
    run: async (side) => {
      change();
      const started = performance.now();
      const result = await cores[side].dispatch(cores[side].ctx, op, input());
      if (!result.ok) throw new Error(`${op} (${side}): ${result.error?.message}`);
      return performance.now() - started;
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

async function cases(): Promise<Case[]> {
  const list: Case[] = [];
  if (wanted.has('ledger') || wanted.has('report') || wanted.has('cold')) {
    const reportDb = await seededDb('report', rows, { payments: rows, expenses: rows });
    const writer = new Database(reportDb);
    const purchase = (
      writer.prepare(`SELECT id FROM expenses WHERE category = 'connects' LIMIT 1`).get() as { id: number }
    ).id;
    const touchPurchase = () =>
      writer.prepare(`UPDATE expenses SET description = description WHERE id = ?`).run(purchase);
    const touchSettings = touch(writer);
    const cores = await openCores(reportDb);
    if (wanted.has('ledger')) {
      list.push(
        inProcess('credits ledger after a purchase changes', cores, 'connects:ledger', () => ({}), touchPurchase),
        inProcess(
          'report usage with the ledger, all time',
          cores,
          'reports:channels',
          () => ({ basis: 'usage' }),
          touchPurchase,
        ),
      );
    }
    if (wanted.has('report')) {
      const month = (writer.prepare(`SELECT substr(MAX(created_on), 1, 7) AS m FROM leads`).get() as { m: string }).m;
      const [y, m] = month.split('-').map(Number) as [number, number];
      const oneMonth = { from: `${month}-01`, to: `${month}-${new Date(Date.UTC(y, m, 0)).getUTCDate()}` };
      const report = (basis: string, range: object, label: string, change: () => void) =>
        inProcess(`report ${basis}, ${label}`, cores, 'reports:channels', () => ({ basis, ...range }), change);
      list.push(
        report('usage', {}, 'all time', nothing),
        report('cash', {}, 'all time', nothing),
        report('cash', oneMonth, `one month (${month})`, nothing),
        report('usage', {}, 'all time, first after a write', touchSettings),
      );
    }
    if (wanted.has('cold'))
      list.push({
        name: 'cold start, first command (report --json)',
        pairs: processPairs,
        run: (side) => timedCli(side, ['--db', reportDb, 'report', '--json']),
      });
  }
  if (wanted.has('visibility')) {
    const visibilityDb = await seededDb('visibility', 118_000);
    const writer = new Database(visibilityDb);
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
  if (wanted.has('server')) {
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
    if (!wanted.has(as)) continue;
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

const fmt = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en') : x.toFixed(1));
const lines = [
  `Paired runs, ${new Date().toISOString().slice(0, 16)}: before = ${trees.before}, after = ${trees.after}`,
  '',
  '| Case | Pairs | Before (median) | After (median) | After / before (median of pairs) | 95% interval | More than 10% slower? |',
  '|---|---|---|---|---|---|---|',
];
for (const c of await cases()) {
  log(`${c.name}…`);
  const p = await measurePaired(c);
  const verdict = { slower: 'yes', 'not slower': 'no', undecided: 'undecided' }[p.verdict];
  lines.push(
    `| ${c.name} | ${p.pairs} | ${fmt(p.beforeMedian)} ms | ${fmt(p.afterMedian)} ms | ${p.ratio.toFixed(2)}× | ${p.low.toFixed(2)}–${p.high.toFixed(2)}× | ${verdict} |`,
  );
}
const table = lines.join('\n');
process.stdout.write(`${table}\n`);
fs.writeFileSync(path.join(benchDir, 'ab.md'), `${table}\n`);
