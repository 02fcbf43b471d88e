import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BoostReport } from '../../shared/api/schemas/reports';
import { dispatch } from '../dispatch';
import { callOk, openTempCtx, sourceId } from '../../../test-support/temp-db';

let ctx: ReturnType<typeof openTempCtx>;
beforeEach(() => (ctx = openTempCtx()));
afterEach(() => ctx.close());

const call = <T = unknown>(name: string, input: unknown) => callOk<T>(ctx, name, input);

describe('boost analysis', () => {
  it('compares boosted and plain proposals and gives the break-even bid', async () => {
    const upwork = sourceId(ctx, 'Upwork');
    const lead = (boost: number, won: boolean) =>
      call<{ id: number }>('leads:create', {
        sourceId: upwork,
        title: 'x',
        createdOn: '2026-05-01',
        appliedOn: '2026-05-01',
        connects: 10,
        boostConnects: boost,
        stage: won ? 'won' : 'applied',
        closedOn: won ? '2026-05-10' : null,
        value: won ? '1000.00' : null,
      });
    // 10 boosted (3 won) vs 20 plain (2 won): +20 points, but the 95% interval includes zero.
    for (let i = 0; i < 10; i++) await lead(20, i < 3);
    for (let i = 0; i < 20; i++) await lead(0, i < 2);
    let report = await call<BoostReport>('reports:boost', { sourceId: upwork });
    expect(report).toMatchObject({
      notEnoughData: true,
      breakEvenBoostConnects: null,
      averageBoostBid: 20,
      boosted: { proposals: 10, wins: 3, winRate: 0.3 },
    });
    expect(report.uplift!.low).toBeLessThan(0);
    // 20 more boosted, 12 won: 15 of 30 (50%) vs 10%; the interval now excludes zero. Wins are unpaid: net = 1000 - 10% = 900.
    // uplift 0.4 x $900 = $360 = 2400 connects at $0.15.
    for (let i = 0; i < 20; i++) await lead(20, i < 12);
    report = await call<BoostReport>('reports:boost', { sourceId: upwork });
    expect(report).toMatchObject({
      notEnoughData: false,
      creditPriceMinor: 15,
      averageNetRevenuePerWin: 90000,
      breakEvenBoostConnects: 2400,
      averageBoostBid: 20,
      boosted: { proposals: 30, wins: 15, winRate: 0.5, connectsPerWin: 60, costPerWin: 900 },
      unboosted: { proposals: 20, wins: 2, winRate: 0.1, connectsPerWin: 100, costPerWin: 1500 },
    });
    expect(report.uplift!.low).toBeGreaterThan(0);
    // A payment on a won lead replaces its estimate: 1 win paid 2000 - 200 fee.
    const won = ctx.db.prepare(`SELECT id FROM leads WHERE stage = 'won' LIMIT 1`).get() as { id: number };
    await call('payments:create', { date: '2026-05-20', sourceId: upwork, leadId: won.id, gross: '2000.00' });
    report = await call<BoostReport>('reports:boost', { sourceId: upwork });
    // (16 x 90000 + 180000) / 17 = 95294.1 -> 0.4 x 952.94 / 0.15 = 2541
    expect(report.averageNetRevenuePerWin).toBe(95294);
    expect(report.breakEvenBoostConnects).toBe(2541);
    // A period filter: a range without proposals has nothing to say.
    expect(
      await call<BoostReport>('reports:boost', { sourceId: upwork, from: '2026-06-01', to: '2026-06-30' }),
    ).toMatchObject({ notEnoughData: true, uplift: null, averageBoostBid: null });
  });

  it('refuses a channel without credits', async () => {
    const result = await dispatch(ctx, 'reports:boost', { sourceId: sourceId(ctx, 'LinkedIn') });
    expect(result.ok).toBe(false);
  });
});
