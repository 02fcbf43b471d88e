import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempCtx, sourceId } from '../../../test-support/temp-db';
import { rollupDrift } from '../rollups/rebuild';
import { saveProjectMapping } from '../time/time-projects-repo';
import { importCsvFile } from './import-engine';
import type { ImportOptions } from './file-plan';

// docs/domain.md §3 and §6 on files of our own making, one quirk each: PayPal Statement reports in
// other languages, damaged text and ids, holds and conversions, Wise 2025, time trackers.

const fixture = (name: string) => path.join(import.meta.dirname, '__fixtures__', name);

let ctx: ReturnType<typeof openTempCtx>;
beforeEach(() => {
  ctx = openTempCtx(new Date('2026-12-06T12:00:00Z'));
});
afterEach(() => ctx.close());

const run = (name: string, options: ImportOptions = {}) =>
  importCsvFile(ctx.db, fixture(name), options, { now: ctx.now });
const all = <T>(sql: string) => ctx.db.prepare(sql).all() as T[];
const money = () =>
  all<{ currency: string; gross: number; fee: number; n: number }>(
    `SELECT currency, SUM(gross_minor) AS gross, SUM(fee_minor) AS fee, COUNT(*) AS n FROM payments GROUP BY currency`,
  );
const time = () =>
  all<{ date: string; minutes: number; kind: string }>(
    `SELECT date, minutes, kind FROM time_entries ORDER BY date, minutes`,
  );

