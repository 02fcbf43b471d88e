import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../dispatch';
import { loadSampleData } from '../services/sample-data';
import { openTempCtx, sourceId } from '../test-support/temp-db';
import { rebuildRollups, rollupDrift } from './rebuild';

let ctx: ReturnType<typeof openTempCtx>;
beforeEach(() => (ctx = openTempCtx()));
afterEach(() => ctx.close());

describe('rollups', () => {
  it('match a fresh computation after sample data and edits', async () => {
    loadSampleData(ctx, { leads: 1500, seed: 7 });
    const ids = (ctx.db.prepare(`SELECT id FROM leads ORDER BY id LIMIT 40`).all() as { id: number }[]).map((r) => r.id);
    for (const [i, id] of ids.entries()) {
      if (i % 4 === 0) await dispatch(ctx, 'leads:move', { id, stage: 'won' });
      else if (i % 4 === 1) await dispatch(ctx, 'leads:update', { id, sourceId: sourceId(ctx, 'LinkedIn'), createdOn: '2025-01-02' });
      else if (i % 4 === 2) await dispatch(ctx, 'leads:delete', { id });
      else await dispatch(ctx, 'leads:update', { id, connects: 12, boostConnects: 3, value: '99.99', currency: 'EUR' });
    }
    expect(rollupDrift(ctx.db)).toEqual([]);
  });

  it('detects drift, and rebuild repairs it', () => {
    loadSampleData(ctx, { leads: 200, seed: 3 });
    ctx.db.prepare(`UPDATE lead_rollup SET wins = wins + 1 WHERE (source_id, day, currency) IN (SELECT source_id, day, currency FROM lead_rollup LIMIT 1)`).run();
    expect(rollupDrift(ctx.db)).toEqual(['lead_rollup']);
    rebuildRollups(ctx.db);
    expect(rollupDrift(ctx.db)).toEqual([]);
  });
});
