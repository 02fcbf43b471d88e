import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectsLedger } from '../../shared/api/schemas/connects';
import type { ChannelReport } from '../../shared/api/schemas/reports';
import { createCtx } from '../context';
import { openDatabase } from '../db/open';
import { creditSources } from '../repos/ledger-repo';
import { rebuildRollups } from '../rollups/rebuild';
import { importCsvFile } from '../csv/import-engine';
import { callOk, openTempCtx, sourceId } from '../../../test-support/temp-db';
import { channelLedger, ledgerRuns } from './ledger-service';

// Issue 14, "first report after a write": the credits ledger is remembered across writes that change
// none of its inputs, and its purchase lots across writes that change no connects purchase (the
// counter of migration 0013). Every case checks the remembered answer against a fresh process's.
let ctx: ReturnType<typeof openTempCtx>;
let upwork: number;
const now = new Date('2026-08-15T12:00:00Z');
beforeEach(async () => {
  ctx = openTempCtx(now);
  upwork = sourceId(ctx, 'Upwork');
  await call('connects:set-opening', { sourceId: upwork, count: 0, on: '2026-07-01' });
});
afterEach(() => ctx.close());

const call = <T = unknown>(name: string, input: unknown) => callOk<T>(ctx, name, input);
const ledger = async () => (await call<{ channels: ConnectsLedger[] }>('connects:ledger', { source: 'Upwork' })).channels[0]!;
const julyCosts = async () =>
  (await call<ChannelReport>('reports:channels', { from: '2026-07-01', to: '2026-07-31', basis: 'usage' })).channels.find((c) => c.source === 'Upwork')!.costs;
const buy = (date: string, amount: string, connects: number) => call<{ id: number }>('expenses:create', { date, sourceId: upwork, category: 'connects', amount, connects });

/** The same ledger and July costs as another process opening the file now computes them. */
async function fresh(): Promise<{ ledger: ConnectsLedger; costs: number }> {
  const other = createCtx(openDatabase(ctx.dbPath), ctx.dbPath, () => now);
  try {
    const channels = (await callOk<{ channels: ConnectsLedger[] }>(other, 'connects:ledger', { source: 'Upwork' })).channels;
    const report = await callOk<ChannelReport>(other, 'reports:channels', { from: '2026-07-01', to: '2026-07-31', basis: 'usage' });
    return { ledger: channels[0]!, costs: report.channels.find((c) => c.source === 'Upwork')!.costs };
  } finally {
    other.store.close();
  }
}

async function expectFresh(): Promise<void> {
  const expected = await fresh();
  expect(await ledger()).toEqual(expected.ledger);
  expect(await julyCosts()).toBe(expected.costs);
}

describe('the credits ledger across writes', () => {
  let cheap: { id: number };
  let dear: { id: number };
  beforeEach(async () => {
    cheap = await buy('2026-07-05', '1.00', 10);
    dear = await buy('2026-07-05', '6.00', 20);
    await call('leads:create', { sourceId: upwork, title: 'bid', createdOn: '2026-07-06', connects: 25 });
    // 10 free, then the $0.10 lot, then 5 of the $0.30 lot.
    expect(await julyCosts()).toBe(100 + 150);
    expect(await ledger()).toMatchObject({ bought: 30, spent: 25 });
  });

  it('a write that changes none of its inputs reuses it: nothing computed or read again', async () => {
    const first = await ledger();
    const before = { ...ledgerRuns };
    await call('payments:create', { date: '2026-07-10', sourceId: upwork, gross: '500' });
    await call('leads:create', { sourceId: upwork, title: 'no connects', createdOn: '2026-07-07' });
    expect(await ledger()).toEqual(first);
    expect(ledgerRuns).toEqual(before);
    await expectFresh();
  });

  it('a lead with connects runs it again from the same purchase lots', async () => {
    const before = { ...ledgerRuns };
    await call('leads:create', { sourceId: upwork, title: 'another bid', createdOn: '2026-07-08', connects: 4 });
    expect(await ledger()).toMatchObject({ spent: 29, balance: 21 });
    expect(ledgerRuns.computed).toBeGreaterThan(before.computed);
    expect(ledgerRuns.purchasesRead).toBe(before.purchasesRead);
    expect(await julyCosts()).toBe(100 + 270);
    await expectFresh();
  });

  it('moving connects between two purchases of one day (the day sums unchanged) reads the lots again', async () => {
    // 20 for $1.00 and 10 for $6.00: the day still has 30 bought for $7.00, its rollup row is the same.
    await call('expenses:update', { id: cheap.id, connects: 20 });
    await call('expenses:update', { id: dear.id, connects: 10 });
    // 10 free, then 15 of the 20 at $0.05.
    expect(await julyCosts()).toBe(75);
    await expectFresh();
  });

  it('another connection editing a purchase with plain SQL (as the sqlite3 shell would) is seen', async () => {
    expect((await ledger()).bought).toBe(30);
    const shell = new Database(ctx.dbPath);
    try {
      shell.pragma('busy_timeout = 5000');
      shell.prepare(`UPDATE expenses SET connects = 20 WHERE id = ?`).run(cheap.id);
      shell.prepare(`UPDATE expenses SET connects = 10 WHERE id = ?`).run(dear.id);
    } finally {
      shell.close();
    }
    expect(await julyCosts()).toBe(75);
    await expectFresh();
  });

  it('nothing read inside a transaction that is then rolled back is remembered', async () => {
    const source = creditSources(ctx.db).find((s) => s.id === upwork)!;
    const db = ctx.db;
    expect(() =>
      db.transaction(() => {
        db.prepare(`UPDATE expenses SET connects = 30 WHERE id = ?`).run(cheap.id);
        expect(channelLedger(ctx, source, '2026-08-15').run.bought).toBe(50);
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    // The counter is back where it was; the next change takes the value the rolled-back one had.
    db.prepare(`UPDATE expenses SET connects = 5 WHERE id = ?`).run(cheap.id);
    expect(channelLedger(ctx, source, '2026-08-15').run.bought).toBe(25);
    await expectFresh();
  });

  it('an import of purchases (its triggers suspended while it writes) reads the lots again, and the triggers are back', async () => {
    const triggers = () => ctx.db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger' ORDER BY name`).pluck().all();
    const before = triggers();
    expect(before).toHaveLength(3);
    expect((await ledger()).bought).toBe(30);
    const file = path.join(path.dirname(ctx.dbPath), 'connects.csv');
    fs.writeFileSync(file, 'ref,date,source,category,description,amount,currency,connects\nC1,2026-07-05,Upwork,connects,40 Connects,2.00,USD,40\n');
    expect((await importCsvFile(ctx.db, file, {}, { now: ctx.now })).applied).toBe(true);
    expect(triggers()).toEqual(before);
    // The new lot is the last of 07-05: 10 free, the $0.10 lot, 5 of the $0.30 lot as before.
    expect(await ledger()).toMatchObject({ bought: 70, balance: 65 });
    await expectFresh();
    // A refused import (a bad row) leaves them too.
    fs.writeFileSync(file, 'ref,date,source,category,description,amount,currency,connects\nC2,2026-13-05,Upwork,connects,x,2.00,USD,40\n');
    expect((await importCsvFile(ctx.db, file, {}, { now: ctx.now })).applied).toBe(false);
    expect(triggers()).toEqual(before);
  });

  it('a rebuild of the rollups reads the lots again', async () => {
    await ledger();
    const read = ledgerRuns.purchasesRead;
    rebuildRollups(ctx.db);
    await ledger();
    expect(ledgerRuns.purchasesRead).toBe(read + 1);
  });
});
