import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelReport } from '../../shared/api/schemas/reports';
import type { ImportSummary } from '../csv/import-engine';
import { importCsvFile } from '../csv/import-engine';
import { rollupDrift } from '../rollups/rebuild';
import { callOk, openTempCtx, sourceId } from '../../../test-support/temp-db';
import { dispatch } from '../dispatch';

// docs/domain.md §7 on a real SQLite file: a month typed as it happened (3 Won payments, 4 Connects
// purchases), then the month's Upwork statement holding the same 3 payments and 4 purchases.

let ctx: ReturnType<typeof openTempCtx>;
beforeEach(() => (ctx = openTempCtx(new Date('2026-04-05T12:00:00Z'))));
afterEach(() => ctx.close());
const call = <T = unknown>(name: string, input: unknown) => callOk<T>(ctx, name, input);

const header =
  'Date,Transaction ID,Transaction type,Transaction summary,Transaction summary details,Description 1,Description 2,Description 3,Agency team,Freelancer,Client team,Account name,PO,Ref ID,Amount $,Amount in local currency,Currency,Current balance $,Payment method';
const row = (date: string, tx: string, type: string, summary: string, details: string, ref: string, amount: string) =>
  `"${date}",${tx},${type},"${summary}","${details}",,,,,A Freelancer,Client,A Freelancer,,${ref},${amount},,,0.00,`;
/** The month's statement: 3 payments (each with its service fee) and 4 Connects purchases. */
const statement = [
  header,
  row('Mar 6, 2026', '700001', 'Fixed-price', 'Landing page rebuild', 'Milestone 1', '800001', '200.00'),
  row('Mar 6, 2026', '700001', 'Service Fee', 'Landing page rebuild', 'Service fee', '800002', '-20.00'),
  row('Mar 13, 2026', '700003', 'Hourly', 'Shopify theme fixes', 'Earnings for Mar 2-Mar 8, 2026', '800003', '240.00'),
  row('Mar 13, 2026', '700003', 'Service Fee', 'Shopify theme fixes', 'Service fee', '800004', '-24.00'),
  row('Mar 24, 2026', '700005', 'Fixed-price', 'API integration', 'Milestone 1', '800005', '250.00'),
  row('Mar 24, 2026', '700005', 'Service Fee', 'API integration', 'Service fee', '800006', '-25.00'),
  row('Mar 2, 2026', '700007', 'Connects', '40 Connects', '', '800007', '-6.00'),
  row('Mar 9, 2026', '700008', 'Connects', '60 Connects', '', '800008', '-9.00'),
  row('Mar 16, 2026', '700009', 'Connects', '80 Connects', '', '800009', '-12.00'),
  row('Mar 23, 2026', '700010', 'Connects', '100 Connects', '', '800010', '-15.00'),
].join('\n');

function writeStatement(text = statement): string {
  const file = path.join(path.dirname(ctx.dbPath), 'upwork-2026-03.csv');
  fs.writeFileSync(file, `${text}\n`);
  return file;
}

async function typeTheMonth() {
  const upwork = sourceId(ctx, 'Upwork');
  const deals = [
    { title: 'Landing page rebuild', on: '2026-03-03', gross: '200.00' },
    { title: 'Shopify theme fixes', on: '2026-03-10', gross: '240.00' },
    { title: 'API integration', on: '2026-03-20', gross: '250.00' },
  ];
  const leads: number[] = [];
  for (const d of deals) {
    const lead = await call<{ id: number }>('leads:create', {
      sourceId: upwork,
      title: d.title,
      stage: 'won',
      createdOn: '2026-03-02',
      appliedOn: '2026-03-02',
      closedOn: d.on,
      connects: 16,
    });
    leads.push(lead.id);
    // The Won dialog's payment: the fee from the commission rule.
    await call('payments:create', { sourceId: upwork, leadId: lead.id, date: d.on, gross: d.gross });
  }
  for (const [on, count, amount] of [
    ['2026-03-01', 40, '6.00'],
    ['2026-03-08', 60, '9.00'],
    ['2026-03-15', 80, '12.00'],
    ['2026-03-22', 100, '15.00'],
  ] as const) {
    await call('expenses:create', { sourceId: upwork, date: on, category: 'connects', amount, connects: count });
  }
  return { upwork, leads };
}

const march = () => call<ChannelReport>('reports:channels', { from: '2026-03-01', to: '2026-03-31' });
const connects = () =>
  call<{ channels: { source: string; balance: number; bought: number }[] }>('connects:ledger', {
    source: 'Upwork',
    on: '2026-03-31',
  });

