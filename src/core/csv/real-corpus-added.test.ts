import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempCtx, sourceId } from '../../../test-support/temp-db';
import { rollupDrift } from '../rollups/rebuild';
import { saveProjectMapping } from '../time/time-projects-repo';
import { importCsvFile } from './import-engine';
import type { ImportOptions } from './file-plan';

// The files SOURCES.md lists as "Added 2026-12-06" (time trackers, Wise, PayPal Statement and activity
// with holds and conversions) against its expected figures (docs/domain.md §3, §6). Read from
// ../shared/corpus/real, never copied; skipped, saying why, without it.

const corpus = path.resolve(import.meta.dirname, '../../../../shared/corpus/real');
const present = fs.existsSync(path.join(corpus, 'SOURCES.md'));

let ctx: ReturnType<typeof openTempCtx>;
beforeEach(() => {
  ctx = openTempCtx(new Date('2026-12-06T12:00:00Z'));
});
afterEach(() => ctx.close());

const all = <T>(sql: string) => ctx.db.prepare(sql).all() as T[];
const importFile = (name: string, options: ImportOptions = {}) =>
  importCsvFile(ctx.db, path.join(corpus, name), options, { now: ctx.now });
const money = () =>
  all(
    `SELECT currency, SUM(gross_minor) AS gross, SUM(fee_minor) AS fee, COUNT(*) AS count FROM payments GROUP BY currency`,
  );
const minutesBy = (column: string) =>
  Object.fromEntries(
    all<{ k: string; m: number }>(
      `SELECT ${column} AS k, SUM(minutes) AS m FROM time_entries GROUP BY 1 ORDER BY 1`,
    ).map((r) => [r.k, r.m]),
  );

/** Imports twice: the second adds nothing. */
async function importTwice(name: string, options: ImportOptions = {}) {
  const s = await importFile(name, options);
  expect(s.invalid).toEqual([]);
  expect(s.applied).toBe(true);
  expect(rollupDrift(ctx.db)).toEqual([]);
  const again = await importFile(name, options);
  expect(again).toMatchObject({ inserted: 0, updated: 0 });
  return s;
}

