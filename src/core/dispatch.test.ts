import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from './dispatch';
import { openTempCtx, sourceId } from '../../test-support/temp-db';

let ctx: ReturnType<typeof openTempCtx>;
beforeEach(() => (ctx = openTempCtx()));
afterEach(() => ctx.close());

const count = (table: string) => (ctx.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('dispatch', () => {
  it('creates a lead and records its first stage', async () => {
    const result = await dispatch(ctx, 'leads:create', {
      title: 'Logo',
      sourceId: sourceId(ctx, 'Upwork'),
      stage: 'applied',
      connects: 8,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const lead = result.value as { stage: string; appliedOn: string; history: { toStage: string }[] };
    expect(lead.stage).toBe('applied');
    expect(lead.appliedOn).toBe('2026-08-15');
    expect(lead.history.map((h) => h.toStage)).toEqual(['applied']);
  });

  it('names every bad field and writes nothing', async () => {
    const result = await dispatch(ctx, 'leads:create', {
      title: '',
      sourceId: sourceId(ctx, 'Upwork'),
      connects: -1,
      createdOn: '2026-02-30',
      value: '10.005',
      currency: 'USD',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.fields?.map((f) => f.path).sort()).toEqual(['connects', 'createdOn', 'title', 'value']);
    expect(count('leads')).toBe(0);
  });

  it('refuses an unknown channel with a field error', async () => {
    const result = await dispatch(ctx, 'leads:create', { title: 'X', sourceId: 9999 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: [{ path: 'sourceId' }] } });
    expect(count('leads')).toBe(0);
  });

  it('answers unknown operations and garbage without throwing', async () => {
    expect(await dispatch(ctx, 'nope:nothing', {})).toMatchObject({ ok: false, error: { code: 'unknown_operation' } });
    expect(await dispatch(ctx, 'leads:create', 'garbage')).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await dispatch(ctx, 'leads:get', { id: 42 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('moves a lead across stages, keeping history, closed date and rollups', async () => {
    const created = await dispatch(ctx, 'leads:create', {
      title: 'Site',
      sourceId: sourceId(ctx, 'Fiverr'),
      value: '1250.50',
    });
    if (!created.ok) throw new Error(created.error.message);
    const id = (created.value as { id: number }).id;
    for (const stage of ['applied', 'replied', 'interview', 'won']) {
      const moved = await dispatch(ctx, 'leads:move', { id, stage });
      expect(moved.ok).toBe(true);
    }
    const detail = await dispatch(ctx, 'leads:get', { id });
    if (!detail.ok) throw new Error(detail.error.message);
    const lead = detail.value as {
      stage: string;
      closedOn: string;
      history: { fromStage: string | null; toStage: string }[];
    };
    expect(lead.stage).toBe('won');
    expect(lead.closedOn).toBe('2026-08-15');
    expect(lead.history.map((h) => `${h.fromStage}>${h.toStage}`)).toEqual([
      'null>new',
      'new>applied',
      'applied>replied',
      'replied>interview',
      'interview>won',
    ]);
    const rollup = ctx.db
      .prepare(`SELECT leads, proposals, replies, interviews, wins, booked_minor FROM lead_rollup`)
      .all();
    expect(rollup).toEqual([{ leads: 1, proposals: 1, replies: 1, interviews: 1, wins: 1, booked_minor: 125050 }]);
  });
});
