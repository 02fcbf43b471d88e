import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callOk, openTempCtx, sourceId } from '../../../test-support/temp-db';

let ctx: ReturnType<typeof openTempCtx>;
beforeEach(() => (ctx = openTempCtx(new Date('2026-12-06T12:00:00Z'))));
afterEach(() => ctx.close());

type Detail = {
  report: { channels: { source: string; profitPerHour: number | null }[] };
  hoursCoverage: { source: string; payments: number; withoutHours: number; firstTimeOn: string | null }[];
};

describe('what profit per hour rests on (app-only hours coverage)', () => {
  it('counts the payments dated in months with no time logged on the channel', async () => {
    const upwork = sourceId(ctx, 'Upwork');
    await callOk(ctx, 'payments:create', { date: '2026-09-20', sourceId: upwork, gross: '800', fee: '0' });
    await callOk(ctx, 'payments:create', { date: '2026-11-10', sourceId: upwork, gross: '200', fee: '0' });
    await callOk(ctx, 'time:create', { date: '2026-11-03', sourceId: upwork, kind: 'delivery', minutes: 600 });
    const year = await callOk<Detail>(ctx, 'reports:detail', { from: '2025-12-07', to: '2026-12-06' });
    expect(year.hoursCoverage).toEqual([{ source: 'Upwork', payments: 2, withoutHours: 1, firstTimeOn: '2026-11-03' }]);
    const november = await callOk<Detail>(ctx, 'reports:detail', { from: '2026-11-01', to: '2026-11-30' });
    expect(november.hoursCoverage).toEqual([
      { source: 'Upwork', payments: 1, withoutHours: 0, firstTimeOn: '2026-11-03' },
    ]);
  });

  it('leaves the report contract (reports:channels, report --json) without it', async () => {
    const report = await callOk<Record<string, unknown>>(ctx, 'reports:channels', {});
    expect(Object.keys(report).sort()).toEqual(['basis', 'channels', 'currency', 'from', 'to', 'totals', 'warnings']);
  });
});
