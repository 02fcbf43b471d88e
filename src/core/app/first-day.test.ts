import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callOk, openTempCtx, sourceId } from '../../../test-support/temp-db';

let ctx: ReturnType<typeof openTempCtx>;
beforeEach(() => (ctx = openTempCtx()));
afterEach(() => ctx.close());

type Steps = { channels: boolean; connects: boolean; lead: boolean; import: boolean; time: boolean; leads: number };

describe('app:first-day: the first-day guide ticks its steps from the data', () => {
  it('starts with nothing done and ticks each step as the user does it', async () => {
    expect(await callOk<Steps>(ctx, 'app:first-day', {})).toEqual({
      channels: false,
      connects: false,
      lead: false,
      import: false,
      time: false,
      leads: 0,
    });
    const fiverr = sourceId(ctx, 'Fiverr');
    await callOk(ctx, 'sources:update', { id: fiverr, archived: true });
    await callOk(ctx, 'connects:set-opening', { sourceId: sourceId(ctx, 'Upwork'), count: 43, on: '2026-08-01' });
    await callOk(ctx, 'leads:create', { title: 'First', sourceId: sourceId(ctx, 'Upwork') });
    await callOk(ctx, 'time:create', {
      date: '2026-08-14',
      sourceId: sourceId(ctx, 'Upwork'),
      kind: 'sales',
      minutes: 20,
    });
    expect(await callOk<Steps>(ctx, 'app:first-day', {})).toEqual({
      channels: true,
      connects: true,
      lead: true,
      import: false,
      time: true,
      leads: 1,
    });
  });
});
