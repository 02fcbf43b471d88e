import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../dispatch';
import { loadSampleData } from '../app/sample-data';
import { openTempCtx, sourceId } from '../../../test-support/temp-db';
import { rebuildRollups, rollupDrift } from './rebuild';

let ctx: ReturnType<typeof openTempCtx>;
beforeEach(() => (ctx = openTempCtx()));
afterEach(() => ctx.close());

describe('rollups', () => {
  it('match a fresh computation after sample data and edits', async () => {
    loadSampleData(ctx, { leads: 1500, seed: 7 });
    const ids = (ctx.db.prepare(`SELECT id FROM leads ORDER BY id LIMIT 40`).all() as { id: number }[]).map(
      (r) => r.id,
    );
    for (const [i, id] of ids.entries()) {
      if (i % 4 === 0) await dispatch(ctx, 'leads:move', { id, stage: 'won' });
      else if (i % 4 === 1)
        await dispatch(ctx, 'leads:update', { id, sourceId: sourceId(ctx, 'LinkedIn'), createdOn: '2025-01-02' });
      else if (i % 4 === 2) await dispatch(ctx, 'leads:delete', { id });
      else await dispatch(ctx, 'leads:update', { id, connects: 12, boostConnects: 3, value: '99.99', currency: 'EUR' });
    }
    expect(rollupDrift(ctx.db)).toEqual([]);
  });

  it('month rollups follow payment and expense edits across months and channels', async () => {
    loadSampleData(ctx, { leads: 50, seed: 9, extraPayments: 40, extraExpenses: 40 });
    const upwork = sourceId(ctx, 'Upwork');
    const fiverr = sourceId(ctx, 'Fiverr');
    const call = async (name: string, input: unknown) => {
      const r = await dispatch(ctx, name, input);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return r.value as { id: number };
    };
    const p = await call('payments:create', { date: '2026-03-31', sourceId: upwork, gross: '100.00' });
    await call('payments:update', { id: p.id, date: '2026-04-01', sourceId: fiverr, gross: '80.00', currency: 'EUR' });
    const e = await call('expenses:create', {
      date: '2026-05-15',
      sourceId: upwork,
      category: 'connects',
      amount: '12.00',
      connects: 80,
    });
    await call('expenses:update', { id: e.id, date: '2026-06-01', category: 'advertising', connects: 0 });
    const gone = await call('expenses:create', { date: '2026-07-02', sourceId: null, category: 'tax', amount: '5.00' });
    await call('expenses:delete', { id: gone.id });
    expect(
      ctx.db
        .prepare(
          `SELECT COUNT(*) AS n FROM expense_rollup_month WHERE month = '2026-07' AND source_id = 0 AND category = 'tax' AND amount_minor = 500`,
        )
        .get(),
    ).toEqual({ n: 0 });
    expect(rollupDrift(ctx.db)).toEqual([]);
  });

  it('detects drift in a month table', () => {
    loadSampleData(ctx, { leads: 200, seed: 3 });
    ctx.db
      .prepare(
        `UPDATE payment_rollup_month SET gross_minor = gross_minor + 1 WHERE (month, source_id, currency) IN (SELECT month, source_id, currency FROM payment_rollup_month LIMIT 1)`,
      )
      .run();
    expect(rollupDrift(ctx.db)).toEqual(['payment_rollup_month']);
    rebuildRollups(ctx.db);
    expect(rollupDrift(ctx.db)).toEqual([]);
  });

  it('detects drift, and rebuild repairs it', () => {
    loadSampleData(ctx, { leads: 200, seed: 3 });
    ctx.db
      .prepare(
        `UPDATE lead_rollup SET wins = wins + 1 WHERE (source_id, day, currency) IN (SELECT source_id, day, currency FROM lead_rollup LIMIT 1)`,
      )
      .run();
    expect(rollupDrift(ctx.db)).toEqual(['lead_rollup']);
    rebuildRollups(ctx.db);
    expect(rollupDrift(ctx.db)).toEqual([]);
  });
});
