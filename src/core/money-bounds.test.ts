import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { maxMinorUnits, parseMoney } from '../shared/money';
import { openTempCtx, sourceId } from '../../test-support/temp-db';
import { dispatch } from './dispatch';

// Every money field and count has an upper bound that keeps every sum exact (docs/domain.md §0):
// an amount at most 10^13 minor units, a count at most 1,000,000, refused with the field's name.
let ctx: ReturnType<typeof openTempCtx>;
beforeEach(() => (ctx = openTempCtx()));
afterEach(() => ctx.close());

const count = (table: string) => (ctx.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

async function refusedFields(name: string, input: unknown): Promise<string[]> {
  const result = await dispatch(ctx, name, input);
  if (result.ok) return [];
  expect(result.error.code, name).toBe('invalid_input');
  return [...new Set((result.error.fields ?? []).map((f) => f.path))];
}

describe('money and count bounds', () => {
  it('the bound is 10^13 minor units in every currency, whatever its decimals', () => {
    expect(maxMinorUnits).toBe(10 ** 13);
    expect(parseMoney('100000000000.00', 'USD')).toEqual({ ok: true, minor: 10 ** 13 });
    expect(parseMoney('100000000000.01', 'USD')).toEqual({
      ok: false,
      message: '"100000000000.01" is too large: at most 100000000000.00',
    });
    expect(parseMoney('-100000000000.01', 'USD').ok).toBe(false);
    expect(parseMoney('10000000000000', 'JPY')).toEqual({ ok: true, minor: 10 ** 13 });
    expect(parseMoney('10000000000001', 'JPY').ok).toBe(false);
    expect(parseMoney('10000000000.001', 'KWD').ok).toBe(false);
    // At the bound, a thousand amounts still sum exactly.
    expect(Number.isSafeInteger(maxMinorUnits * 900)).toBe(true);
  });

  it('each form refuses an amount past it, naming the field, and writes nothing', async () => {
    const upwork = sourceId(ctx, 'Upwork');
    const huge = '90071992547409.91'; // 2^53 - 1 minor units
    expect(
      await refusedFields('leads:create', { title: 'Big', sourceId: upwork, value: huge, currency: 'USD' }),
    ).toEqual(['value']);
    expect(await refusedFields('payments:create', { date: '2026-07-01', sourceId: upwork, gross: huge })).toEqual([
      'gross',
    ]);
    expect(
      await refusedFields('payments:create', { date: '2026-07-01', sourceId: upwork, gross: '10.00', fee: huge }),
    ).toEqual(['fee']);
    expect(
      await refusedFields('expenses:create', { date: '2026-07-01', sourceId: upwork, category: 'other', amount: huge }),
    ).toEqual(['amount']);
    expect(
      await refusedFields('subscriptions:create', {
        sourceId: upwork,
        name: 'Plan',
        period: 'monthly',
        amount: huge,
        startsOn: '2026-01-01',
      }),
    ).toEqual(['amount']);
    expect(
      await refusedFields('costs:create-credit-price', {
        sourceId: upwork,
        effectiveFrom: '2026-01-01',
        unitPrice: huge,
      }),
    ).toEqual(['unitPrice']);
    expect(await refusedFields('leads:create', { title: 'Big', sourceId: upwork, value: '1'.repeat(400) })).toEqual([
      'value',
    ]);
    expect([count('leads'), count('payments'), count('expenses'), count('subscriptions')]).toEqual([0, 0, 0, 0]);
  });

  it('counts past 1,000,000 are refused by name (2^53 - 1 Connects made usage costs inexact)', async () => {
    const upwork = sourceId(ctx, 'Upwork');
    const big = 2 ** 53 - 1;
    expect(await refusedFields('leads:create', { title: 'Bid', sourceId: upwork, connects: big })).toEqual([
      'connects',
    ]);
    expect(
      await refusedFields('leads:create', { title: 'Bid', sourceId: upwork, connects: 10, boostConnects: 1_000_001 }),
    ).toEqual(['boostConnects']);
    expect(
      await refusedFields('expenses:create', {
        date: '2026-07-01',
        sourceId: upwork,
        category: 'connects',
        amount: '15.00',
        connects: 1_000_001,
      }),
    ).toEqual(['connects']);
    expect(await refusedFields('sources:update', { id: upwork, freeCreditsMonthly: 1_000_001 })).toEqual([
      'freeCreditsMonthly',
    ]);
    const r = await dispatch(ctx, 'leads:create', { title: 'Bid', sourceId: upwork, connects: 1_000_000 });
    expect(r.ok).toBe(true);
    expect(count('leads')).toBe(1);
  });
});
