import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelReport } from '../../shared/api/schemas/reports';
import { dispatch } from '../dispatch';
import { callOk, openTempCtx, sourceId } from '../../../test-support/temp-db';

let ctx: ReturnType<typeof openTempCtx>;
beforeEach(() => (ctx = openTempCtx()));
afterEach(() => ctx.close());

const call = <T = unknown>(name: string, input: unknown) => callOk<T>(ctx, name, input);

async function fail(name: string, input: unknown) {
  const result = await dispatch(ctx, name, input);
  if (result.ok) throw new Error(`${name} should have failed`);
  return result.error;
}

/** The hand-computed scenario of the comments below (clock 2026-08-15, base USD). */
async function scenario() {
  const upwork = sourceId(ctx, 'Upwork');
  const linkedin = sourceId(ctx, 'LinkedIn');
  // Connects cost $0.15 until 2026-08-09, $0.20 from 2026-08-10 (the price values the opening balance and uncovered spends).
  await call('costs:create-credit-price', { sourceId: upwork, effectiveFrom: '2026-08-10', unitPrice: '0.20' });
  const lead = (input: object) => call<{ id: number }>('leads:create', { sourceId: upwork, title: 'Job', ...input });
  // L1 won after 8 days: 16 + 20 boost connects; booked 1250.50
  await lead({
    createdOn: '2026-08-01',
    appliedOn: '2026-08-01',
    closedOn: '2026-08-09',
    stage: 'won',
    connects: 16,
    boostConnects: 20,
    value: '1250.50',
  });
  // L2 reached interview, then lost; its 12 connects were refunded
  const l2 = await lead({
    createdOn: '2026-08-05',
    appliedOn: '2026-08-05',
    stage: 'interview',
    connects: 12,
    connectsRefunded: 12,
  });
  await call('leads:move', { id: l2.id, stage: 'lost' });
  // L3 replied: 12 connects
  await lead({ createdOn: '2026-08-10', appliedOn: '2026-08-10', stage: 'replied', connects: 12 });
  // L4 the day before the range; L5 on its last day
  await lead({ createdOn: '2026-07-31', appliedOn: '2026-07-31', stage: 'applied', connects: 10 });
  await lead({ createdOn: '2026-08-31', stage: 'new' });
  // Payments: 1000 (fee computed 100), refund -200 (fee -20), a fee refund -5, one in September, 100 EUR at 1.10
  await call('payments:create', { date: '2026-08-12', sourceId: upwork, gross: '1000.00' });
  await call('payments:create', { date: '2026-08-20', sourceId: upwork, gross: '-200.00' });
  await call('payments:create', { date: '2026-08-25', sourceId: upwork, gross: '0', fee: '-5.00' });
  await call('payments:create', { date: '2026-09-01', sourceId: upwork, gross: '500.00' });
  await call('rates:set', { currency: 'EUR', month: '2026-08', rate: '1.10' });
  await call('payments:create', {
    date: '2026-08-14',
    sourceId: upwork,
    gross: '100.00',
    fee: '10.00',
    currency: 'EUR',
  });
  await call('payments:create', {
    date: '2026-07-20',
    sourceId: upwork,
    gross: '100.00',
    fee: '10.00',
    currency: 'EUR',
  });
  // Expenses: 40 connects bought for 6.00, a withdrawal fee on the last day, a tax with no channel
  await call('expenses:create', {
    date: '2026-08-02',
    sourceId: upwork,
    category: 'connects',
    amount: '6.00',
    connects: 40,
  });
  await call('expenses:create', { date: '2026-08-31', sourceId: upwork, category: 'fee', amount: '0.99' });
  await call('expenses:create', { date: '2026-08-15', sourceId: null, category: 'tax', amount: '50.00' });
  // A plan without credits from 31 Jan: charged 2026-08-31 in August. LinkedIn Premium ended in July.
  await call('subscriptions:create', {
    sourceId: upwork,
    name: 'Freelancer Plus',
    period: 'monthly',
    amount: '19.99',
    startsOn: '2026-01-31',
  });
  await call('subscriptions:create', {
    sourceId: linkedin,
    name: 'Premium',
    period: 'monthly',
    amount: '39.99',
    startsOn: '2026-03-10',
    endsOn: '2026-07-31',
  });
  // Ledger: opening 30 on 07-01 at 0.15 (4.50) before that day's 10 free. 07-31: L4's 10 from the opening (1.50).
  // 08-01: +10 free; L1's 36 take the opening's 20 (3.00), then 10 + 6 free. 08-02: +40 bought at 0.15.
  // 08-10: L3's 12 take the 4 free left, then 8 bought (1.20). Connects used: July 150, August 420.
  await call('connects:set-opening', { sourceId: upwork, count: 30, on: '2026-07-01' });
  return { upwork, linkedin };
}

