import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../dispatch';
import { openTempCtx, sourceId } from '../../../test-support/temp-db';

let ctx: ReturnType<typeof openTempCtx>;
beforeEach(() => (ctx = openTempCtx()));
afterEach(() => ctx.close());

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await dispatch(ctx, name, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}
async function fails(name: string, input: unknown) {
  const result = await dispatch(ctx, name, input);
  if (result.ok) throw new Error(`${name} should have failed`);
  return result.error;
}
const count = (sql: string) => (ctx.db.prepare(sql).get() as { n: number }).n;

type Lead = {
  id: number;
  stage: string;
  closedOn: string | null;
  valueMinor: number | null;
  lostReason: string;
  followUpOn: string | null;
  lastActivityAt: string | null;
};

async function lead(title = 'Logo', extra: Record<string, unknown> = {}): Promise<Lead> {
  return call<Lead>('leads:create', {
    title,
    sourceId: sourceId(ctx, 'Upwork'),
    stage: 'applied',
    createdOn: '2026-08-01',
    appliedOn: '2026-08-03',
    value: '500',
    currency: 'USD',
    ...extra,
  });
}

describe('closeout:won', () => {
  it('moves to Won with its date and value and records the payment with the channel fee, in one step', async () => {
    const l = await lead();
    const fee = await call<{ feeMinor: number }>('closeout:fee', { id: l.id, gross: '600', date: '2026-08-14' });
    expect(fee.feeMinor).toBe(6000); // Upwork's preset: 10%
    const done = await call<{ paymentId: number }>('closeout:won', {
      id: l.id,
      closedOn: '2026-08-14',
      value: '600',
      payment: { gross: '600', date: '2026-08-14', fee: '' },
    });
    const after = await call<Lead>('leads:get', { id: l.id });
    expect(after).toMatchObject({ stage: 'won', closedOn: '2026-08-14', valueMinor: 60000 });
    const payments = await call<{ items: { id: number; grossMinor: number; feeMinor: number; leadId: number }[] }>(
      'payments:list',
      {},
    );
    expect(payments.items).toEqual([
      expect.objectContaining({ id: done.paymentId, grossMinor: 60000, feeMinor: 6000, leadId: l.id }),
    ]);
    const timeline = await call<{ type: string }[]>('activity:timeline', { leadId: l.id });
    expect(timeline.map((t) => t.type).sort()).toEqual(['payment', 'stage', 'stage', 'stage']); // added 1st, applied 3rd, won 14th
  });

  it('refuses a close date before Applied and a payment over ten times the value (until confirmed), saving nothing', async () => {
    const l = await lead();
    const early = await fails('closeout:won', { id: l.id, closedOn: '2026-08-02' });
    expect(early.fields).toEqual([{ path: 'closedOn', message: 'Closed cannot be before Applied (2026-08-03)' }]);
    const big = await fails('closeout:won', {
      id: l.id,
      closedOn: '2026-08-14',
      value: '500',
      payment: { gross: '5000.01', date: '2026-08-14' },
    });
    expect(big.fields?.[0]?.path).toBe('payment.gross');
    expect((await call<Lead>('leads:get', { id: l.id })).stage).toBe('applied');
    expect(count('SELECT COUNT(*) AS n FROM payments')).toBe(0);
    // A payment refused by the store rolls the stage change back too.
    const bad = await fails('closeout:won', {
      id: l.id,
      closedOn: '2026-08-14',
      payment: { gross: '100', date: '2026-08-14', fee: '200' },
    });
    expect(bad.fields?.[0]?.path).toBe('fee');
    expect((await call<Lead>('leads:get', { id: l.id })).stage).toBe('applied');
    await call('closeout:won', {
      id: l.id,
      closedOn: '2026-08-14',
      value: '500',
      payment: { gross: '5000.01', date: '2026-08-14', confirmLarge: true },
    });
    expect(count('SELECT COUNT(*) AS n FROM payments')).toBe(1);
  });
});

describe('closeout:lost and reasons', () => {
  it('stores the reason, adds a new one to the list, logs the note and counts reasons per channel', async () => {
    const a = await lead('A');
    const b = await lead('B', { sourceId: sourceId(ctx, 'Fiverr') });
    await call('closeout:lost', { id: a.id, reason: 'Price', note: 'They found someone at half' });
    await call('closeout:lost', { id: b.id, reason: 'Ghosted' });
    expect((await call<Lead>('leads:get', { id: a.id })).lostReason).toBe('Price');
    const prefs = await call<{ lostReasons: string[] }>('preferences:get', {});
    expect(prefs.lostReasons).toEqual([
      'Price',
      'No reply',
      'Chose someone else',
      'Job cancelled',
      'Not a fit',
      'Ghosted',
    ]);
    const timeline = await call<{ type: string; activity?: { text: string } }[]>('activity:timeline', { leadId: a.id });
    expect(timeline.find((t) => t.type === 'activity')?.activity?.text).toBe(
      'Lost (Price): They found someone at half',
    );
    const report = await call<{ sourceName: string; reason: string; count: number }[]>('reasons:report', {
      from: '2026-08-01',
      to: '2026-08-31',
    });
    expect(report.map((r) => [r.sourceName, r.reason, r.count])).toEqual([
      ['Fiverr', 'Ghosted', 1],
      ['Upwork', 'Price', 1],
    ]);
    expect(await call('reasons:report', { from: '2026-09-01' })).toEqual([]);
    expect(await call('reasons:report', { to: '2026-07-31' })).toEqual([]);
    const c = await lead('C');
    await call('leads:move', { id: c.id, stage: 'lost', closedOn: '2026-08-04' });
    const all = await call<{ sourceName: string; reason: string; count: number }[]>('reasons:report', {});
    expect(all.map((r) => [r.sourceName, r.reason, r.count])).toEqual([
      ['Fiverr', 'Ghosted', 1],
      ['Upwork', 'No reason given', 1],
      ['Upwork', 'Price', 1],
    ]);
    expect(await call('reasons:report', { to: '2026-08-04' })).toMatchObject([
      { sourceName: 'Upwork', reason: 'No reason given', count: 1 },
    ]);
    const empty = await fails('closeout:lost', { id: a.id, reason: '  ' });
    expect(empty.fields?.[0]).toEqual({ path: 'reason', message: 'Choose a reason' });
  });
});