describe('a month typed, then its Upwork statement imported (DOMAIN §7)', () => {
  it('counts each payment and purchase once, keeps the links across a re-import, and Undo restores the typed records', async () => {
    const { leads } = await typeTheMonth();
    const typed = await march();
    const typedLedger = await connects();
    expect(typed.channels[0]).toMatchObject({ source: 'Upwork', revenue: 69000, fees: 6900 });
    expect(typedLedger.channels[0]).toMatchObject({ bought: 280 });

    const file = writeStatement();
    const preview = await importCsvFile(ctx.db, file, { dryRun: true }, { now: ctx.now });
    expect(preview.matched.map((m) => [m.imported.kind, m.imported.amountMinor, m.typed.date])).toEqual([
      ['payment', 20000, '2026-03-03'],
      ['payment', 24000, '2026-03-10'],
      ['payment', 25000, '2026-03-20'],
      ['expense', 600, '2026-03-01'],
      ['expense', 900, '2026-03-08'],
      ['expense', 1200, '2026-03-15'],
      ['expense', 1500, '2026-03-22'],
    ]);
    expect(preview.inserted).toBe(0);

    const first = await importCsvFile(ctx.db, file, {}, { now: ctx.now });
    expect([first.applied, first.inserted, first.matched.length, first.possibleDuplicates.length]).toEqual([
      true,
      0,
      7,
      0,
    ]);
    const after = await march();
    const afterLedger = await connects();
    // Every figure equals typing alone; the fees are the statement's (the same here).
    expect(after.channels).toEqual(typed.channels);
    expect(after.totals).toEqual(typed.totals);
    expect(afterLedger.channels[0]).toMatchObject({
      bought: typedLedger.channels[0]!.bought,
      balance: typedLedger.channels[0]!.balance,
    });
    const payments = ctx.db.prepare(`SELECT id, lead_id, date, ref FROM payments ORDER BY id`).all() as {
      id: number;
      lead_id: number;
      date: string;
      ref: string;
    }[];
    expect(payments.map((p) => p.lead_id)).toEqual(leads);
    expect(payments.map((p) => p.date)).toEqual(['2026-03-06', '2026-03-13', '2026-03-24']);
    expect(payments.every((p) => p.ref.startsWith('upwork:'))).toBe(true);

    // A re-import (an overlapping export): nothing changes, the links stay.
    const again = await importCsvFile(ctx.db, file, {}, { now: ctx.now });
    expect([again.inserted, again.updated, again.matched.length]).toEqual([0, 0, 0]);
    expect(
      (ctx.db.prepare(`SELECT lead_id FROM payments ORDER BY id`).all() as { lead_id: number }[]).map((p) => p.lead_id),
    ).toEqual(leads);
    expect(await march()).toEqual(after);

    // A second process sees the same file: rollups agree with the records.
    const other = new Database(ctx.dbPath, { readonly: true });
    try {
      expect((other.prepare(`SELECT COUNT(*) AS n FROM payments`).get() as { n: number }).n).toBe(3);
      expect(
        (other.prepare(`SELECT SUM(connects) AS n FROM expenses WHERE category = 'connects'`).get() as { n: number }).n,
      ).toBe(280);
    } finally {
      other.close();
    }
    expect(rollupDrift(ctx.db)).toEqual([]);

    // Undo of the first import: the typed records come back as they were.
    const undone = await call<{ restored: number; removed: { payments: number; expenses: number } }>('imports:undo', {
      id: first.importId,
    });
    expect(undone).toMatchObject({ restored: 7, removed: { payments: 0, expenses: 0 } });
    const restored = ctx.db.prepare(`SELECT date, ref, import_id FROM payments ORDER BY id`).all() as {
      date: string;
      ref: string;
      import_id: number | null;
    }[];
    expect(restored.map((p) => p.date)).toEqual(['2026-03-03', '2026-03-10', '2026-03-20']);
    expect(restored.every((p) => p.import_id === null && !p.ref.startsWith('upwork:'))).toBe(true);
    expect(await march()).toEqual(typed);
    expect(rollupDrift(ctx.db)).toEqual([]);
  });

  it('before the fix the same sequence doubled revenue: a statement alone adds what typing added', async () => {
    // Without typed records the statement counts once by itself: the import is not what doubles.
    const imported = await importCsvFile(ctx.db, writeStatement(), {}, { now: ctx.now });
    expect([imported.inserted, imported.matched.length]).toEqual([7, 0]);
    expect((await march()).channels[0]).toMatchObject({ revenue: 69000, fees: 6900 });
    expect((await connects()).channels[0]).toMatchObject({ bought: 280 });
  });

  it('links imported payments to the lead whose title the statement names, and says how many', async () => {
    const upwork = sourceId(ctx, 'Upwork');
    const lead = await call<{ id: number }>('leads:create', {
      sourceId: upwork,
      title: 'shopify theme FIXES ',
      stage: 'won',
      createdOn: '2026-03-01',
      closedOn: '2026-03-10',
    });
    const summary = await importCsvFile(ctx.db, writeStatement(), {}, { now: ctx.now });
    expect(summary.leadLinks).toBe(1);
    const linked = ctx.db.prepare(`SELECT gross_minor FROM payments WHERE lead_id = ?`).all(lead.id) as {
      gross_minor: number;
    }[];
    expect(linked).toEqual([{ gross_minor: 24000 }]);
  });

  it('links a payment to the one won lead of its Upwork client ("Client team"), and leaves an unknown client to To assign', async () => {
    const upwork = sourceId(ctx, 'Upwork');
    const won = await call<{ id: number }>('leads:create', {
      sourceId: upwork,
      title: 'Store migration',
      client: 'Post Road Management LLC',
      stage: 'won',
      createdOn: '2026-02-01',
      closedOn: '2026-02-20',
    });
    const text = [
      header,
      `"Mar 6, 2026",1,Hourly,"Weekly retainer","Earnings for Mar 1-Mar 5, 2026",,,,,A Freelancer,Post Road Management LLC,A Freelancer,,2,300.00,,,0.00,`,
      `"Mar 7, 2026",3,Hourly,"Other work","Earnings for Mar 1-Mar 5, 2026",,,,,A Freelancer,Someone Else,A Freelancer,,4,100.00,,,0.00,`,
    ].join('\n');
    const summary = await importCsvFile(ctx.db, writeStatement(text), {}, { now: ctx.now });
    expect(summary.leadLinks).toBe(1);
    expect(ctx.db.prepare(`SELECT gross_minor, lead_id FROM payments ORDER BY id`).all()).toEqual([
      { gross_minor: 30000, lead_id: won.id },
      { gross_minor: 10000, lead_id: null },
    ]);
    const waiting = await call<{ items: { payerName: string }[] }>('payments:to-assign', {});
    expect(waiting.items.map((p) => p.payerName)).toEqual(['Someone Else']);
  });

  it('lists a typed payment 8-31 days away, or one of two candidates, as a possible duplicate; a tick makes it the same', async () => {
    const upwork = sourceId(ctx, 'Upwork');
    await call('payments:create', { sourceId: upwork, date: '2026-02-20', gross: '200.00' }); // 14 days before
    await call('payments:create', { sourceId: upwork, date: '2026-03-12', gross: '240.00' });
    await call('payments:create', { sourceId: upwork, date: '2026-03-14', gross: '240.00' }); // two candidates
    const file = writeStatement();
    const preview = await importCsvFile(ctx.db, file, { dryRun: true }, { now: ctx.now });
    expect(preview.matched).toEqual([]);
    expect(preview.possibleDuplicates.map((d) => [d.imported.amountMinor, d.candidates.map((c) => c.date)])).toEqual([
      [20000, ['2026-02-20']],
      [24000, ['2026-03-12', '2026-03-14']],
    ]);
    const tick = preview.possibleDuplicates[1]!;
    const done = await importCsvFile(
      ctx.db,
      file,
      { sameAs: [{ ref: tick.imported.ref, id: tick.candidates[1]!.id }] },
      { now: ctx.now },
    );
    expect(done.matched.map((m) => m.typed.id)).toEqual([tick.candidates[1]!.id]);
    expect(done.possibleDuplicates.map((d) => d.imported.amountMinor)).toEqual([20000]);
  });

  it('weekly purchases of the same size are several candidates each: imported as new and listed (DOMAIN §7 "unsure")', async () => {
    const upwork = sourceId(ctx, 'Upwork');
    for (const on of ['2026-03-01', '2026-03-08'])
      await call('expenses:create', {
        sourceId: upwork,
        date: on,
        category: 'connects',
        amount: '12.00',
        connects: 80,
      });
    const weekly = [
      header,
      row('Mar 2, 2026', '1', 'Connects', '80 Connects', '', '2', '-12.00'),
      row('Mar 9, 2026', '3', 'Connects', '80 Connects', '', '4', '-12.00'),
    ].join('\n');
    const summary = await importCsvFile(ctx.db, writeStatement(weekly), {}, { now: ctx.now });
    expect(summary.matched).toEqual([]);
    expect(summary.possibleDuplicates.map((d) => d.candidates.map((c) => c.date))).toEqual([
      ['2026-03-01', '2026-03-08'],
      ['2026-03-01', '2026-03-08'],
    ]);
  });

  it('refuses Undo, naming the record, once a payment of the import was edited', async () => {
    const upwork = sourceId(ctx, 'Upwork');
    const summary = await importCsvFile(ctx.db, writeStatement(), {}, { now: ctx.now });
    const lead = await call<{ id: number }>('leads:create', {
      sourceId: upwork,
      title: 'Other',
      createdOn: '2026-03-01',
    });
    const payment = ctx.db.prepare(`SELECT id FROM payments WHERE gross_minor = 25000`).get() as { id: number };
    await call('payments:update', { id: payment.id, leadId: lead.id });
    const refused = await dispatch(ctx, 'imports:undo', { id: summary.importId });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.message).toMatch(
      new RegExp(`payment #${payment.id} \\(2026-03-24 250.00 USD\\)`),
    );
    expect((ctx.db.prepare(`SELECT COUNT(*) AS n FROM payments`).get() as { n: number }).n).toBe(3);
  });

  it('a refused import reports nothing inserted', async () => {
    const bad = `${statement}\n${row('Mar 30, 2026', '700011', 'Connects', '40 Connects', '', '800011', '6.00')}`;
    const summary: ImportSummary = await importCsvFile(ctx.db, writeStatement(bad), {}, { now: ctx.now });
    expect([summary.applied, summary.inserted, summary.invalidCount]).toEqual([false, 0, 1]);
    expect(summary.invalid[0]!.message).toMatch(/^amount: A Connects purchase cannot be negative/);
  });
});
