import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../dispatch';
import { rollupDrift } from '../rollups/rebuild';
import { planRange } from '../rollups/ranges';
import { openTempCtx, sourceId } from '../../../test-support/temp-db';
import { buildReport } from './reports-service';
import { loadSampleData } from '../app/sample-data';

// The report reads whole months from the month rollups and only the edge months from the day
// rollups. These tests prove that gives exactly the day-only computation (every number, warning and
// chart row), including a month whose credit price changes mid-month.

describe('planRange', () => {
  const everyDay = { first: '2000-01-01', last: '2099-12-31' };
  it('reads whole months from the month tables and edge months day by day', () => {
    expect(planRange('2026-01-18', '2026-04-10', everyDay)).toEqual({
      months: ['2026-02', '2026-03'],
      add: [
        ['2026-01-18', '2026-01-31'],
        ['2026-04-01', '2026-04-10'],
      ],
      subtract: [],
    });
    expect(planRange('2026-01-01', '2026-03-31', everyDay)).toEqual({
      months: ['2026-01', '2026-03'],
      add: [],
      subtract: [],
    });
    expect(planRange('2024-02-01', '2024-02-29', everyDay)).toEqual({
      months: ['2024-02', '2024-02'],
      add: [],
      subtract: [],
    });
    expect(planRange('2026-01-20', '2026-02-10', everyDay)).toEqual({
      months: null,
      add: [
        ['2026-01-20', '2026-01-31'],
        ['2026-02-01', '2026-02-10'],
      ],
      subtract: [],
    });
  });
  it('reads an edge month whole minus its outside days when those are fewer', () => {
    expect(planRange('2026-01-03', '2026-04-28', everyDay)).toEqual({
      months: ['2026-01', '2026-04'],
      add: [],
      subtract: [
        ['2026-01-01', '2026-01-02'],
        ['2026-04-29', '2026-04-30'],
      ],
    });
    expect(planRange('2026-03-03', '2026-03-29', everyDay)).toEqual({
      months: ['2026-03', '2026-03'],
      add: [],
      subtract: [
        ['2026-03-01', '2026-03-02'],
        ['2026-03-30', '2026-03-31'],
      ],
    });
    expect(planRange('2025-12-02', '2026-01-05', everyDay)).toEqual({
      months: ['2025-12', '2025-12'],
      add: [['2026-01-01', '2026-01-05']],
      subtract: [['2025-12-01', '2025-12-01']],
    });
    expect(planRange('2024-02-01', '2024-02-28', everyDay)).toEqual({
      months: ['2024-02', '2024-02'],
      add: [],
      subtract: [['2024-02-29', '2024-02-29']],
    });
  });
  it('counts only days that can hold records, so all time reads month rows only', () => {
    const span = { first: '2025-02-17', last: '2026-08-15' };
    expect(planRange('2025-02-17', '2026-08-15', span)).toEqual({
      months: ['2025-02', '2026-08'],
      add: [],
      subtract: [
        ['2025-02-01', '2025-02-16'],
        ['2026-08-16', '2026-08-31'],
      ],
    });
    expect(planRange('2019-03-05', '2019-03-06', span)).toEqual({
      months: null,
      add: [['2019-03-05', '2019-03-06']],
      subtract: [],
    });
    expect(planRange('2026-01-01', '2026-12-31', span, true)).toEqual({
      months: null,
      add: [['2026-01-01', '2026-12-31']],
      subtract: [],
    });
  });
});

