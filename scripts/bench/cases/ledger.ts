import { createCtx } from '../../../src/core/context';
import { movePurchaseChanges } from '../../../src/core/db/change-counters';
import { openDatabase } from '../../../src/core/db/open';
import { dispatch } from '../../../src/core/dispatch';
import { measure } from '../stats';
import type { CaseResult } from '../report';

/**
 * ledger: the credits ledger (`connects:ledger`, what `leadledger connects` and the Connects screen show)
 * and the usage report that runs it, over the seeded 1,000,000-lead database: Upwork with a plan whose
 * credits replace the allowance, monthly purchases and extra connects expenses, spends on every day of
 * 18 months (so credits expire). Both read daily rollups, never leads: target ≤ 50 ms, each after a purchase changes.
 */
export async function ledgerCases(dbPath: string, runs: number, leads: number): Promise<CaseResult[]> {
  const db = openDatabase(dbPath);
  const ctx = createCtx(db, dbPath);
  // Ledgers are remembered until a write changes one of their inputs (ledger-service.ts): each run
  // follows a write to a connects purchase (its description: the rollups stay as they are; the
  // triggers of migrations 0013 and 0014 move the counter and note the day), so every figure is a
  // ledger computed afresh, its FIFO run again, that day's purchases read again, as after saving a
  // purchase. The reference case after it follows a change no trigger noted (an import, a rollup
  // rebuild): every purchase read again. After any other write the report case "first after a write".
  const purchase = (
    db.prepare(`SELECT id FROM expenses WHERE category = 'connects' LIMIT 1`).get() as { id: number } | undefined
  )?.id;
  if (purchase === undefined) throw new Error('the seeded database has no connects purchase');
  const touch = db.prepare(`UPDATE expenses SET description = description WHERE id = ?`);
  const call = async (
    op: 'connects:ledger' | 'reports:channels',
    input: object,
    change: () => void = () => touch.run(purchase),
  ) => {
    change();
    const started = performance.now();
    const result = await dispatch(ctx, op, input as never);
    if (!result.ok) throw new Error(`${op}: ${result.error.message}`);
    return { ms: performance.now() - started, value: result.value as unknown };
  };
  const first = (await call('connects:ledger', {})).value as {
    channels: { source: string; months: unknown[]; spent: number; expired: number }[];
  };
  const upwork = first.channels.find((c) => c.source === 'Upwork');
  if (!upwork || upwork.spent === 0)
    throw new Error('the seeded database has no Upwork connects spent: nothing for the ledger to run over');
  const shape = `${upwork.months.length} months, ${upwork.spent.toLocaleString('en')} spent, ${upwork.expired.toLocaleString('en')} expired`;
  const label = leads.toLocaleString('en');
  const results: CaseResult[] = [];
  const add = (name: string, s: Awaited<ReturnType<typeof measure>>) =>
    results.push({
      case: name,
      unit: 'ms',
      ...s,
      target: '≤ 50 ms',
      met: s.median <= 50,
      ...(s.median > 50 ? { note: 'see below' } : {}),
    });
  add(
    `credits ledger after a purchase changes, all channels to today (${label} leads; Upwork ${shape})`,
    await measure(runs, async () => (await call('connects:ledger', {})).ms, 1),
  );
  const everything = () => db.transaction(() => movePurchaseChanges(db))();
  results.push({
    case: `credits ledger after an import of purchases (every one read again), all channels to today`,
    unit: 'ms',
    target: '(reference)',
    met: null,
    ...(await measure(runs, async () => (await call('connects:ledger', {}, everything)).ms, 1)),
  });
  add(
    `credits ledger, Upwork on a day a year ago`,
    await measure(runs, async () => (await call('connects:ledger', { source: 'Upwork', on: yearAgo() })).ms, 1),
  );
  add(
    `report usage with the ledger, all time (${label} leads)`,
    await measure(runs, async () => (await call('reports:channels', { basis: 'usage' })).ms, 1),
  );
  const { from, to } = lastFullMonth();
  add(
    `report usage with the ledger, one month (${from.slice(0, 7)})`,
    await measure(runs, async () => (await call('reports:channels', { basis: 'usage', from, to })).ms, 1),
  );
  db.close();
  return results;
}

export function yearAgo(): string {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  return d.toISOString().slice(0, 10);
}

export function lastFullMonth(): { from: string; to: string } {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}
