import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectsLedger } from '../../shared/api/schemas/connects';
import type { ChannelReport } from '../../shared/api/schemas/reports';
import { dispatch } from '../dispatch';
import { callOk, openTempCtx, sourceId } from '../../../test-support/temp-db';

// Hand-computed ledgers of docs/domain.md §5. The clock is pinned at 2026-08-15; Upwork's preset: 10 free
// Connects a month, $0.15 each since 2000.
let ctx: ReturnType<typeof openTempCtx>;
let upwork: number;
beforeEach(() => {
  ctx = openTempCtx();
  upwork = sourceId(ctx, 'Upwork');
});
afterEach(() => ctx.close());

const call = <T = unknown>(name: string, input: unknown) => callOk<T>(ctx, name, input);
const ledger = async (on?: string) =>
  (await call<{ channels: ConnectsLedger[] }>('connects:ledger', { source: 'Upwork', ...(on ? { on } : {}) }))
    .channels[0]!;
const lead = (createdOn: string, connects: number, extra: object = {}) =>
  call('leads:create', { sourceId: upwork, title: `lead ${createdOn}`, createdOn, connects, ...extra });
const report = (from: string, to: string, basis: 'cash' | 'usage' = 'usage') =>
  call<ChannelReport>('reports:channels', { from, to, basis });

