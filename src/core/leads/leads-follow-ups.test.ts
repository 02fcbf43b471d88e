import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LeadRow } from '../../shared/api/schemas/leads';
import { callOk, openTempCtx, sourceId } from '../../../test-support/temp-db';
import { dispatch } from '../dispatch';

let ctx: ReturnType<typeof openTempCtx>;
beforeEach(() => {
  ctx = openTempCtx();
});
afterEach(() => ctx.close());

async function lead(title: string, followUpOn: string, stage = 'new') {
  const extra = stage === 'won' ? { closedOn: '2026-08-10' } : {};
  return callOk<LeadRow>(ctx, 'leads:create', {
    title,
    sourceId: sourceId(ctx, 'Referral'),
    createdOn: '2026-08-01',
    followUpOn,
    stage,
    ...extra,
  });
}

describe('leads:follow-ups', () => {
  it('lists the open leads due by the day, soonest first, and stops at the limit (the sidebar badge asks for 100)', async () => {
    await lead('Third', '2026-08-14');
    await lead('First', '2026-08-02');
    await lead('Second', '2026-08-09');
    await lead('Later', '2026-08-20');
    await lead('Closed', '2026-08-03', 'won');
    const all = await callOk<LeadRow[]>(ctx, 'leads:follow-ups', { today: '2026-08-15' });
    expect(all.map((r) => r.title)).toEqual(['First', 'Second', 'Third']);
    const two = await callOk<LeadRow[]>(ctx, 'leads:follow-ups', { today: '2026-08-15', limit: 2 });
    expect(two.map((r) => r.title)).toEqual(['First', 'Second']);
  });

  it('refuses a limit out of range, naming the field', async () => {
    const result = await dispatch(ctx, 'leads:follow-ups', { limit: 0 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.fields?.map((f) => f.path)).toEqual(['limit']);
  });
});