describe('channel report, hand-computed', () => {
  it('usage basis over August', async () => {
    await scenario();
    const report = await call<ChannelReport>('reports:channels', {
      from: '2026-08-01',
      to: '2026-08-31',
      basis: 'usage',
    });
    expect(Object.keys(report)).toEqual(['from', 'to', 'basis', 'currency', 'channels', 'totals', 'warnings']);
    expect(report.channels.map((c) => c.source)).toEqual(['Upwork', '(no channel)']);
    // costs = connects used 420, fee expense 99, subscription 1999 = 2518
    // revenue = 100000 - 20000 + 0 + 11000 = 91000; fees = 10000 - 2000 - 500 + 1100 = 8600
    expect(report.channels[0]).toEqual({
      source: 'Upwork',
      leads: 4,
      proposals: 3,
      replies: 3,
      interviews: 2,
      wins: 1,
      winRate: 0.25,
      connectsSpent: 60,
      connectsRefunded: 12,
      connectsExpired: 0,
      connectsPerWin: 48,
      revenue: 91000,
      fees: 8600,
      costs: 2518,
      profit: 79882,
      roi: 79882 / 11118,
      costPerLead: 630,
      costPerWin: 2518,
      revenuePerConnect: 1896,
      booked: 125050,
      medianDaysToWin: 8,
      salesHours: 0,
      deliveryHours: 0,
      profitPerHour: null,
      salesHoursPerWin: 0,
    });
    expect(report.channels[1]).toEqual({
      source: '(no channel)',
      leads: 0,
      proposals: 0,
      replies: 0,
      interviews: 0,
      wins: 0,
      winRate: null,
      connectsSpent: 0,
      connectsRefunded: 0,
      connectsExpired: 0,
      connectsPerWin: null,
      revenue: 0,
      fees: 0,
      costs: 5000,
      profit: -5000,
      roi: -1,
      costPerLead: null,
      costPerWin: null,
      revenuePerConnect: null,
      booked: 0,
      medianDaysToWin: null,
      salesHours: 0,
      deliveryHours: 0,
      profitPerHour: null,
      salesHoursPerWin: null,
    });
    // costPerLead 7518 / 4 = 1879.5 -> 1880 (half to even)
    expect(report.totals).toMatchObject({
      leads: 4,
      costs: 7518,
      revenue: 91000,
      fees: 8600,
      profit: 74882,
      costPerLead: 1880,
      winRate: 0.25,
      medianDaysToWin: 8,
    });
    // The plan's 31 August charge is after today (15 August): a planned charge, named (docs/domain.md §4).
    expect(report.warnings).toEqual(['includes 1 planned charge after today']);
  });

  it('cash basis counts the connects purchase instead of connects used', async () => {
    await scenario();
    const report = await call<ChannelReport>('reports:channels', {
      from: '2026-08-01',
      to: '2026-08-31',
      basis: 'cash',
    });
    // costs = 600 + 99 + 1999 = 2698; cost per lead 674.5 -> 674 (half to even)
    expect(report.channels[0]).toMatchObject({ costs: 2698, profit: 79702, costPerLead: 674, costPerWin: 2698 });
    expect(report.totals).toMatchObject({ costs: 7698, profit: 74702, costPerLead: 1924 });
  });

  it('lists amounts without a rate as warnings and leaves them out', async () => {
    await scenario();
    const report = await call<ChannelReport>('reports:channels', {
      from: '2026-07-01',
      to: '2026-07-31',
      basis: 'usage',
    });
    expect(report.warnings).toEqual(['No EUR rate for 2026-07: 1 amount left out (100.00 EUR)']);
    const upwork = report.channels.find((c) => c.source === 'Upwork')!;
    expect(upwork).toMatchObject({ leads: 1, revenue: 0, fees: 0, costs: 150 + 1999 });
    // LinkedIn Premium charged 2026-07-10 only
    expect(report.channels.find((c) => c.source === 'LinkedIn')).toMatchObject({
      costs: 3999,
      leads: 0,
      profit: -3999,
    });
    await call('rates:set', { currency: 'EUR', month: '2026-07', rate: '1.2' });
    const fixed = await call<ChannelReport>('reports:channels', { from: '2026-07-01', to: '2026-07-31' });
    expect(fixed.warnings).toEqual([]);
    expect(fixed.channels.find((c) => c.source === 'Upwork')).toMatchObject({ revenue: 12000, fees: 1200 });
  });

  it('range edges are inclusive; empty ranges give no channels and null ratios', async () => {
    await scenario();
    const day = await call<ChannelReport>('reports:channels', { from: '2026-08-31', to: '2026-08-31', basis: 'cash' });
    expect(day.channels.map((c) => [c.source, c.leads, c.costs])).toEqual([['Upwork', 1, 99 + 1999]]);
    const empty = await call<ChannelReport>('reports:channels', { from: '2020-01-01', to: '2020-12-31' });
    expect(empty.channels).toEqual([]);
    expect(empty.totals).toMatchObject({
      leads: 0,
      costs: 0,
      profit: 0,
      winRate: null,
      roi: null,
      costPerLead: null,
      medianDaysToWin: null,
    });
  });

  it('covers all records without bounds and rejects a reversed range', async () => {
    await scenario();
    const all = await call<ChannelReport>('reports:channels', {});
    // docs/domain.md §4: without --to the report ends today; the plan's and the leads' later days never extend it.
    expect([all.from, all.to, all.basis]).toEqual(['2026-01-31', '2026-08-15', 'usage']);
    expect(all.warnings).not.toContain('includes 0 planned charges after today');
    const error = await fail('reports:channels', { from: '2026-08-02', to: '2026-08-01' });
    expect(error.fields).toEqual([{ path: 'to', message: 'The end date is before the start date' }]);
  });

  it('credits keep the cost they had when acquired, and commission changes apply to new payments only', async () => {
    const { upwork } = await scenario();
    const costs = await call<{ creditPrices: { id: number; effectiveFrom: string }[] }[]>('costs:list', {
      sourceId: upwork,
    });
    const august = costs[0]!.creditPrices.find((p) => p.effectiveFrom === '2026-08-10')!;
    await call('costs:update-credit-price', { id: august.id, unitPrice: '0.25' });
    const report = await call<ChannelReport>('reports:channels', { from: '2026-08-01', to: '2026-08-31' });
    // Every August spend is covered by credits acquired before the new price: nothing changes.
    expect(report.channels[0]!.costs).toBe(420 + 99 + 1999);
    await call('costs:create-commission', { sourceId: upwork, effectiveFrom: '2026-09-01', percent: 15 });
    const p = await call<{ feeMinor: number; feeComputed: boolean }>('payments:create', {
      date: '2026-09-02',
      sourceId: upwork,
      gross: '100.00',
    });
    expect(p).toMatchObject({ feeMinor: 1500, feeComputed: true });
    const old = await call<ChannelReport>('reports:channels', { from: '2026-08-01', to: '2026-08-31' });
    expect(old.channels[0]!.fees).toBe(8600);
  });

  it('takes the median over an even number of wins as the mean of the middle two', async () => {
    const fiverr = sourceId(ctx, 'Fiverr');
    for (const [applied, closed] of [
      ['2026-06-01', '2026-06-04'],
      ['2026-06-01', '2026-06-11'],
      ['2026-06-02', '2026-06-06'],
      ['2026-06-02', '2026-06-30'],
    ]) {
      await call('leads:create', {
        sourceId: fiverr,
        title: 'x',
        createdOn: applied,
        appliedOn: applied,
        closedOn: closed,
        stage: 'won',
      });
    }
    const report = await call<ChannelReport>('reports:channels', { from: '2026-06-01', to: '2026-06-30' });
    // days 3, 10, 4, 28 -> sorted 3 4 10 28 -> (4 + 10) / 2
    expect(report.channels[0]).toMatchObject({ source: 'Fiverr', wins: 4, medianDaysToWin: 7, winRate: 1 });
  });
});

