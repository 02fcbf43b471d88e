import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callOk, openTempCtx, sourceId } from '../../../test-support/temp-db';

// Today is 2026-08-15 (openTempCtx): every date below is typed after the fact.
let ctx: ReturnType<typeof openTempCtx>;
beforeEach(() => (ctx = openTempCtx()));
afterEach(() => ctx.close());

type Detail = {
  id: number;
  appliedOn: string | null;
  closedOn: string | null;
  history: { fromStage: string | null; toStage: string; changedAt: string }[];
};
const steps = (d: Detail) => d.history.map((h) => `${h.fromStage ?? '+'}>${h.toStage}@${h.changedAt.slice(0, 10)}`);

describe('stage history follows the typed dates', () => {
  it('a back-filled lead: Added on created, Applied on applied, Lost on closed', async () => {
    const lead = await callOk<Detail>(ctx, 'leads:create', {
      title: 'Old bid',
      sourceId: sourceId(ctx, 'Upwork'),
      createdOn: '2026-07-07',
      appliedOn: '2026-07-09',
      stage: 'lost',
      closedOn: '2026-07-20',
    });
    expect(steps(lead)).toEqual(['+>new@2026-07-07', 'new>applied@2026-07-09', 'applied>lost@2026-07-20']);
  });

  it('a lead typed on the day keeps one "Added as" entry at the clock time', async () => {
    const lead = await callOk<Detail>(ctx, 'leads:create', {
      title: 'Fresh',
      sourceId: sourceId(ctx, 'Upwork'),
      stage: 'applied',
    });
    expect(lead.history).toEqual([{ fromStage: null, toStage: 'applied', changedAt: '2026-08-15T12:00:00.000Z' }]);
  });

  it('moving an old New lead to Won takes the closed date; applied is not set later than closed', async () => {
    const lead = await callOk<Detail>(ctx, 'leads:create', {
      title: 'Quiet',
      sourceId: sourceId(ctx, 'Upwork'),
      createdOn: '2026-06-01',
    });
    const won = await callOk<Detail>(ctx, 'closeout:won', { id: lead.id, closedOn: '2026-06-13' });
    void won;
    const detail = await callOk<Detail>(ctx, 'leads:get', { id: lead.id });
    expect(detail.closedOn).toBe('2026-06-13');
    expect(detail.appliedOn).toBe('2026-06-13');
    expect(steps(detail)).toEqual(['+>new@2026-06-01', 'new>won@2026-06-13']);
  });

  it('Lost through the dialog operation takes its day', async () => {
    const lead = await callOk<Detail>(ctx, 'leads:create', {
      title: 'Gone',
      sourceId: sourceId(ctx, 'Upwork'),
      createdOn: '2026-06-01',
      stage: 'applied',
      appliedOn: '2026-06-02',
    });
    await callOk(ctx, 'closeout:lost', { id: lead.id, reason: 'No reply', closedOn: '2026-06-30' });
    const detail = await callOk<Detail>(ctx, 'leads:get', { id: lead.id });
    expect(detail.closedOn).toBe('2026-06-30');
    expect(steps(detail).at(-1)).toBe('applied>lost@2026-06-30');
  });

  it('a move to Replied or Interview is dated by the day the user gives, never before applied', async () => {
    const lead = await callOk<Detail>(ctx, 'leads:create', {
      title: 'Chat',
      sourceId: sourceId(ctx, 'Upwork'),
      createdOn: '2026-07-01',
      stage: 'applied',
      appliedOn: '2026-07-02',
    });
    await callOk(ctx, 'leads:move', { id: lead.id, stage: 'replied', on: '2026-07-05' });
    const moved = await callOk<Detail>(ctx, 'leads:move', { id: lead.id, stage: 'interview' });
    expect(steps(moved).slice(-2)).toEqual(['applied>replied@2026-07-05', 'replied>interview@2026-08-15']);
    await expect(callOk(ctx, 'leads:move', { id: lead.id, stage: 'replied', on: '2026-07-01' })).rejects.toThrow(
      /before Applied/,
    );
  });

  it('editing a typed day moves the history entry it dates', async () => {
    const lead = await callOk<Detail>(ctx, 'leads:create', {
      title: 'Edit',
      sourceId: sourceId(ctx, 'Upwork'),
      createdOn: '2026-07-01',
      stage: 'won',
      appliedOn: '2026-07-03',
      closedOn: '2026-07-10',
    });
    const edited = await callOk<Detail>(ctx, 'leads:update', {
      id: lead.id,
      createdOn: '2026-06-28',
      appliedOn: '2026-07-04',
      closedOn: '2026-07-12',
    });
    expect(steps(edited)).toEqual(['+>new@2026-06-28', 'new>applied@2026-07-04', 'applied>won@2026-07-12']);
  });

  it('staleness follows the typed dates: a back-filled lead applied long ago is stale', async () => {
    const lead = await callOk<Detail>(ctx, 'leads:create', {
      title: 'Stale',
      sourceId: sourceId(ctx, 'Upwork'),
      createdOn: '2026-06-01',
      stage: 'applied',
      appliedOn: '2026-06-02',
    });
    const page = await callOk<{ rows: { id: number }[] }>(ctx, 'leads:list', {
      staleBefore: '2026-08-01T00:00:00.000Z',
    });
    expect(page.rows.map((l) => l.id)).toContain(lead.id);
  });
});

describe('a move back is dated now, after the history it follows', () => {
  it('Lost on a past day, then back to Applied (Undo): the history stays in order', async () => {
    const lead = await callOk<Detail>(ctx, 'leads:create', {
      title: 'Back',
      sourceId: sourceId(ctx, 'Upwork'),
      createdOn: '2026-06-01',
      stage: 'applied',
      appliedOn: '2026-06-02',
    });
    await callOk(ctx, 'closeout:lost', { id: lead.id, reason: 'Price', closedOn: '2026-07-01' });
    const back = await callOk<Detail>(ctx, 'leads:move', { id: lead.id, stage: 'applied' });
    expect(steps(back)).toEqual([
      '+>new@2026-06-01',
      'new>applied@2026-06-02',
      'applied>lost@2026-07-01',
      'lost>applied@2026-08-15',
    ]);
  });
});