let ctx: ReturnType<typeof openTempCtx>;
beforeAll(async () => {
  ctx = openTempCtx();
  loadSampleData(ctx, { leads: 4000, seed: 5, extraPayments: 600, extraExpenses: 600 });
  const upwork = sourceId(ctx, 'Upwork');
  const fiverr = sourceId(ctx, 'Fiverr');
  const run = async (name: string, input: unknown) => {
    const r = await dispatch(ctx, name, input);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  };
  // Credit prices: on a 1st (no split), mid-month twice in one month, mid-month in another, in a
  // currency without rates for some months; and a second channel priced mid-month.
  await run('costs:create-credit-price', { sourceId: upwork, effectiveFrom: '2025-11-01', unitPrice: '0.16' });
  await run('costs:create-credit-price', { sourceId: upwork, effectiveFrom: '2026-03-10', unitPrice: '0.18' });
  await run('costs:create-credit-price', { sourceId: upwork, effectiveFrom: '2026-03-24', unitPrice: '0.19' });
  await run('costs:create-credit-price', {
    sourceId: upwork,
    effectiveFrom: '2026-06-17',
    unitPrice: '0.14',
    currency: 'EUR',
  });
  await run('costs:create-credit-price', { sourceId: fiverr, effectiveFrom: '2026-02-11', unitPrice: '1.00' });
  await run('rates:set', { currency: 'EUR', month: '2026-06', rate: '1.0845' });
  await run('rates:set', { currency: 'EUR', month: '2026-08', rate: '1.12' });
  for (const [i, month] of ['2026-02', '2026-03', '2026-06', '2026-07'].entries()) {
    await run('leads:create', {
      sourceId: fiverr,
      title: 'EUR job',
      createdOn: `${month}-1${i}`,
      appliedOn: `${month}-1${i}`,
      closedOn: `${month}-2${i}`,
      stage: 'won',
      value: '99.99',
      currency: 'EUR',
      connects: 3,
    });
    await run('payments:create', {
      date: `${month}-0${i + 1}`,
      sourceId: fiverr,
      gross: `${333 + i}.33`,
      currency: 'EUR',
    });
    await run('expenses:create', {
      date: `${month}-2${i}`,
      category: 'advertising',
      amount: `1${i}.5`,
      currency: 'EUR',
    });
  }
  await run('subscriptions:create', {
    sourceId: fiverr,
    name: 'Seller Plus',
    period: 'yearly',
    amount: '290.00',
    currency: 'EUR',
    startsOn: '2025-05-31',
  });
});
afterAll(() => ctx.close());

describe('month rollups give the day-only report', () => {
  const ranges: [string, string | null, string | null][] = [
    ['all time', null, null],
    ['mid-month to mid-month', '2025-04-17', '2026-05-09'],
    ['whole months', '2025-09-01', '2026-07-31'],
    ['one whole month with two mid-month price changes', '2026-03-01', '2026-03-31'],
    ['whole months around the EUR price change', '2026-05-01', '2026-08-31'],
    ['starts mid-month, ends on a month end', '2026-02-11', '2026-06-30'],
    ['starts on a 1st, ends mid-month', '2026-01-01', '2026-06-16'],
    ['inside one month, read whole minus its outside days', '2026-03-05', '2026-03-27'],
    ['inside one month, read day by day', '2026-06-10', '2026-06-20'],
    ['edge months read whole minus outside days, with price changes', '2026-03-03', '2026-06-28'],
    ['head read whole minus a day, tail day by day', '2025-12-02', '2026-01-05'],
    ['across a year end', '2025-12-31', '2026-01-01'],
    ['before any record', '2019-01-01', '2019-12-31'],
  ];
  for (const [label, from, to] of ranges) {
    for (const basis of ['cash', 'usage'] as const) {
      it(`${label}, ${basis}`, () => {
        const query = { from, to, basis };
        const months = buildReport(ctx, query);
        const days = buildReport(ctx, query, true, { dayOnly: true });
        expect(months.report).toEqual(days.report);
        expect(months.detail).toEqual(days.detail);
        // Without the chart, base-currency sums are read over all months at once.
        expect(buildReport(ctx, query, false).report).toEqual(days.report);
      });
    }
  }

  it('has data worth comparing, and rollups without drift', () => {
    const { report } = buildReport(ctx, { from: '2026-03-01', to: '2026-03-31', basis: 'usage' });
    const upwork = report.channels.find((c) => c.source === 'Upwork')!;
    expect(upwork.connectsSpent).toBeGreaterThan(100);
    expect(upwork.costs).toBeGreaterThan(0);
    const all = buildReport(ctx, { basis: 'usage' }).report;
    expect(all.totals.leads).toBeGreaterThan(4000);
    expect(all.warnings.length).toBeGreaterThan(0);
    expect(rollupDrift(ctx.db)).toEqual([]);
  });

  it('has a price-change month worth testing: valued at the price of its 1st, March would cost otherwise', () => {
    // Whole March read from the month table at the 1st's price would differ: the day-only path is the truth.
    const march = buildReport(ctx, { from: '2026-03-01', to: '2026-03-31', basis: 'usage' }).report.channels.find(
      (c) => c.source === 'Upwork',
    )!;
    const net = (
      ctx.db
        .prepare(
          `SELECT SUM(connects_spent - connects_refunded) AS n FROM lead_rollup_month WHERE source_id = ? AND month = '2026-03'`,
        )
        .get(sourceId(ctx, 'Upwork')) as { n: number }
    ).n;
    const expenses = (
      ctx.db
        .prepare(
          `SELECT COALESCE(SUM(amount_minor), 0) AS n FROM expense_rollup_month WHERE source_id = ? AND month = '2026-03' AND category != 'connects'`,
        )
        .get(sourceId(ctx, 'Upwork')) as { n: number }
    ).n;
    const subscription = 1999;
    expect(march.costs).not.toBe(net * 16 + expenses + subscription);
  });
});