describe('range and price edge cases', () => {
  it('opens a one-sided range at the records (to: today, never a later record)', async () => {
    await scenario();
    expect(await call<ChannelReport>('reports:channels', { from: '2026-08-10' })).toMatchObject({
      from: '2026-08-10',
      to: '2026-08-15',
    });
    expect(await call<ChannelReport>('reports:channels', { to: '2026-03-01' })).toMatchObject({
      from: '2026-01-31',
      to: '2026-03-01',
    });
    // Only the plan charges before then: 31 Jan and 28 Feb
    expect((await call<ChannelReport>('reports:channels', { to: '2026-03-01', basis: 'cash' })).totals.costs).toBe(
      2 * 1999,
    );
  });

  it('warns about connects used before any credit price', async () => {
    const source = await call<{ id: number }>('sources:create', { name: 'Toptal', creditName: 'Bids' });
    await call('leads:create', {
      sourceId: source.id,
      title: 'x',
      createdOn: '2026-05-01',
      appliedOn: '2026-05-01',
      connects: 6,
    });
    const report = await call<ChannelReport>('reports:channels', { from: '2026-05-01', to: '2026-05-31' });
    expect(report.warnings).toEqual([
      'Toptal: 6 Bids spent that no opening balance, allowance or purchase covers',
      'Toptal: 6 uncovered Bids have no credit price on their day: counted at 0',
    ]);
    expect(report.channels[0]).toMatchObject({ source: 'Toptal', costs: 0, connectsSpent: 6 });
  });
});

