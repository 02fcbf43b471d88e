import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelReport } from '../../shared/api/schemas/reports';
import type { TimeEntry, Timer } from '../../shared/api/schemas/time';
import { createCtx } from '../context';
import { openDatabase } from '../db/open';
import { callError } from '../../../test-support/calls';
import { callOk, openTempCtx, sourceId } from '../../../test-support/temp-db';
import { exportReport } from './report-export';
import { rollupDrift } from '../rollups/rebuild';
import { channelMetrics, emptySums } from '../../shared/reports/metrics';

// docs/domain.md §6 hours in the channel report, computed by hand in the comments (clock 2026-08-15, base USD, cash basis).
let ctx: ReturnType<typeof openTempCtx>;
beforeEach(() => (ctx = openTempCtx()));
afterEach(() => ctx.close());

const call = <T = unknown>(name: string, input: unknown) => callOk<T>(ctx, name, input);

async function scenario() {
  const upwork = sourceId(ctx, 'Upwork');
  const linkedin = sourceId(ctx, 'LinkedIn');
  const behance = sourceId(ctx, 'Behance');
  const podcast = sourceId(ctx, 'Podcast');
  const referral = sourceId(ctx, 'Referral');
  const won = await call<{ id: number }>('leads:create', {
    sourceId: upwork,
    title: 'Won job',
    createdOn: '2026-08-01',
    closedOn: '2026-08-05',
    stage: 'won',
    value: '500.00',
  });
  const lost = await call<{ id: number }>('leads:create', {
    sourceId: upwork,
    title: 'Lost job',
    createdOn: '2026-08-02',
    stage: 'applied',
  });
  // Upwork: revenue 1000.00, fee 100.00, an expense of 3.00: profit 897.00 = 89700.
  await call('payments:create', {
    date: '2026-08-06',
    sourceId: upwork,
    leadId: won.id,
    gross: '1000.00',
    fee: '100.00',
  });
  await call('expenses:create', { date: '2026-08-02', sourceId: upwork, category: 'other', amount: '3.00' });
  // Upwork time: sales 90 (won) + 45 (lost) + 15 (channel-level) = 150 min; delivery 240 (won). July's 60 min is outside.
  const log = (input: object) => call<TimeEntry>('time:create', input);
  await log({ date: '2026-08-01', leadId: won.id, kind: 'sales', minutes: 90, note: 'Proposal' });
  await log({ date: '2026-08-05', leadId: won.id, kind: 'delivery', minutes: 240 });
  await log({ date: '2026-08-03', leadId: lost.id, sourceId: upwork, kind: 'sales', minutes: 45 });
  await log({ date: '2026-08-04', sourceId: upwork, kind: 'sales', minutes: 15, note: 'Profile update' });
  await log({ date: '2026-07-20', sourceId: upwork, kind: 'sales', minutes: 60 });
  // Behance: two hours of portfolio posts, no money at all.
  await log({ date: '2026-08-10', sourceId: behance, kind: 'sales', minutes: 120, note: 'Portfolio post' });
  // Podcast: 0.05 of profit over 2 h = 2.5 a hour -> 2 (half to even; Math.round would say 3).
  await call('payments:create', { date: '2026-08-07', sourceId: podcast, gross: '0.05', fee: '0' });
  await log({ date: '2026-08-07', sourceId: podcast, kind: 'delivery', minutes: 120 });
  // Referral: 0.07 over 2 h = 3.5 -> 4.
  await call('payments:create', { date: '2026-08-08', sourceId: referral, gross: '0.07', fee: '0' });
  await log({ date: '2026-08-08', sourceId: referral, kind: 'sales', minutes: 120 });
  // LinkedIn: money, no hours.
  await call('expenses:create', { date: '2026-08-09', sourceId: linkedin, category: 'subscription', amount: '10.00' });
  return { upwork, linkedin, behance, podcast, referral, won, lost };
}

