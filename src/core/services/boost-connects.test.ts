import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BoostReport } from '../../shared/api/schemas/reports';
import { dispatch } from '../dispatch';
import { openTempCtx, sourceId } from '../test-support/temp-db';

let ctx: ReturnType<typeof openTempCtx>;
beforeEach(() => (ctx = openTempCtx()));
afterEach(() => ctx.close());

async function call<T = unknown>(name: string, input: unknown): Promise<T> {
  const result = await dispatch(ctx, name, input);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

describe('boost analysis', () => {
  it('compares boosted and plain proposals and gives the break-even bid', async () => {
    const upwork = sourceId(ctx, 'Upwork');
    const lead = (boost: number, won: boolean) =>
      call<{ id: number }>('leads:create', {
        sourceId: upwork, title: 'x', createdOn: '2026-05-01', appliedOn: '2026-05-01', connects: 10, boostConnects: boost,
        stage: won ? 'won' : 'applied', closedOn: won ? '2026-05-10' : null, value: won ? '1000.00' : null,
      });
    // 9 boosted (3 won): not enough data yet
    for (let i = 0; i < 9; i++) await lead(20, i < 3);
    for (let i = 0; i < 20; i++) await lead(0, i < 2);
    let report = await call<BoostReport>('reports:boost', { sourceId: upwork });
    expect(report.notEnoughData).toBe(true);
    expect(report.breakEvenBoostConnects).toBeNull();
    expect(report.boosted).toMatchObject({ proposals: 9, wins: 3, winRate: 1 / 3 });
    // 10th boosted proposal, lost: boosted 3/10, plain 2/20. Wins are unpaid: net = 1000 - 10% fee = 900.
    // uplift 0.2 x $900 = $180 = 1200 connects at $0.15.
    await lead(20, false);
    report = await call<BoostReport>('reports:boost', { sourceId: upwork });
    expect(report).toMatchObject({
      notEnoughData: false, creditPriceMinor: 15, averageNetRevenuePerWin: 90000, breakEvenBoostConnects: 1200,
      boosted: { proposals: 10, wins: 3, winRate: 0.3, connectsPerWin: 100, costPerWin: 1500 },
      unboosted: { proposals: 20, wins: 2, winRate: 0.1, connectsPerWin: 100, costPerWin: 1500 },
    });
    // A payment on a won lead replaces its estimate: 1 win paid 2000 - 200 fee.
    const won = ctx.db.prepare(`SELECT id FROM leads WHERE stage = 'won' LIMIT 1`).get() as { id: number };
    await call('payments:create', { date: '2026-05-20', sourceId: upwork, leadId: won.id, gross: '2000.00' });
    report = await call<BoostReport>('reports:boost', { sourceId: upwork });
    // (4 x 90000 + 180000) / 5 = 108000 -> 0.2 x 1080 / 0.15 = 1440
    expect(report.averageNetRevenuePerWin).toBe(108000);
    expect(report.breakEvenBoostConnects).toBe(1440);
  });

  it('refuses a channel without credits', async () => {
    const result = await dispatch(ctx, 'reports:boost', { sourceId: sourceId(ctx, 'LinkedIn') });
    expect(result.ok).toBe(false);
  });
});