describe('report detail for the Reports page', () => {
  it('gives monthly profit per channel and the cost breakdown', async () => {
    await scenario();
    const detail = await call<{
      monthly: { month: string; profit: Record<string, number> }[];
      costBreakdown: { source: string; category: string; amount: number }[];
      sources: { source: string; sourceId: number | null }[];
    }>('reports:detail', { from: '2026-07-01', to: '2026-08-31', basis: 'usage' });
    // July: Upwork L4 10 connects at 0.15 and the plan 19.99 -> -2149; LinkedIn plan -3999. August: Upwork 79882, no channel -5000.
    expect(detail.monthly).toEqual([
      { month: '2026-07', profit: { Upwork: -2149, LinkedIn: -3999 } },
      { month: '2026-08', profit: { Upwork: 79882, '(no channel)': -5000 } },
    ]);
    expect(detail.costBreakdown).toEqual(
      expect.arrayContaining([
        { source: 'Upwork', category: 'connects used', amount: 150 + 420 },
        { source: 'Upwork', category: 'subscription', amount: 3998 },
        { source: 'Upwork', category: 'fee', amount: 99 },
        { source: '(no channel)', category: 'tax', amount: 5000 },
      ]),
    );
    expect(detail.sources.find((s) => s.source === '(no channel)')?.sourceId).toBeNull();
  });
});

