import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BoostReport, ConnectsBalanceRow } from '../../shared/api/schemas/reports';
import { dispatch } from '../dispatch';
import { openTempCtx, sourceId } from '../../../test-support/temp-db';

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

describe('connects balance', () => {
  it('adds purchases, free allowance, plan credits and refunds, less spending and expiry', async () => {
    const upwork = sourceId(ctx, 'Upwork');
    // Upwork Basic: 10 free on the 1st of each month from the first activity (2025-07-05 purchase).
    await call('expenses:create', { date: '2025-07-05', sourceId: upwork, category: 'connects', amount: '12.00', connects: 80 });
    await call('leads:create', { sourceId: upwork, title: 'a', createdOn: '2025-07-10', appliedOn: '2025-07-10', connects: 30, connectsRefunded: 6 });
    await call('leads:create', { sourceId: upwork, title: 'b', createdOn: '2026-08-01', appliedOn: '2026-08-01', connects: 16, boostConnects: 4 });
    await call('subscriptions:create', { sourceId: upwork, name: 'Plus', period: 'monthly', amount: '19.99', startsOn: '2026-06-20', endsOn: '2026-07-31', freeCreditsMonthly: 100 });
    const [row] = await call<ConnectsBalanceRow[]>('reports:connects', {});
    // free: 14 months (2025-07 .. 2026-08) x 10 = 140, plus the plan on 06-20 and 07-20 = 200
    // FIFO: lot 2025-07-01 (10) + 07-05 (80): 30 spent 07-10 -> 10 used from the first lot, 20 from the purchase;
    // refund 6 on 07-10. Expired by 2026-08-15: 60 (purchase, 07-05) + 6 (refund, 07-10) + 10 (2025-08-01) = 76
    // then 2026-08-01 spend 20 takes from 2025-09-01 (10) and 2025-10-01 (10).
    expect(row).toMatchObject({ source: 'Upwork', bought: 80, free: 340, refunded: 6, spent: 50, expired: 76 });
    expect(row!.balance).toBe(80 + 340 + 6 - 50 - 76);
    // Expiring by 2026-09-14: none left from 2025-09-01 / 2025-10-01 lots (spent), so 0.
    expect(row!.expiringSoon).toBe(0);
  });
});
