import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectsLedger } from '../../shared/api/schemas/connects';
import type { ChannelReport } from '../../shared/api/schemas/reports';
import { importCsvFile } from '../csv/import-engine';
import { callError } from '../../../test-support/calls';
import { callOk, openTempCtx, sourceId } from '../../../test-support/temp-db';

// docs/domain.md §5.3: each connects purchase is its own FIFO lot (same day, different prices, in the
// order entered), and a purchase without a count is asked for (form, API) or warned about (import, ledger,
// report). Clock pinned at 2026-08-15; Upwork: 10 free Connects a month, $0.15 each.
let ctx: ReturnType<typeof openTempCtx>;
let upwork: number;
let dir: string;
beforeEach(() => {
  ctx = openTempCtx();
  upwork = sourceId(ctx, 'Upwork');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-purchases-'));
});
afterEach(() => {
  ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const call = <T = unknown>(name: string, input: unknown) => callOk<T>(ctx, name, input);
const ledger = async () =>
  (await call<{ channels: ConnectsLedger[] }>('connects:ledger', { source: 'Upwork' })).channels[0]!;
const buy = (date: string, amount: string, connects: number) =>
  call('expenses:create', { date, sourceId: upwork, category: 'connects', amount, connects });
const julyUsage = async () =>
  (
    await call<ChannelReport>('reports:channels', { from: '2026-07-01', to: '2026-07-31', basis: 'usage' })
  ).channels.find((c) => c.source === 'Upwork')!;

describe('purchases on one day are separate lots', () => {
  beforeEach(async () => {
    await call('connects:set-opening', { sourceId: upwork, count: 0, on: '2026-07-01' });
  });

  it('cheap lot entered first: 10 free + 10 at $0.10 + 5 at $0.30 = $2.50', async () => {
    await buy('2026-07-05', '1.00', 10);
    await buy('2026-07-05', '3.00', 10);
    await call('leads:create', { sourceId: upwork, title: 'bid', createdOn: '2026-07-06', connects: 25 });
    // Averaged into one lot (20 for $4.00) the 15 paid credits would cost $3.00 instead.
    expect((await julyUsage()).costs).toBe(0 + 100 + 150);
    // 07-01 +10, 07-05 +20, 07-06 −25, 08-01 +10.
    expect(await ledger()).toMatchObject({ bought: 20, spent: 25, uncovered: 0, balance: 15 });
  });

  it('dear lot entered first: 10 free + 10 at $0.30 + 5 at $0.10 = $3.50', async () => {
    await buy('2026-07-05', '3.00', 10);
    await buy('2026-07-05', '1.00', 10);
    await call('leads:create', { sourceId: upwork, title: 'bid', createdOn: '2026-07-06', connects: 25 });
    expect((await julyUsage()).costs).toBe(300 + 50);
  });

  it('a lot left over keeps its own price: its expiry costs what is left of it', async () => {
    await call('connects:set-opening', { sourceId: upwork, count: 0, on: '2025-07-01' });
    await buy('2025-07-05', '1.00', 10);
    await buy('2025-07-05', '3.00', 10);
    // 2025-07-06: 15 spent = 10 free + 5 of the $1.00 lot. Left: 5 at $0.10 and 10 at $0.30, expiring 2026-07-05.
    await call('leads:create', { sourceId: upwork, title: 'bid', createdOn: '2025-07-06', connects: 15 });
    expect((await julyUsage()).costs).toBe(50 + 300);
    expect((await julyUsage()).connectsExpired).toBe(15);
  });
});

describe('a connects purchase without a count', () => {
  it('the form and the API ask for the count; a negative purchase is refused (docs/domain.md §7 signs)', async () => {
    const e = await callError(ctx, 'expenses:create', {
      date: '2026-07-05',
      sourceId: upwork,
      category: 'connects',
      amount: '6.00',
    });
    expect(e.fields).toEqual([{ path: 'connects', message: expect.stringContaining('How many Connects') }]);
    const negative = await callError(ctx, 'expenses:create', {
      date: '2026-07-05',
      sourceId: upwork,
      category: 'connects',
      amount: '-1.50',
      connects: 10,
    });
    expect(negative.fields).toEqual([
      { path: 'amount', message: expect.stringContaining('A Connects purchase cannot be negative') },
    ]);
    const bought = await call<{ id: number }>('expenses:create', {
      date: '2026-07-05',
      sourceId: upwork,
      category: 'connects',
      amount: '6.00',
      connects: 40,
    });
    const cleared = await callError(ctx, 'expenses:update', { id: bought.id, connects: 0 });
    expect(cleared.fields?.[0]?.path).toBe('connects');
    expect(await ledger()).toMatchObject({ bought: 40 });
  });

  it('an import keeps it, and the import summary, the ledger and the report say it is not counted', async () => {
    const file = path.join(dir, 'expenses.csv');
    fs.writeFileSync(
      file,
      'ref,date,source,category,description,amount,currency,connects\nc1,2026-07-05,Upwork,connects,Connects,6.00,USD,\nc2,2026-07-06,Upwork,connects,40 Connects,6.00,USD,40\n',
    );
    const summary = await importCsvFile(ctx.db, file, {}, { now: ctx.now });
    expect(summary.inserted).toBe(2);
    expect(summary.warnings).toContain(
      '1 connects purchase has no count (Upwork 2026-07-05 6.00 USD): not in the Connects balance until you add how many on the Costs page',
    );
    const l = await ledger();
    expect(l).toMatchObject({ bought: 40 });
    const warning =
      'Upwork: 1 Connects purchase has no count (2026-07-05 6.00 USD): not in the balance or the usage costs; add how many Connects on the Costs page';
    expect(l.warnings).toContain(warning);
    expect(
      (await call<ChannelReport>('reports:channels', { from: '2026-07-01', to: '2026-07-31', basis: 'usage' }))
        .warnings,
    ).toContain(warning);
    expect(
      (await call<ChannelReport>('reports:channels', { from: '2026-08-01', to: '2026-08-31', basis: 'usage' }))
        .warnings,
    ).not.toContain(warning);
    // Adding the count on the Costs page brings it in.
    const row = (await call<{ items: { id: number; ref: string }[] }>('expenses:list', {})).items.find(
      (x) => x.ref === 'c1',
    )!;
    await call('expenses:update', { id: row.id, connects: 40 });
    expect(await ledger()).toMatchObject({ bought: 80, warnings: expect.not.arrayContaining([warning]) });
  });
});
