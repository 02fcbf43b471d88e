import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectsLedger } from '../../shared/api/schemas/connects';
import type { ChannelReport } from '../../shared/api/schemas/reports';
import { createCtx } from '../context';
import { openDatabase } from '../db/open';
import { creditSources } from './ledger-repo';
import { rebuildRollups } from '../rollups/rebuild';
import { importCsvFile } from '../csv/import-engine';
import { callOk, openTempCtx, sourceId } from '../../../test-support/temp-db';
import { probed } from '../../../test-support/probes';
import { channelLedger } from './ledger-service';

/** FIFO runs computed, and purchase lots read (whole channels, single days), in this process. */
const ledgerRuns = {
  get computed() {
    return probed.ledgerRun;
  },
};
const lotReads = {
  get channels() {
    return probed.lotChannelRead;
  },
  get days() {
    return probed.lotDayRead;
  },
};

// The first report after a write (docs/domain.md §5; docs/performance.md): the credits ledger is remembered across
// writes that change none of its inputs, and its purchase lots across writes that change no connects purchase (the
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
const ledger = async () =>
  (await call<{ channels: ConnectsLedger[] }>('connects:ledger', { source: 'Upwork' })).channels[0]!;
const julyCosts = async () =>
  (
    await call<ChannelReport>('reports:channels', { from: '2026-07-01', to: '2026-07-31', basis: 'usage' })
  ).channels.find((c) => c.source === 'Upwork')!.costs;
const buy = (date: string, amount: string, connects: number) =>
  call<{ id: number }>('expenses:create', { date, sourceId: upwork, category: 'connects', amount, connects });

/** The same ledger and July costs as another process opening the file now computes them. */
async function fresh(): Promise<{ ledger: ConnectsLedger; costs: number }> {
  const other = createCtx(openDatabase(ctx.dbPath), ctx.dbPath, () => now);
  try {
    const channels = (await callOk<{ channels: ConnectsLedger[] }>(other, 'connects:ledger', { source: 'Upwork' }))
      .channels;
    const report = await callOk<ChannelReport>(other, 'reports:channels', {
      from: '2026-07-01',
      to: '2026-07-31',
      basis: 'usage',
    });
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
    const before = { ...ledgerRuns, ...lotReads };
    await call('payments:create', { date: '2026-07-10', sourceId: upwork, gross: '500' });
    await call('leads:create', { sourceId: upwork, title: 'no connects', createdOn: '2026-07-07' });
    expect(await ledger()).toEqual(first);
    expect({ ...ledgerRuns, ...lotReads }).toEqual(before);
    await expectFresh();
  });

  it('a lead with connects runs it again from the same purchase lots', async () => {
    const before = { ...ledgerRuns, ...lotReads };
    await call('leads:create', { sourceId: upwork, title: 'another bid', createdOn: '2026-07-08', connects: 4 });
    expect(await ledger()).toMatchObject({ spent: 29, balance: 21 });
    expect(ledgerRuns.computed).toBeGreaterThan(before.computed);
    expect(lotReads).toEqual({ channels: before.channels, days: before.days });
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

  it('saving a purchase reads its day again, not the channel', async () => {
    await ledger();
    const before = { ...lotReads };
    await call('expenses:update', { id: cheap.id, amount: '2.00' });
    // 10 free, then 10 at $0.20, then 5 of the $0.30 lot.
    expect(await julyCosts()).toBe(200 + 150);
    expect(lotReads).toEqual({ channels: before.channels, days: before.days + 1 });
    await expectFresh();
  });

  it('moving a purchase to another day reads both days; a day left empty drops out', async () => {
    await ledger();
    const before = { ...lotReads };
    // The $0.30 lot goes before the $0.10 one: 10 free, then 15 of it.
    await call('expenses:update', { id: dear.id, date: '2026-07-02' });
    expect(await julyCosts()).toBe(450);
    expect(lotReads).toEqual({ channels: before.channels, days: before.days + 2 });
    await expectFresh();
    // (Each fresh() reads the channel whole in its own connection: counted from here.)
    const next = { ...lotReads };
    await call('expenses:update', { id: cheap.id, date: '2026-07-03' });
    await call('expenses:delete', { id: dear.id, confirmShortfall: true });
    expect(await ledger()).toMatchObject({ bought: 10 });
    expect(lotReads).toEqual({ channels: next.channels, days: next.days + 3 }); // 07-05, 07-03 and 07-02
    await expectFresh();
    // A purchase on a day of its own before all the others, and one moved to another channel.
    const last = { ...lotReads };
    await buy('2026-07-01', '3.00', 10);
    await call('expenses:update', { id: cheap.id, sourceId: sourceId(ctx, 'Fiverr'), confirmShortfall: true });
    expect(await ledger()).toMatchObject({ bought: 10 });
    expect(lotReads.channels).toBe(last.channels);
    await expectFresh();
  });

  it('more changed days than are worth reading one by one read the channel whole', async () => {
    await ledger();
    const before = { ...lotReads };
    const shell = new Database(ctx.dbPath);
    try {
      shell.pragma('busy_timeout = 5000');
      const insert = shell.prepare(
        `INSERT INTO expenses (ref, date, source_id, category, description, amount_minor, currency, connects, created_at) VALUES (?, ?, ?, 'connects', '', 100, 'USD', 1, '2026-07-01T00:00:00Z')`,
      );
      shell.transaction(() => {
        for (let i = 0; i < 250; i++)
          insert.run(
            `many-${i}`,
            `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + Math.floor(i / 12)).padStart(2, '0')}`,
            upwork,
          );
      })();
    } finally {
      shell.close();
    }
    await ledger();
    expect(lotReads).toEqual({ channels: before.channels + 1, days: before.days });
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
    const triggers = () =>
      ctx.db
        .prepare(
          `SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'connects_purchase_%' ORDER BY name`,
        )
        .pluck()
        .all();
    const before = triggers();
    expect(before).toHaveLength(3);
    expect((await ledger()).bought).toBe(30);
    const file = path.join(path.dirname(ctx.dbPath), 'connects.csv');
    fs.writeFileSync(
      file,
      'ref,date,source,category,description,amount,currency,connects\nC1,2026-07-05,Upwork,connects,40 Connects,2.00,USD,40\n',
    );
    expect((await importCsvFile(ctx.db, file, {}, { now: ctx.now })).applied).toBe(true);
    expect(triggers()).toEqual(before);
    const read = lotReads.channels;
    // The new lot is the last of 07-05: 10 free, the $0.10 lot, 5 of the $0.30 lot as before.
    expect(await ledger()).toMatchObject({ bought: 70, balance: 65 });
    expect(lotReads.channels).toBe(read + 1); // no trigger noted its day: the channel is read whole
    await expectFresh();
    // A refused import (a bad row) leaves them too.
    fs.writeFileSync(
      file,
      'ref,date,source,category,description,amount,currency,connects\nC2,2026-13-05,Upwork,connects,x,2.00,USD,40\n',
    );
    expect((await importCsvFile(ctx.db, file, {}, { now: ctx.now })).applied).toBe(false);
    expect(triggers()).toEqual(before);
  });

  it('a rebuild of the rollups reads the lots again', async () => {
    await ledger();
    const read = lotReads.channels;
    rebuildRollups(ctx.db);
    await ledger();
    expect(lotReads.channels).toBe(read + 1);
  });
});
