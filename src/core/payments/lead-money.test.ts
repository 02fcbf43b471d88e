import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LeadMoney } from '../../shared/api/schemas/lead-money';
import { callOk, openTempCtx, sourceId } from '../../../test-support/temp-db';

let ctx: ReturnType<typeof openTempCtx>;
beforeEach(() => (ctx = openTempCtx()));
afterEach(() => ctx.close());

const call = <T = unknown>(name: string, input: unknown) => callOk<T>(ctx, name, input);

describe('per-lead money (issue 12.5)', () => {
  it('payments with descriptions, fees, connects at the day price and profit; linking any payment of the channel, any stage', async () => {
    const upwork = sourceId(ctx, 'Upwork');
    // Applied, not won: a payment can still be linked (a deposit before the contract is marked won).
    const lead = await call<{ id: number }>('leads:create', {
      sourceId: upwork,
      title: 'Site',
      createdOn: '2026-08-01',
      stage: 'applied',
      connects: 16,
      boostConnects: 8,
      connectsRefunded: 4,
      feePercent: 5,
    });
    const p1 = await call<{ id: number; feeMinor: number }>('payments:create', {
      date: '2026-08-10',
      sourceId: upwork,
      gross: '100.00',
      description: 'Milestone 1',
    });
    expect(p1.feeMinor).toBe(1000); // the channel's 10%: not linked yet
    const linked = await call<{ feeMinor: number }>('payments:update', { id: p1.id, leadId: lead.id });
    expect(linked.feeMinor).toBe(500); // the lead's 5% override applies once linked
    await call('payments:create', {
      date: '2026-08-20',
      sourceId: upwork,
      leadId: lead.id,
      gross: '50.00',
      fee: '2.50',
      description: 'Bonus',
    });
    const money = await call<LeadMoney>('money:lead', { leadId: lead.id });
    // 20 net connects at $0.15 = 3.00; revenue 150.00, fees 5.00 + 2.50.
    expect(money).toMatchObject({
      currency: 'USD',
      revenue: 15000,
      fees: 750,
      connectsCost: 300,
      profit: 15000 - 750 - 300,
      connects: { spent: 24, refunded: 4, net: 20, unitPriceMinor: 15, priceCurrency: 'USD' },
      warnings: [],
    });
    expect(money.payments.map((p) => p.description)).toEqual(['Bonus', 'Milestone 1']);
    await call('payments:update', { id: p1.id, leadId: null });
    expect((await call<LeadMoney>('money:lead', { leadId: lead.id })).revenue).toBe(5000);
  });
});