const hoursOf = (row: Record<string, unknown>) => ({
  salesHours: row.salesHours,
  deliveryHours: row.deliveryHours,
  profitPerHour: row.profitPerHour,
  salesHoursPerWin: row.salesHoursPerWin,
  profit: row.profit,
});

describe('hours in the channel report (DOMAIN §6)', () => {
  it('matches a hand computation per channel and in total', async () => {
    await scenario();
    const report = await call<ChannelReport>('reports:channels', {
      from: '2026-08-01',
      to: '2026-08-31',
      basis: 'cash',
    });
    const rows = Object.fromEntries(report.channels.map((c) => [c.source, hoursOf(c)]));
    // Upwork: 89700 × 60 / 390 min = 13800 a hour; 150 sales min = 2.5 h over 1 win.
    expect(rows.Upwork).toEqual({
      salesHours: 2.5,
      deliveryHours: 4,
      profitPerHour: 13800,
      salesHoursPerWin: 2.5,
      profit: 89700,
    });
    // A channel with hours and no money appears: profit 0 over 2 h is 0 a hour; no wins -> null.
    expect(rows.Behance).toEqual({
      salesHours: 2,
      deliveryHours: 0,
      profitPerHour: 0,
      salesHoursPerWin: null,
      profit: 0,
    });
    expect(rows.Podcast).toEqual({
      salesHours: 0,
      deliveryHours: 2,
      profitPerHour: 2,
      salesHoursPerWin: null,
      profit: 5,
    });
    expect(rows.Referral).toEqual({
      salesHours: 2,
      deliveryHours: 0,
      profitPerHour: 4,
      salesHoursPerWin: null,
      profit: 7,
    });
    // No hours: null, not 0.
    expect(rows.LinkedIn).toEqual({
      salesHours: 0,
      deliveryHours: 0,
      profitPerHour: null,
      salesHoursPerWin: null,
      profit: -1000,
    });
    // Total: profit 89700 + 0 + 5 + 7 − 1000 = 88712 over 750 min: 88712 × 60 / 750 = 7096.96 -> 7097;
    // sales 390 min = 6.5 h over 1 win; delivery 360 min = 6 h.
    expect(hoursOf(report.totals)).toEqual({
      salesHours: 6.5,
      deliveryHours: 6,
      profitPerHour: 7097,
      salesHoursPerWin: 6.5,
      profit: 88712,
    });
    const behanceRow = report.channels.find((c) => c.source === 'Behance')!;
    expect([behanceRow.leads, behanceRow.revenue, behanceRow.costs]).toEqual([0, 0, 0]);
  });

  it('counts the range by entry date, reads month rollups and day edges alike, and the CSV export carries the fields', async () => {
    await scenario();
    const july = await call<ChannelReport>('reports:channels', { from: '2026-07-01', to: '2026-07-31', basis: 'cash' });
    expect(july.channels.map((c) => [c.source, c.salesHours, c.profitPerHour])).toEqual([['Upwork', 1, 0]]);
    // A partial range across the month edge: 07-20..08-01 holds 60 + 90 sales minutes of Upwork.
    const edge = await call<ChannelReport>('reports:channels', { from: '2026-07-20', to: '2026-08-01', basis: 'cash' });
    expect(edge.channels.find((c) => c.source === 'Upwork')).toMatchObject({ salesHours: 2.5, deliveryHours: 0 });
    // All time starts at the earliest record, a time entry included.
    const all = await call<ChannelReport>('reports:channels', { basis: 'cash' });
    expect(all.from).toBe('2026-07-20');
    expect(all.totals.salesHours).toBe(7.5);
    // The report CSV: the four fields before currency, basis and attribution, profit per hour as money.
    const csv = exportReport(ctx, { from: '2026-08-01', to: '2026-08-31', basis: 'cash' }).text.split('\r\n');
    expect(csv[0]).toMatch(
      /,medianDaysToWin,salesHours,deliveryHours,profitPerHour,salesHoursPerWin,currency,basis,attribution$/,
    );
    expect(csv.find((l) => l.startsWith('Upwork,'))).toMatch(/,2\.5,4,138\.00,2\.5,USD,cash,last$/);
    expect(csv.find((l) => l.startsWith('LinkedIn,'))).toMatch(/,0,0,,,USD,cash,last$/);
    expect(csv.find((l) => l.startsWith('Total,'))).toMatch(/,6\.5,6,70\.97,6\.5,USD,cash,last$/);
  });

  it('profitPerHour rounds half to even from the final profit', () => {
    const base = { ...emptySums(), revenue: 5, salesMinutes: 120 };
    expect(channelMetrics(base).profitPerHour).toBe(2); // 2.5 -> 2
    expect(channelMetrics({ ...base, revenue: 7 }).profitPerHour).toBe(4); // 3.5 -> 4
    expect(channelMetrics({ ...base, revenue: -5 }).profitPerHour).toBe(-2); // -2.5 -> -2
    expect(channelMetrics({ ...base, revenue: 10, salesMinutes: 0, deliveryMinutes: 0 }).profitPerHour).toBeNull();
    expect(channelMetrics({ ...base, wins: 0 }).salesHoursPerWin).toBeNull();
    expect(channelMetrics({ ...base, wins: 3 }).salesHoursPerWin).toBeCloseTo(2 / 3, 12);
    // 20 minutes: 0.333… h at full precision.
    expect(channelMetrics({ ...emptySums(), deliveryMinutes: 20 }).deliveryHours).toBe(20 / 60);
  });

  it('moves a lead’s hours with the lead to another channel, and keeps them on the channel when the lead is deleted', async () => {
    const { lost, linkedin, upwork } = await scenario();
    await call('leads:update', { id: lost.id, sourceId: linkedin });
    const list = await call<{ entries: TimeEntry[] }>('time:list', { leadId: lost.id });
    expect(list.entries.map((e) => e.sourceName)).toEqual(['LinkedIn']);
    await call('leads:delete', { id: lost.id });
    const onLinkedIn = await call<{ entries: TimeEntry[]; totals: { salesMinutes: number } }>('time:list', {
      sourceId: linkedin,
    });
    expect(onLinkedIn.entries.map((e) => [e.leadId, e.minutes])).toEqual([[null, 45]]);
    const report = await call<ChannelReport>('reports:channels', {
      from: '2026-08-01',
      to: '2026-08-31',
      basis: 'cash',
    });
    expect(report.channels.find((c) => c.source === 'LinkedIn')?.salesHours).toBe(0.75);
    expect(report.channels.find((c) => c.source === 'Upwork')?.salesHours).toBe(105 / 60);
    expect(upwork).toBeGreaterThan(0);
    // The day and month rollups the report reads equal a fresh computation after every kind of write.
    expect(rollupDrift(ctx.db)).toEqual([]);
  });
});

