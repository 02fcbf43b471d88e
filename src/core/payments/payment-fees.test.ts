import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../dispatch';
import { openTempCtx, sourceId } from '../../../test-support/temp-db';
import { resolvePaymentFee } from './payment-fees';

let ctx: ReturnType<typeof openTempCtx>;
beforeEach(() => (ctx = openTempCtx()));
afterEach(() => ctx.close());

describe('resolvePaymentFee', () => {
  it('uses the commission rule in force on the payment date', () => {
    const upwork = sourceId(ctx, 'Upwork');
    ctx.db
      .prepare(
        `INSERT INTO commission_rules (source_id, effective_from, percent_bp, min_fee_minor, currency) VALUES (?, '2025-05-01', 1500, NULL, 'USD')`,
      )
      .run(upwork);
    expect(
      resolvePaymentFee(ctx.db, { sourceId: upwork, date: '2023-05-02', grossMinor: 100000, currency: 'USD' }),
    ).toBe(0);
    expect(
      resolvePaymentFee(ctx.db, { sourceId: upwork, date: '2023-05-03', grossMinor: 100000, currency: 'USD' }),
    ).toBe(10000);
    expect(
      resolvePaymentFee(ctx.db, { sourceId: upwork, date: '2025-05-01', grossMinor: 100000, currency: 'USD' }),
    ).toBe(15000);
    expect(
      resolvePaymentFee(ctx.db, { sourceId: upwork, date: '2025-05-01', grossMinor: -2000, currency: 'USD' }),
    ).toBe(-300);
  });

  it('applies the minimum fee and the lead override', async () => {
    const freelancer = sourceId(ctx, 'Freelancer.com');
    expect(
      resolvePaymentFee(ctx.db, { sourceId: freelancer, date: '2026-01-01', grossMinor: 2000, currency: 'USD' }),
    ).toBe(500);
    expect(
      resolvePaymentFee(ctx.db, { sourceId: freelancer, date: '2026-01-01', grossMinor: 2000, currency: 'EUR' }),
    ).toBe(200);
    const lead = await dispatch(ctx, 'leads:create', { sourceId: freelancer, title: 'x', feePercent: 5 } as never);
    if (!lead.ok) throw new Error(JSON.stringify(lead.error));
    const leadId = (lead.value as { id: number }).id;
    expect(
      resolvePaymentFee(ctx.db, {
        sourceId: freelancer,
        date: '2026-01-01',
        grossMinor: 2001,
        currency: 'USD',
        leadId,
      }),
    ).toBe(100);
    expect(
      resolvePaymentFee(ctx.db, {
        sourceId: sourceId(ctx, 'LinkedIn'),
        date: '2026-01-01',
        grossMinor: 2000,
        currency: 'USD',
      }),
    ).toBe(0);
  });
});