describe('cost operations refuse bad input and save nothing', () => {
  it('field errors', async () => {
    const upwork = sourceId(ctx, 'Upwork');
    expect(
      (await fail('costs:create-credit-price', { sourceId: upwork, effectiveFrom: '2026-01-01', unitPrice: '-0.15' }))
        .fields?.[0]?.path,
    ).toBe('unitPrice');
    expect(
      (await fail('costs:create-credit-price', { sourceId: upwork, effectiveFrom: '2026-01-01', unitPrice: '0.155' }))
        .fields?.[0],
    ).toEqual({ path: 'unitPrice', message: 'USD has 2 decimals; "0.155" has 3' });
    expect(
      (await fail('costs:create-commission', { sourceId: upwork, effectiveFrom: '2026-01-01', percent: 120 }))
        .fields?.[0],
    ).toEqual({ path: 'percent', message: 'A fee cannot be over 100%' });
    expect(
      (await fail('costs:create-commission', { sourceId: upwork, effectiveFrom: '2023-05-03', percent: 12 }))
        .fields?.[0]?.path,
    ).toBe('effectiveFrom');
    expect(
      (
        await fail('subscriptions:create', {
          sourceId: upwork,
          name: 'P',
          period: 'monthly',
          amount: '10',
          startsOn: '2026-03-01',
          endsOn: '2026-02-01',
        })
      ).fields?.[0]?.path,
    ).toBe('endsOn');
    await call('subscriptions:create', {
      sourceId: upwork,
      name: 'Plus',
      period: 'monthly',
      amount: '19.99',
      startsOn: '2026-01-01',
      endsOn: '2026-06-30',
    });
    const overlap = await fail('subscriptions:create', {
      sourceId: upwork,
      name: 'Plus 2',
      period: 'yearly',
      amount: '199',
      startsOn: '2026-06-30',
    });
    expect(overlap.fields?.[0]?.path).toBe('startsOn');
    await call('subscriptions:create', {
      sourceId: upwork,
      name: 'Plus 2',
      period: 'yearly',
      amount: '199',
      startsOn: '2026-07-01',
    });
    expect(
      (await fail('payments:create', { date: '2026-02-30', sourceId: upwork, gross: '10' })).fields?.[0]?.path,
    ).toBe('date');
    expect(
      (await fail('payments:create', { date: '2026-02-03', sourceId: upwork, gross: '10', fee: '11' })).fields?.[0]
        ?.path,
    ).toBe('fee');
    expect(
      (await fail('payments:create', { date: '2026-02-03', sourceId: upwork, gross: '10.5', currency: 'JPY' }))
        .fields?.[0]?.path,
    ).toBe('gross');
    expect(
      (
        await fail('expenses:create', {
          date: '2026-02-03',
          sourceId: upwork,
          category: 'tax',
          amount: '10',
          connects: 5,
        })
      ).fields?.[0]?.path,
    ).toBe('connects');
    expect(
      (await fail('expenses:create', { date: '2026-02-03', sourceId: upwork, category: 'rent', amount: '10' }))
        .fields?.[0]?.path,
    ).toBe('category');
    expect((await fail('rates:set', { currency: 'USD', month: '2026-02', rate: '1' })).fields?.[0]?.path).toBe(
      'currency',
    );
    expect((await fail('rates:set', { currency: 'EUR', month: '2026-13', rate: '1' })).fields?.[0]?.path).toBe('month');
    expect((await fail('rates:set', { currency: 'EUR', month: '2026-02', rate: '0' })).fields?.[0]?.path).toBe('rate');
    const counts = ctx.db
      .prepare(
        `SELECT (SELECT COUNT(*) FROM payments) + (SELECT COUNT(*) FROM expenses) + (SELECT COUNT(*) FROM fx_rates) AS n`,
      )
      .get() as { n: number };
    expect(counts.n).toBe(0);
    expect((ctx.db.prepare(`SELECT COUNT(*) AS n FROM subscriptions`).get() as { n: number }).n).toBe(2);
  });

  it('payment edits keep rollups right and recompute computed fees', async () => {
    const upwork = sourceId(ctx, 'Upwork');
    const p = await call<{ id: number; feeMinor: number }>('payments:create', {
      date: '2026-02-03',
      sourceId: upwork,
      gross: '100',
    });
    expect(p.feeMinor).toBe(1000);
    const updated = await call<{ feeMinor: number; feeComputed: boolean }>('payments:update', {
      id: p.id,
      gross: '300',
    });
    expect(updated).toMatchObject({ feeMinor: 3000, feeComputed: true });
    const given = await call<{ feeMinor: number; feeComputed: boolean }>('payments:update', { id: p.id, fee: '1.00' });
    expect(given).toMatchObject({ feeMinor: 100, feeComputed: false });
    const report = await call<ChannelReport>('reports:channels', { from: '2026-02-01', to: '2026-02-28' });
    expect(report.totals).toMatchObject({ revenue: 30000, fees: 100 });
    await call('payments:delete', { id: p.id });
    expect((await call<ChannelReport>('reports:channels', { from: '2026-02-01', to: '2026-02-28' })).channels).toEqual(
      [],
    );
  });
});