describe('the credits ledger', () => {
  it('assumes a start on the 1st of the first month with credits, and values uncovered spends at the day price', async () => {
    await lead('2026-06-10', 30);
    await call('expenses:create', {
      date: '2026-06-20',
      sourceId: upwork,
      category: 'connects',
      amount: '6.00',
      connects: 40,
    });
    // 06-01 allowance 10; 06-10 spend 30: 10 from the allowance, 20 uncovered; 06-20 +40; 07-01 +10; 08-01 +10.
    expect(await ledger()).toMatchObject({
      start: '2026-06-01',
      startAssumed: true,
      balance: 60,
      expiringIn30Days: 0,
      spent: 30,
      bought: 40,
      allowance: 30,
      adjustments: 0,
      expired: 0,
      uncovered: 20,
      opening: 0,
    });
    const june = await report('2026-06-01', '2026-06-30');
    // Usage: 10 free (0) + 20 uncovered x 15 = 300; the purchase itself is not a usage cost.
    expect(june.channels[0]).toMatchObject({ source: 'Upwork', costs: 300, connectsSpent: 30, connectsExpired: 0 });
    expect(june.warnings).toContain('Upwork: 20 Connects spent that no opening balance, allowance or purchase covers');
    expect((await report('2026-06-01', '2026-06-30', 'cash')).channels[0]).toMatchObject({ costs: 600 });
  });

  it('spends the opening balance before the same day allowance, lets a plan replace the allowance, expires after 365 days', async () => {
    await call('connects:set-opening', { sourceId: upwork, count: 50, on: '2025-08-01' });
    await call('subscriptions:create', {
      sourceId: upwork,
      name: 'Freelancer Plus',
      period: 'monthly',
      amount: '19.99',
      startsOn: '2025-09-15',
      freeCreditsMonthly: 100,
    });
    await lead('2025-08-01', 55);
    await call('connects:adjust', { sourceId: upwork, count: -3, on: '2026-02-01', note: 'Upwork shows 3 fewer' });
    await call('connects:adjust', { sourceId: upwork, count: 12, on: '2026-03-10', note: 'Support credited 12' });
    await lead('2026-08-10', 6);
    // Allowance: 2025-08-01 10, 2025-09-01 10 (the plan starts on the 15th), then 100 on each 1st from 2025-10 to 2026-08 (11): 1120.
    // 2025-08-01: the spend of 55 takes the opening 50 ($7.50) first, then 5 of that day's 10.
    // 2026-02-01 −3 from the 2025-08-01 lot (2 left), expired on 2026-08-01. 2026-08-10: 6 from the 2025-09-01 lot (4 left,
    // expiring 2026-09-01: within 30 days). Balance 4 + 100 (2025-10) + 10 x 100 + 12 = 1116.
    const l = await ledger();
    expect(l).toMatchObject({
      start: '2025-08-01',
      startAssumed: false,
      opening: 50,
      allowance: 1120,
      bought: 0,
      adjustments: 9,
      spent: 61,
      expired: 2,
      uncovered: 0,
      balance: 1116,
      expiringIn30Days: 4,
    });
    expect(l.balance).toBe(50 + 1120 + 9 - 61 - 2);
    expect(l.months[0]).toEqual({ month: '2025-08', in: 60, out: 55, expired: 0, balance: 5 });
    expect(l.months.find((m) => m.month === '2026-08')).toEqual({
      month: '2026-08',
      in: 100,
      out: 6,
      expired: 2,
      balance: 1116,
    });
    // Usage costs: the opening's 50 at $0.15 in August 2025 (allowance credits cost 0); the plan's charges are the plan's.
    expect((await report('2025-08-01', '2025-08-31')).channels[0]).toMatchObject({ costs: 750, connectsExpired: 0 });
    expect((await report('2026-08-01', '2026-08-15')).channels[0]).toMatchObject({ costs: 1999, connectsExpired: 2 });
    // Before the adjustments the ledger had 9 fewer; asking for an earlier day ignores later events.
    expect(await ledger('2026-01-31')).toMatchObject({ adjustments: 0, spent: 55, expired: 0 });
  });

  it('counts what expired unused, and the cost of purchased credits that expired, in the range of their expiry', async () => {
    await call('connects:set-opening', { sourceId: upwork, count: 0, on: '2025-03-01' });
    await call('expenses:create', {
      date: '2025-03-05',
      sourceId: upwork,
      category: 'connects',
      amount: '3.00',
      connects: 20,
    });
    // Lots: 2025-03-01 allowance 10 (expires 2026-03-01), 2025-03-05 purchase 20 for $3.00 (expires 2026-03-05).
    const march = await report('2026-03-01', '2026-03-31');
    expect(march.channels[0]).toMatchObject({ source: 'Upwork', connectsExpired: 30, costs: 300, leads: 0 });
    expect((await report('2026-03-01', '2026-03-31', 'cash')).channels[0]).toMatchObject({
      connectsExpired: 30,
      costs: 0,
    });
    // On 2026-03-04: the purchase (03-05) and the 2025-04-01 allowance (04-01) expire within 30 days.
    expect(await ledger('2026-03-04')).toMatchObject({ expired: 10, balance: 20 + 12 * 10, expiringIn30Days: 30 });
  });

  it('refuses what would make the balance negative, with the date, and bad counts, dates and notes, saving nothing', async () => {
    await call('connects:set-opening', { sourceId: upwork, count: 50, on: '2026-08-01' });
    await lead('2026-08-01', 55);
    const fail = async (name: string, input: object) => {
      const r = await dispatch(ctx, name, input);
      if (r.ok) throw new Error(`${name} succeeded`);
      return r.error;
    };
    // 50 + 10 − 55 = 5 left: taking 6 goes negative on the day of the adjustment.
    expect(await fail('connects:adjust', { sourceId: upwork, count: -6, on: '2026-08-10', note: 'x' })).toMatchObject({
      fields: [{ path: 'count', message: expect.stringContaining('negative on 2026-08-10') }],
    });
    // A smaller opening balance (an edit of the one there) leaves the spend of 2026-08-01 uncovered: asked to confirm.
    expect(await fail('connects:set-opening', { sourceId: upwork, count: 40, on: '2026-08-01' })).toMatchObject({
      code: 'needs_confirmation',
      fields: [{ path: 'confirmShortfall', message: expect.stringContaining('5 Connects short from 2026-08-01') }],
    });
    expect(
      (await fail('connects:adjust', { sourceId: upwork, count: 1.5, on: '2026-08-10', note: 'x' })).fields?.[0]?.path,
    ).toBe('count');
    expect(
      (await fail('connects:adjust', { sourceId: upwork, count: 2, on: '2026-08-10', note: ' ' })).fields?.[0]?.path,
    ).toBe('note');
    expect(
      (await fail('connects:adjust', { sourceId: upwork, count: 2, on: '2026-08-16', note: 'x' })).fields?.[0],
    ).toMatchObject({ path: 'on', message: expect.stringContaining('future') });
    expect(
      (await fail('connects:set-opening', { source: 'LinkedIn', count: 2, on: '2026-08-10' })).fields?.[0],
    ).toMatchObject({ path: 'source' });
    expect(await ledger()).toMatchObject({ opening: 50, adjustments: 0, balance: 5 });
    // A new opening balance replaces the old one.
    await call('connects:set-opening', { source: 'upwork', count: 70, on: '2026-08-01' });
    expect(await ledger()).toMatchObject({ opening: 70, balance: 25, entries: [{ kind: 'opening', count: 70 }] });
    await call('connects:adjust', { source: 'Upwork', count: -6, on: '2026-08-10', note: 'Upwork shows 19' });
    expect(await ledger()).toMatchObject({ adjustments: -6, balance: 19 });
  });

  it('a negative adjustment is a usage cost at the cost of the credits it takes', async () => {
    await call('expenses:create', {
      date: '2026-07-02',
      sourceId: upwork,
      category: 'connects',
      amount: '8.00',
      connects: 40,
    });
    // Start 2026-07-01 (first purchase): 10 free, then 40 at $0.20. −15 on 07-20 takes the 10 free and 5 bought ($1.00).
    await call('connects:adjust', { sourceId: upwork, count: -15, on: '2026-07-20', note: 'Upwork shows 15 fewer' });
    await lead('2026-07-21', 1);
    const july = await report('2026-07-01', '2026-07-31');
    expect(july.channels[0]).toMatchObject({ costs: 100 + 20, connectsSpent: 1 });
    expect(await ledger()).toMatchObject({ balance: 10 + 40 + 10 - 15 - 1, adjustments: -15, uncovered: 0 });
  });
});
