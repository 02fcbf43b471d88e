import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callOk, openTempCtx, sourceId } from '../../../test-support/temp-db';
import { dispatch } from '../dispatch';

let ctx: ReturnType<typeof openTempCtx>;
beforeEach(() => (ctx = openTempCtx()));
afterEach(() => ctx.close());

type Entry = {
  id: number;
  ref: string;
  date: string;
  sourceId: number;
  leadId: number | null;
  kind: string;
  minutes: number;
  note: string;
};
const hours = (channel: string) =>
  (
    ctx.db
      .prepare(`SELECT COALESCE(SUM(minutes), 0) AS m FROM time_entries WHERE source_id = ?`)
      .get(sourceId(ctx, channel)) as { m: number }
  ).m;

describe('time entries: edit in place and undo a delete', () => {
  it('time:update changes minutes, day, kind, note and lead; the channel follows the lead', async () => {
    const upwork = sourceId(ctx, 'Upwork');
    const lead = await callOk<{ id: number }>(ctx, 'leads:create', { title: 'Site', sourceId: upwork });
    const entry = await callOk<Entry>(ctx, 'time:create', {
      date: '2026-08-10',
      sourceId: upwork,
      kind: 'sales',
      minutes: 30,
      note: 'draft',
    });
    const edited = await callOk<Entry>(ctx, 'time:update', {
      id: entry.id,
      date: '2026-08-11',
      kind: 'delivery',
      minutes: 95,
      note: 'call',
      leadId: lead.id,
    });
    expect(edited).toMatchObject({
      id: entry.id,
      ref: entry.ref,
      date: '2026-08-11',
      kind: 'delivery',
      minutes: 95,
      note: 'call',
      leadId: lead.id,
      sourceId: upwork,
    });
    const future = await dispatch(ctx, 'time:update', { id: entry.id, date: '2026-08-16' });
    expect(future).toMatchObject({ ok: false, error: { fields: [{ path: 'date' }] } });
  });

  it('a delete returns the entry; creating it back with its ref restores it once', async () => {
    const linkedin = sourceId(ctx, 'LinkedIn');
    const entry = await callOk<Entry>(ctx, 'time:create', {
      date: '2026-08-09',
      sourceId: linkedin,
      kind: 'sales',
      minutes: 40,
      note: 'post',
    });
    const deleted = await callOk<{ deleted: boolean; entry: Entry }>(ctx, 'time:delete', { id: entry.id });
    expect(deleted.entry).toMatchObject({ ref: entry.ref, minutes: 40, note: 'post' });
    expect(hours('LinkedIn')).toBe(0);
    const { ref, date, kind, minutes, note, sourceId: sid } = deleted.entry;
    const back = await callOk<Entry>(ctx, 'time:create', { ref, date, kind, minutes, note, sourceId: sid });
    expect(back).toMatchObject({ ref: entry.ref, date: '2026-08-09', minutes: 40 });
    expect(hours('LinkedIn')).toBe(40);
    const twice = await dispatch(ctx, 'time:create', { ref, date, kind, minutes, note, sourceId: sid });
    expect(twice).toMatchObject({ ok: false, error: { fields: [{ path: 'ref' }] } });
    expect(hours('LinkedIn')).toBe(40);
  });
});