describe.skipIf(!present)('the corpus files added 2026-12-06 import with the figures of SOURCES.md', () => {
  it('toggl_vages_2018-10.csv: 21 entries, 2,903 minutes, by project through the saved project mapping and by day', async () => {
    const now = ctx.now().toISOString();
    // Each project on a channel of its own, so the mapping shows in the figures.
    for (const [project, channel] of [
      ['Entur', 'Upwork'],
      ['Knowit', 'LinkedIn'],
      ['Fagarbeid', 'Personal website'],
    ] as const) {
      saveProjectMapping(
        ctx.db,
        { client: '', project, sourceId: sourceId(ctx, channel), leadId: null, kind: 'delivery' },
        now,
      );
    }
    const s = await importTwice('toggl_vages_2018-10.csv');
    expect(s).toMatchObject({ format: 'toggl', rows: 21, inserted: 21 });
    expect(all(`SELECT COUNT(*) AS n, SUM(minutes) AS m FROM time_entries`)).toEqual([{ n: 21, m: 2903 }]);
    expect(minutesBy(`(SELECT name FROM sources WHERE id = source_id)`)).toEqual({
      Upwork: 2402,
      LinkedIn: 279,
      'Personal website': 222,
    });
    expect(minutesBy('date')).toEqual({
      '2018-10-08': 483,
      '2018-10-09': 612,
      '2018-10-10': 572,
      '2018-10-11': 443,
      '2018-10-12': 793,
    });
  });

  it('toggl_vages_2018-10.csv without a mapping: every row an invalid row naming its project, nothing written', async () => {
    const s = await importFile('toggl_vages_2018-10.csv');
    expect(s.applied).toBe(false);
    expect(s.counts.invalid['unmapped project']!.count).toBe(21);
    expect(new Set(s.invalid.map((r) => r.message))).toEqual(
      new Set([
        'project "Entur" is not mapped to a channel',
        'project "Knowit" is not mapped to a channel',
        'project "Fagarbeid" is not mapped to a channel',
      ]),
    );
    expect(all(`SELECT * FROM time_entries`)).toEqual([]);
  });

  it.each([
    ['toggl_solidtime_test1.csv', 'toggl'],
    ['clockify_solidtime_test1.csv', 'clockify'],
  ])('%s: 1 entry of 60 minutes on 2024-03-04, 1 zero-length entry skipped and counted', async (name, format) => {
    const s = await importTwice(name, { source: 'Upwork' });
    expect(s.format).toBe(format);
    expect(all(`SELECT date, minutes, note FROM time_entries`)).toEqual([
      { date: '2024-03-04', minutes: 60, note: 'Working hard · Task 1' },
    ]);
    expect(s.counts.skipped).toEqual({ 'entries under half a minute': 1 });
  });

  it('harvest_solidtime_test1.csv: 1,200 and 1 minutes on 2024-03-04 (hours with a decimal comma); billable amounts are not revenue', async () => {
    const now = ctx.now().toISOString();
    saveProjectMapping(
      ctx.db,
      {
        client: '',
        project: 'Project without Client',
        sourceId: sourceId(ctx, 'Upwork'),
        leadId: null,
        kind: 'delivery',
      },
      now,
    );
    saveProjectMapping(
      ctx.db,
      {
        client: 'Big Company',
        project: 'Project for Big Company',
        sourceId: sourceId(ctx, 'LinkedIn'),
        leadId: null,
        kind: 'sales',
      },
      now,
    );
    const s = await importTwice('harvest_solidtime_test1.csv');
    expect(s.format).toBe('harvest');
    expect(all(`SELECT date, minutes, kind FROM time_entries ORDER BY minutes DESC`)).toEqual([
      { date: '2024-03-04', minutes: 1200, kind: 'delivery' },
      { date: '2024-03-04', minutes: 1, kind: 'sales' },
    ]);
    expect(money()).toEqual([]);
  });

  it('wise_kedder_2020layout.csv: 1 payment of 12,500, fees 1,152 counted once, 2 transfers', async () => {
    const s = await importTwice('wise_kedder_2020layout.csv');
    expect(s.format).toBe('wise');
    expect(money()).toEqual([{ currency: 'USD', gross: 12500, fee: 0, count: 1 }]);
    expect(all(`SELECT category, SUM(amount_minor) AS amount FROM expenses GROUP BY category`)).toEqual([
      { category: 'fee', amount: 1152 },
    ]);
    expect(s.transfers).toBe(2);
  });

  it('paypal_oca_statement_en.csv: a Statement report, not our payments format: 7 payments, 2,201,080 gross, 81,650 fee; 12 transfers', async () => {
    const s = await importTwice('paypal_oca_statement_en.csv', { source: 'PayPal' });
    expect(s.format).toBe('paypal-statement');
    expect(money()).toEqual([{ currency: 'USD', gross: 2201080, fee: 81650, count: 7 }]);
    expect(s.transfers).toBe(12);
  });

  it('paypal_oca_activity_en.csv: 26 USD payments, 7,066,080 gross, 292,588 fee; 48 rows neither revenue nor cost; 2 purchases skipped', async () => {
    const s = await importTwice('paypal_oca_activity_en.csv');
    expect(s.format).toBe('paypal');
    expect(money()).toEqual([{ currency: 'USD', gross: 7066080, fee: 292588, count: 26 }]);
    expect(s.transfers).toBe(48);
    expect(s.counts.skipped).toEqual({ 'outgoing payment (purchase)': 2 });
  });
});

describe.skipIf(present)('the corpus files added 2026-12-06', () => {
  it.skip(`are not at ${corpus}: the figures of SOURCES.md were not checked`, () => {});
});
