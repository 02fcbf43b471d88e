import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelReport } from '../../shared/api/schemas/reports';
import { callOk, openTempCtx, sourceId } from '../../../test-support/temp-db';

let ctx: ReturnType<typeof openTempCtx>;
beforeEach(() => (ctx = openTempCtx()));
afterEach(() => ctx.close());

const call = <T = unknown>(name: string, input: unknown) => callOk<T>(ctx, name, input);

describe('exchange rates keep the base they were entered for (issue 12.7)', () => {
  it('a base change never reinterprets a rate', async () => {
    const fiverr = sourceId(ctx, 'Fiverr');
    await call('rates:set', { currency: 'EUR', month: '2026-08', rate: '1.10' });
    await call('payments:create', { date: '2026-08-10', sourceId: fiverr, gross: '100.00', currency: 'EUR', fee: '0' });
    await call('payments:create', { date: '2026-08-11', sourceId: fiverr, gross: '50.00', currency: 'USD', fee: '0' });
    const usd = await call<ChannelReport>('reports:channels', { from: '2026-08-01', to: '2026-08-31' });
    expect(usd.channels[0]).toMatchObject({ revenue: 11000 + 5000 });
    await call('settings:update', { baseCurrency: 'EUR' });
    // The 1.10 was USD per EUR: read against EUR it would turn 50 USD into 55 EUR. It is not used.
    const eur = await call<ChannelReport>('reports:channels', { from: '2026-08-01', to: '2026-08-31' });
    expect(eur.currency).toBe('EUR');
    expect(eur.channels[0]).toMatchObject({ revenue: 10000 });
    expect(eur.warnings).toEqual(['No USD rate for 2026-08: 1 amount left out (50.00 USD)']);
    expect(await call('rates:list', {})).toEqual({
      baseCurrency: 'EUR',
      rates: [],
      otherBases: [{ base: 'USD', rates: 1 }],
    });
    await call('rates:set', { currency: 'USD', month: '2026-08', rate: '0.92' });
    expect(
      (await call<ChannelReport>('reports:channels', { from: '2026-08-01', to: '2026-08-31' })).channels[0],
    ).toMatchObject({ revenue: 10000 + 4600 });
    // Back to USD: the old rate is there again, as it was entered.
    await call('settings:update', { baseCurrency: 'USD' });
    expect(
      (await call<ChannelReport>('reports:channels', { from: '2026-08-01', to: '2026-08-31' })).channels[0],
    ).toMatchObject({ revenue: 16000 });
  });
});