describe('activity', () => {
  it('logs activity, refuses a future one unless it is a meeting, and marks leads stale', async () => {
    const l = await lead();
    const future = await fails('activity:create', { leadId: l.id, kind: 'call', at: '2026-08-16T09:00:00.000Z' });
    expect(future.fields?.[0]?.path).toBe('at');
    await call('activity:create', { leadId: l.id, kind: 'meeting', at: '2026-08-20T09:00:00.000Z', text: 'Kick-off' });
    const call1 = await call<{ id: number }>('activity:create', {
      leadId: l.id,
      kind: 'call',
      at: '2026-08-15T08:00:00.000Z',
      text: 'Discussed scope',
    });
    const timeline = await call<{ type: string; at: string }[]>('activity:timeline', { leadId: l.id });
    expect(timeline.map((t) => t.type)).toEqual(['activity', 'activity', 'stage', 'stage']); // meeting 20th, call 15th, applied 3rd, added 1st (typed dates)
    expect(timeline[0]!.at > timeline[1]!.at).toBe(true);
    expect((await call<Lead>('leads:get', { id: l.id })).lastActivityAt).toBe('2026-08-20T09:00:00.000Z');
    expect(await call('activity:delete', { id: call1.id })).toMatchObject({
      deleted: true,
      snapshot: { id: call1.id },
    });

    // Stale: an open lead created, applied, moved and worked on only before the cutoff.
    const old = await lead('Old', { createdOn: '2026-06-01', appliedOn: '2026-06-02' });
    await lead('Fresh', { createdOn: '2026-08-01', appliedOn: '2026-08-14' });
    const moved = await lead('Moved', { createdOn: '2026-06-01', appliedOn: '2026-06-02' });
    await call('leads:move', { id: moved.id, stage: 'replied' });
    const cutoff = '2026-08-05T00:00:00.000Z';
    const stale = await call<{ rows: { title: string }[] }>('leads:list', { staleBefore: cutoff });
    expect(stale.rows.map((r) => r.title)).toEqual(['Old']);
    await call('activity:create', { leadId: old.id, kind: 'message', at: '2026-08-10T10:00:00.000Z' });
    expect((await call<{ total: number }>('leads:list', { staleBefore: cutoff })).total).toBe(0);
  });
});

describe('agenda', () => {
  it('lists open follow-ups with their last activity; Done logs it and sets the next one', async () => {
    const l = await lead('Chase', { followUpOn: '2026-08-15' });
    await lead('Closed', { followUpOn: '2026-08-10', stage: 'won', closedOn: '2026-08-12' });
    await lead('Later', { followUpOn: '2026-10-01' });
    await call('activity:create', {
      leadId: l.id,
      kind: 'message',
      at: '2026-08-14T10:00:00.000Z',
      text: 'Sent the draft',
    });
    const items = await call<{ lead: { title: string }; lastActivity: { text: string } | null }[]>('agenda:list', {});
    expect(items.map((i) => [i.lead.title, i.lastActivity?.text ?? null])).toEqual([
      ['Chase', 'Sent the draft'],
      ['Later', null],
    ]);
    await call('agenda:done', { leadId: l.id, at: '2026-08-15T11:00:00.000Z', next: '2026-08-22' });
    expect((await call<Lead>('leads:get', { id: l.id })).followUpOn).toBe('2026-08-22');
    expect(count(`SELECT COUNT(*) AS n FROM activity WHERE kind = 'follow-up'`)).toBe(1);
  });
});

describe('preferences', () => {
  it('has defaults, keeps updates and refuses bad values with the field named', async () => {
    expect(await call('preferences:get', {})).toMatchObject({
      theme: 'system',
      dateFormat: 'locale',
      staleDays: 21,
      notifications: true,
      weekStartsOn: 1,
    });
    await call('preferences:update', { theme: 'dark', staleDays: 30 });
    await call('preferences:update', { notifications: false });
    expect(await call('preferences:get', {})).toMatchObject({
      theme: 'dark',
      dateFormat: 'locale',
      staleDays: 30,
      notifications: false,
    });
    // Only chosen fields are stored: the date format keeps following the locale default.
    expect(
      JSON.parse(
        (ctx.db.prepare(`SELECT value FROM settings WHERE key = 'preferences'`).get() as { value: string }).value,
      ),
    ).toEqual({ theme: 'dark', staleDays: 30, notifications: false });
    const bad = await fails('preferences:update', { staleDays: 0 });
    expect(bad.fields?.[0]).toEqual({ path: 'staleDays', message: 'At least 1 day' });
  });
});
