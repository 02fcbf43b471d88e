import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LeadCreate, LeadMove, LeadUpdate } from '../../shared/api/schemas/leads';
import { leadDateIssues } from '../../shared/domain/lead-dates';
import { dispatch } from '../dispatch';
import { openTempCtx, sourceId } from '../../../test-support/temp-db';

let ctx: ReturnType<typeof openTempCtx>;
beforeEach(() => (ctx = openTempCtx()));
afterEach(() => ctx.close());

const paths = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  r.error?.issues.map((i) => i.path.join('.')) ?? [];

describe('lead date order: created ≤ applied ≤ closed', () => {
  it('names the later field of the broken pair', () => {
    expect(leadDateIssues({ createdOn: '2026-08-10', appliedOn: '2026-08-09' })).toMatchObject([
      { field: 'appliedOn' },
    ]);
    expect(leadDateIssues({ createdOn: '2026-08-01', appliedOn: '2026-08-10', closedOn: '2026-08-05' })).toMatchObject([
      { field: 'closedOn' },
    ]);
    expect(leadDateIssues({ createdOn: '2026-08-10', closedOn: '2026-08-05' })).toMatchObject([{ field: 'closedOn' }]);
    expect(leadDateIssues({ createdOn: '2026-08-01', appliedOn: '2026-08-01', closedOn: '2026-08-01' })).toEqual([]);
  });

  it('is in the shared create and update schemas (API, form and importer)', () => {
    const sid = 1;
    expect(
      paths(
        LeadCreate.safeParse({
          title: 'x',
          sourceId: sid,
          createdOn: '2026-08-01',
          appliedOn: '2026-08-10',
          closedOn: '2026-08-09',
        }),
      ),
    ).toEqual(['closedOn']);
    expect(paths(LeadUpdate.safeParse({ id: 1, appliedOn: '2026-08-10', closedOn: '2026-08-09' }))).toEqual([
      'closedOn',
    ]);
    expect(paths(LeadMove.safeParse({ id: 1, stage: 'applied', closedOn: '2026-08-09' }))).toEqual(['closedOn']);
  });

  it('checks an update against the stored dates and writes nothing', async () => {
    const created = await dispatch(ctx, 'leads:create', {
      title: 'Site',
      sourceId: sourceId(ctx, 'Upwork'),
      createdOn: '2026-08-01',
      appliedOn: '2026-08-05',
      stage: 'won',
      closedOn: '2026-08-12',
    });
    if (!created.ok) throw new Error(created.error.message);
    const id = (created.value as { id: number }).id;
    const bad = await dispatch(ctx, 'leads:update', { id, closedOn: '2026-08-04' });
    expect(bad).toMatchObject({ ok: false, error: { fields: [{ path: 'closedOn' }] } });
    const fixed = await dispatch(ctx, 'leads:update', { id, closedOn: '2026-08-07' });
    expect(fixed).toMatchObject({ ok: true, value: { closedOn: '2026-08-07' } });
  });

  it('moves to Won on the day the user names, default today', async () => {
    const created = await dispatch(ctx, 'leads:create', {
      title: 'Logo',
      sourceId: sourceId(ctx, 'Upwork'),
      createdOn: '2026-07-01',
      stage: 'applied',
      appliedOn: '2026-07-02',
    });
    if (!created.ok) throw new Error(created.error.message);
    const id = (created.value as { id: number }).id;
    expect(await dispatch(ctx, 'leads:move', { id, stage: 'won', closedOn: '2026-07-01' })).toMatchObject({
      ok: false,
      error: { fields: [{ path: 'closedOn' }] },
    });
    expect(await dispatch(ctx, 'leads:move', { id, stage: 'won', closedOn: '2026-07-20' })).toMatchObject({
      ok: true,
      value: { stage: 'won', closedOn: '2026-07-20' },
    });
    // Won → Lost without a date: today (the clock is pinned at 2026-08-15), not the earlier close.
    expect(await dispatch(ctx, 'leads:move', { id, stage: 'lost' })).toMatchObject({
      ok: true,
      value: { closedOn: '2026-08-15' },
    });
  });
});
