import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelReport } from '../../shared/api/schemas/reports';
import { callError } from '../../../test-support/calls';
import { callOk, openTempCtx, sourceId } from '../../../test-support/temp-db';

// docs/domain.md §7 signs, and percents with at most two decimals everywhere (form and API share the schema).
let ctx: ReturnType<typeof openTempCtx>;
beforeEach(() => (ctx = openTempCtx(new Date('2026-04-05T12:00:00Z'))));
afterEach(() => ctx.close());
const call = <T = unknown>(name: string, input: unknown) => callOk<T>(ctx, name, input);

describe('signs and bounds', () => {
  it('a Connects purchase needs a count > 0 and an amount >= 0, each refusal naming its field', async () => {
    const upwork = sourceId(ctx, 'Upwork');
    const negative = await callError(ctx, 'expenses:create', {
      sourceId: upwork,
      date: '2026-03-01',
      category: 'connects',
      amount: '-12.00',
      connects: 80,
    });
    expect(negative.fields?.map((f) => f.path)).toEqual(['amount']);
    expect(negative.fields?.[0]?.message).toMatch(/^A Connects purchase cannot be negative/);
    const noCount = await callError(ctx, 'expenses:create', {
      sourceId: upwork,
      date: '2026-03-01',
      category: 'connects',
      amount: '0.00',
    });
    expect(noCount.fields?.map((f) => f.path)).toEqual(['connects']);
    const saved = await call<{ id: number }>('expenses:create', {
      sourceId: upwork,
      date: '2026-03-01',
      category: 'connects',
      amount: '12.00',
      connects: 80,
    });
    const edited = await callError(ctx, 'expenses:update', { id: saved.id, amount: '-12.00' });
    expect(edited.fields?.map((f) => f.path)).toEqual(['amount']);
    const ledger = await call<{ channels: { bought: number }[] }>('connects:ledger', {
      source: 'Upwork',
      on: '2026-03-31',
    });
    expect(ledger.channels[0]!.bought).toBe(80);
  });

  it('a negative expense of another category is a refund: it lowers costs', async () => {
    const upwork = sourceId(ctx, 'Upwork');
    await call('expenses:create', { sourceId: upwork, date: '2026-03-01', category: 'advertising', amount: '100.00' });
    await call('expenses:create', { sourceId: upwork, date: '2026-03-05', category: 'advertising', amount: '-25.00' });
    const report = await call<ChannelReport>('reports:channels', {
      from: '2026-03-01',
      to: '2026-03-31',
      basis: 'cash',
    });
    expect(report.channels[0]).toMatchObject({ costs: 7500, profit: -7500 });
  });

  it('refuses a percent with a third decimal in every schema', async () => {
    const upwork = sourceId(ctx, 'Upwork');
    const lead = await callError(ctx, 'leads:create', {
      sourceId: upwork,
      title: 'x',
      createdOn: '2026-03-01',
      feePercent: 12.345,
    });
    expect(lead.fields).toEqual([{ path: 'feePercent', message: 'At most two decimals' }]);
    const rule = await callError(ctx, 'costs:create-commission', {
      sourceId: upwork,
      effectiveFrom: '2026-01-01',
      percent: 12.345,
    });
    expect(rule.fields).toEqual([{ path: 'percent', message: 'At most two decimals' }]);
    const ok = await call<{ feePercent: number }>('leads:create', {
      sourceId: upwork,
      title: 'y',
      createdOn: '2026-03-01',
      feePercent: 12.35,
    });
    expect(ok.feePercent).toBe(12.35);
  });
});