describe('PayPal Statement reports and other languages (§3)', () => {
  it('a Spanish Statement report (trailing empty columns, decimal comma, DD/MM): payments with fee = Gross − Net; holds, releases, conversions and withdrawals are transfers', async () => {
    const s = await run('paypal-statement-es.csv');
    expect(s.invalid).toEqual([]);
    expect(s.format).toBe('paypal-intl');
    expect(money()).toEqual([{ currency: 'EUR', gross: 137000, fee: 4819, n: 2 }]);
    expect(s.transfers).toBe(5);
    expect(rollupDrift(ctx.db)).toEqual([]);
  });

  it('an English Statement report is never our payments format, even asked for PayPal; MM-DD-YYYY dates without leading zeros read', async () => {
    const s = await run('paypal-statement-en-dashes.csv', { source: 'PayPal' });
    expect(s.format).toBe('paypal-statement');
    expect(s.readAs).toContain('Date as MM-DD-YYYY');
    expect(money()).toEqual([{ currency: 'USD', gross: 128000, fee: 3772, n: 2 }]);
    expect(all<{ date: string }>(`SELECT date FROM payments ORDER BY date`).map((r) => r.date)).toEqual([
      '2024-01-15',
      '2024-02-03',
    ]);
    await expect(run('paypal-statement-en-dashes.csv', { as: 'payments' })).rejects.toThrow(/not payments CSV/);
  });

  it('a damaged Brazilian export (", " separators, � and ? for letters, one spreadsheet-mangled id on every row): read, keyed without ids, and said', async () => {
    const s = await run('paypal-br-damaged.csv');
    expect(s.invalid).toEqual([]);
    expect(s.delimiter).toBe(', ');
    expect(money()).toEqual([{ currency: 'BRL', gross: 140000, fee: 7000, n: 3 }]);
    expect(s.transfers).toBe(2);
    expect(s.counts.skipped).toEqual({ 'not completed (Pendente)': 1 });
    expect(s.readAs.join('\n')).toMatch(/text was damaged/);
    expect(s.readAs.join('\n')).toMatch(/transaction ids damaged/);
    expect(s.readAs.join('\n')).toMatch(/types or statuses damaged/);
    expect(s.readAs).toContain('Data as DD-MM-YYYY');
    const again = await run('paypal-br-damaged.csv');
    expect(again).toMatchObject({ inserted: 0, updated: 0 });
    expect(money()[0]!.n).toBe(3);
  });

  it('a big file whose first rows showed no damaged id: the import starts again deciding from every row, and nothing is merged', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadledger-ids-'));
    const file = path.join(dir, 'paypal-late-damage.csv');
    const header = '"Date","Time","TimeZone","Name","Type","Status","Currency","Gross","Fee","Net","Transaction ID"';
    const rows = Array.from({ length: 40 }, (_, i) => {
      const id = i < 20 ? `9XY${String(i).padStart(14, '0')}` : '1,23456765432346E+021';
      return `"1/${(i % 28) + 1}/2024","10:${String(i).padStart(2, '0')}:00","PST","Client ${i}","Website Payment","Completed","USD","${100 + i}.00","-3.00","${97 + i}.00","${id}"`;
    });
    fs.writeFileSync(file, [header, ...rows].join('\n'));
    const saved = { ...process.env };
    Object.assign(process.env, { LEADLEDGER_IMPORT_BULK_BYTES: '100', LEADLEDGER_IMPORT_FIRST_ROWS: '5' });
    try {
      const s = await importCsvFile(ctx.db, file, {}, { now: ctx.now });
      expect(s).toMatchObject({ applied: true, inserted: 40, invalidCount: 0 });
      expect(s.readAs.join('\n')).toMatch(/transaction ids damaged/);
      expect(money()).toEqual([{ currency: 'USD', gross: 40 * 10000 + ((39 * 40) / 2) * 100, fee: 40 * 300, n: 40 }]);
    } finally {
      process.env = saved;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('any id on rows that differ is no key (not only a spreadsheet number): both payments kept', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadledger-ids-'));
    const file = path.join(dir, 'paypal-same-id.csv');
    fs.writeFileSync(
      file,
      [
        '"Date","Time","TimeZone","Name","Type","Status","Currency","Gross","Fee","Net","Transaction ID"',
        '"1/5/2024","10:00:00","PST","A","Website Payment","Completed","USD","100.00","-3.20","96.80","7TRUNCATED"',
        '"1/6/2024","11:00:00","PST","B","Website Payment","Completed","USD","50.00","-1.75","48.25","7TRUNCATED"',
      ].join('\n'),
    );
    try {
      const s = await importCsvFile(ctx.db, file, {}, { now: ctx.now });
      expect(s).toMatchObject({ inserted: 2, invalidCount: 0 });
      expect(money()).toEqual([{ currency: 'USD', gross: 15000, fee: 495, n: 2 }]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a payment held and released counts once; conversions are never revenue', async () => {
    const s = await run('paypal-holds.csv');
    expect(money()).toEqual([{ currency: 'USD', gross: 50000, fee: 1480, n: 1 }]);
    expect(s.transfers).toBe(6);
  });
});

describe('Wise statements (§3)', () => {
  it('the 2025 layout: money received is a payment with its charge as fee; other charges are fee expenses; Total fees never added', async () => {
    const s = await run('wise-2025.csv');
    expect(s.invalid).toEqual([]);
    expect(s.format).toBe('wise');
    expect(money()).toEqual([{ currency: 'USD', gross: 100000, fee: 414, n: 1 }]);
    expect(all(`SELECT category, amount_minor, currency FROM expenses`)).toEqual([
      { category: 'fee', amount_minor: 250, currency: 'USD' },
    ]);
    expect(s.transfers).toBe(4);
    expect(all(`SELECT payer_name, rail FROM payments`)).toEqual([{ payer_name: 'Acme Ltd', rail: 'bank' }]);
    const again = await run('wise-2025.csv');
    expect(again).toMatchObject({ inserted: 0, updated: 0 });
  });
});

describe('time trackers (§6)', () => {
  it('a Toggl subset keeping Start date and Duration: minutes half up on the start day, under half a minute skipped and counted', async () => {
    const s = await run('toggl-subset.csv', { source: 'Upwork', kind: 'sales' });
    expect(s.invalid).toEqual([]);
    expect(s.format).toBe('toggl');
    expect(s.counts.skipped).toEqual({ 'entries under half a minute': 1 });
    expect(time()).toEqual([
      { date: '2026-09-01', minutes: 90, kind: 'sales' },
      { date: '2026-09-01', minutes: 90, kind: 'sales' },
      { date: '2026-09-02', minutes: 1, kind: 'sales' },
      { date: '2026-09-02', minutes: 180, kind: 'sales' },
      { date: '2026-09-03', minutes: 46, kind: 'sales' },
    ]);
    expect(rollupDrift(ctx.db)).toEqual([]);
  });

  it('re-importing an overlapping export adds only the new entries', async () => {
    await run('toggl-subset.csv', { source: 'Upwork' });
    const s = await run('toggl-subset-overlap.csv', { source: 'Upwork' });
    expect(s).toMatchObject({ inserted: 1, unchanged: 3 });
    expect(time().reduce((n, r) => n + r.minutes, 0)).toBe(90 + 90 + 1 + 180 + 46 + 20);
  });

  it('without a mapping or --source, rows of an unmapped project are invalid rows naming it; a saved mapping is used by later imports', async () => {
    const refused = await run('toggl-subset.csv');
    expect(refused.applied).toBe(false);
    expect(refused.invalid[0]!.message).toBe('project "Website" is not mapped to a channel');
    expect(refused.counts.invalid['unmapped project']!.count).toBe(5);
    const now = ctx.now().toISOString();
    saveProjectMapping(
      ctx.db,
      { client: '', project: 'Website', sourceId: sourceId(ctx, 'Upwork'), leadId: null, kind: 'delivery' },
      now,
    );
    saveProjectMapping(
      ctx.db,
      { client: '', project: 'proposals', sourceId: sourceId(ctx, 'LinkedIn'), leadId: null, kind: 'sales' },
      now,
    );
    const s = await run('toggl-subset.csv');
    expect(s.invalid).toEqual([]);
    expect(
      all(
        `SELECT s.name AS source, t.kind, SUM(t.minutes) AS minutes FROM time_entries t JOIN sources s ON s.id = t.source_id GROUP BY 1, 2 ORDER BY 1`,
      ),
    ).toEqual([
      { source: 'LinkedIn', kind: 'sales', minutes: 47 },
      { source: 'Upwork', kind: 'delivery', minutes: 360 },
    ]);
  });

  it('a Toggl Summary report is named, with what to export instead', async () => {
    await expect(run('toggl-summary.csv', { source: 'Upwork' })).rejects.toThrow(
      'This is a Toggl Track Summary report: export the Detailed report instead',
    );
  });

  it('Clockify with DD/MM dates and 12-hour times: the start day, even past midnight', async () => {
    const s = await run('clockify-day-first.csv', { source: 'Upwork' });
    expect(s.invalid).toEqual([]);
    expect(s.readAs).toContain('Start Date as DD/MM/YYYY');
    expect(time()).toEqual([
      { date: '2026-03-13', minutes: 90, kind: 'delivery' },
      { date: '2026-04-02', minutes: 30, kind: 'delivery' },
    ]);
    expect(await run('clockify-day-first.csv', { source: 'Upwork' })).toMatchObject({ inserted: 0, unchanged: 2 });
  });

  it('Harvest hours with a decimal point: × 60 half up; billable amounts are not revenue', async () => {
    const s = await run('harvest-hours.csv', { source: 'Upwork' });
    expect(s.format).toBe('harvest');
    expect(time().map((r) => r.minutes)).toEqual([90, 15]);
    expect(s.counts.skipped).toEqual({ 'entries under half a minute': 1 });
    expect(money()).toEqual([]);
  });
});