describe('time entries through the API', () => {
  it('refuses bad input naming the field, and saves nothing', async () => {
    const { upwork, linkedin, won } = await scenario();
    const before = (await call<{ totals: { count: number } }>('time:list', {})).totals.count;
    const bad = async (input: object) => {
      const error = await callError(ctx, 'time:create', { date: '2026-08-10', kind: 'sales', minutes: 30, ...input });
      return [error.code, error.fields?.[0]?.path, error.message];
    };
    expect(await bad({ sourceId: upwork, minutes: 0 })).toEqual([
      'invalid_input',
      'minutes',
      'minutes: Minutes must be more than 0',
    ]);
    expect(await bad({ sourceId: upwork, minutes: -5 })).toEqual([
      'invalid_input',
      'minutes',
      'minutes: Minutes must be more than 0',
    ]);
    expect(await bad({ sourceId: upwork, minutes: 1.5 })).toEqual([
      'invalid_input',
      'minutes',
      'minutes: Minutes must be a whole number',
    ]);
    expect((await bad({ sourceId: upwork, date: '2026-08-16' }))[1]).toBe('date');
    expect((await bad({ sourceId: upwork, date: '2026-08-16' }))[2]).toMatch(/in the future/);
    expect(await bad({ leadId: won.id, sourceId: linkedin })).toEqual([
      'invalid_input',
      'sourceId',
      "sourceId: The lead is on Upwork, not LinkedIn: leave the channel empty or pick the lead's",
    ]);
    expect(await bad({ leadId: 99999 })).toEqual(['invalid_input', 'leadId', 'leadId: Lead 99999 does not exist']);
    expect(await bad({ sourceId: 99999 })).toEqual([
      'invalid_input',
      'sourceId',
      'sourceId: Unknown channel (id 99999)',
    ]);
    expect(await bad({})).toEqual(['invalid_input', 'sourceId', 'sourceId: Choose a channel or a lead']);
    expect((await bad({ sourceId: upwork, kind: 'lunch' }))[1]).toBe('kind');
    expect((await call<{ totals: { count: number } }>('time:list', {})).totals.count).toBe(before);
  });

  it('updates and deletes an entry; a new lead brings its channel', async () => {
    const { upwork, behance, won } = await scenario();
    const e = await call<TimeEntry>('time:create', {
      date: '2026-08-11',
      sourceId: behance,
      kind: 'sales',
      minutes: 10,
    });
    const moved = await call<TimeEntry>('time:update', { id: e.id, leadId: won.id, minutes: 25 });
    expect([moved.sourceId, moved.leadId, moved.minutes, moved.leadTitle]).toEqual([upwork, won.id, 25, 'Won job']);
    expect((await callError(ctx, 'time:update', { id: e.id, sourceId: behance })).fields?.[0]?.path).toBe('sourceId');
    expect((await callError(ctx, 'time:update', { id: e.id, date: '2027-01-01' })).fields?.[0]?.path).toBe('date');
    expect(await call('time:delete', { id: e.id })).toMatchObject({ deleted: true, entry: { id: e.id } });
    expect(await call('time:delete', { id: e.id })).toEqual({ deleted: false });
    expect((await callError(ctx, 'time:update', { id: e.id, minutes: 5 })).code).toBe('not_found');
    expect(rollupDrift(ctx.db)).toEqual([]);
  });

  it('keeps a running timer across a restart and logs its whole minutes on the day it started', async () => {
    const { won } = await scenario();
    let now = new Date('2026-08-15T09:00:00Z');
    const file = ctx.dbPath;
    const started = await callOk<Timer>(
      createCtx(ctx.db, file, () => now),
      'timer:start',
      { leadId: won.id, kind: 'delivery', note: 'Sprint' },
    );
    expect(started).toMatchObject({
      leadTitle: 'Won job',
      sourceName: 'Upwork',
      kind: 'delivery',
      startedAt: '2026-08-15T09:00:00.000Z',
    });
    expect((await callError(ctx, 'timer:start', { leadId: won.id })).code).toBe('conflict');
    // "Restart": a new connection to the same file.
    ctx.store.close();
    const db = openDatabase(file);
    now = new Date('2026-08-15T09:25:31Z');
    const again = createCtx(db, file, () => now);
    try {
      expect(await callOk<Timer | null>(again, 'timer:get', {})).toMatchObject({
        startedAt: '2026-08-15T09:00:00.000Z',
        leadId: won.id,
      });
      const entry = await callOk<TimeEntry>(again, 'timer:stop', {});
      expect([entry.minutes, entry.date, entry.kind, entry.leadId, entry.note]).toEqual([
        26,
        '2026-08-15',
        'delivery',
        won.id,
        'Sprint',
      ]);
      expect(await callOk(again, 'timer:get', {})).toBeNull();
      expect((await callError(again, 'timer:stop', {})).code).toBe('conflict');
      await callOk(again, 'timer:start', { sourceId: sourceId(again, 'Behance') });
      expect(await callOk(again, 'timer:cancel', {})).toEqual({ cancelled: true });
      expect(await callOk(again, 'timer:get', {})).toBeNull();
    } finally {
      again.store.close();
      ctx = Object.assign(
        createCtx(openDatabase(file), file, () => now),
        { close: ctx.close },
      );
    }
  });
});
