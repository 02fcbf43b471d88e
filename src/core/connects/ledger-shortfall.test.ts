import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectsLedger, CreditEntry } from '../../shared/api/schemas/connects';
import type { ChannelReport } from '../../shared/api/schemas/reports';
import { callError } from '../../../test-support/calls';
import { callOk, openTempCtx, sourceId } from '../../../test-support/temp-db';

// docs/domain.md §5: deleting or editing a ledger entry or a purchase that leaves credits short on a later
// day is answered `needs_confirmation` with the day and the shortfall, saves nothing, and saves with
// confirmShortfall (the uncovered spends then valued at the day's price, with the §5 warning).
// Clock 2026-08-15; Upwork: 10 free a month, $0.15 each.
let ctx: ReturnType<typeof openTempCtx>;
let upwork: number;
let purchase: number;
let opening: CreditEntry;
beforeEach(async () => {
  ctx = openTempCtx();
  upwork = sourceId(ctx, 'Upwork');
  // 07-01: opening 20 ($3.00) + allowance 10; 07-05: 20 bought for $4.00; 07-10: 45 spent; 08-01: +10. Balance 15.
  opening = await call<CreditEntry>('connects:set-opening', { sourceId: upwork, count: 20, on: '2026-07-01' });
  purchase = (
    await call<{ id: number }>('expenses:create', {
      date: '2026-07-05',
      sourceId: upwork,
      category: 'connects',
      amount: '4.00',
      connects: 20,
    })
  ).id;
  await call('leads:create', { sourceId: upwork, title: 'bid', createdOn: '2026-07-10', connects: 45 });
});
afterEach(() => ctx.close());

const call = <T = unknown>(name: string, input: unknown) => callOk<T>(ctx, name, input);
const ledger = async () =>
  (await call<{ channels: ConnectsLedger[] }>('connects:ledger', { source: 'Upwork' })).channels[0]!;
const july = () => call<ChannelReport>('reports:channels', { from: '2026-07-01', to: '2026-07-31', basis: 'usage' });
const short = (n: number, day: string) => ({
  code: 'needs_confirmation',
  message: expect.stringContaining(`Upwork would be ${n} Connects short from ${day}`),
  fields: [{ path: 'confirmShortfall', message: expect.stringContaining(`${n} Connects short from ${day}`) }],
});

describe('a change that leaves credits short asks first', () => {
  it('deleting a purchase whose credits were spent: the day and the shortfall, nothing deleted; confirmed, valued at the day price', async () => {
    // FIFO: the opening's 20 ($3.00), the 10 free, 15 of the 20 bought at $0.20 ($3.00); 5 left.
    expect((await july()).channels[0]!.costs).toBe(300 + 300);
    expect(await callError(ctx, 'expenses:delete', { id: purchase })).toMatchObject(short(15, '2026-07-10'));
    expect(await ledger()).toMatchObject({ bought: 20, balance: 15, uncovered: 0 });
    await call('expenses:delete', { id: purchase, confirmShortfall: true });
    // 20 + 10 − 45: 15 uncovered on 07-10 at $0.15; 08-01 +10.
    expect(await ledger()).toMatchObject({ bought: 0, balance: 10, uncovered: 15 });
    const r = await july();
    expect(r.channels[0]!.costs).toBe(300 + 15 * 15);
    expect(r.warnings).toContain('Upwork: 15 Connects spent that no opening balance, allowance or purchase covers');
  });

  it('editing a purchase: fewer Connects asks, a new amount alone does not', async () => {
    expect(await callError(ctx, 'expenses:update', { id: purchase, connects: 10 })).toMatchObject(
      short(5, '2026-07-10'),
    );
    expect(await callError(ctx, 'expenses:update', { id: purchase, date: '2026-07-11' })).toMatchObject(
      short(15, '2026-07-10'),
    );
    expect(
      await callError(ctx, 'expenses:update', { id: purchase, category: 'advertising', connects: 0 }),
    ).toMatchObject(short(15, '2026-07-10'));
    expect(await ledger()).toMatchObject({ bought: 20, balance: 15 });
    await call('expenses:update', { id: purchase, amount: '3.00' });
    expect((await july()).channels[0]!.costs).toBe(300 + 225);
    await call('expenses:update', { id: purchase, connects: 10, confirmShortfall: true });
    expect(await ledger()).toMatchObject({ bought: 10, uncovered: 5 });
  });

  it('deleting or lowering the opening balance, or deleting an adjustment that was spent, asks; one that was not spent does not', async () => {
    expect(
      await callError(ctx, 'connects:set-opening', { sourceId: upwork, count: 5, on: '2026-07-01' }),
    ).toMatchObject(short(10, '2026-07-10'));
    expect(await callError(ctx, 'connects:delete-entry', { id: opening.id })).toMatchObject(short(15, '2026-07-10'));
    expect(await ledger()).toMatchObject({ opening: 20, balance: 15 });
    // +5 on 08-02 is never spent: deleting it changes no past day.
    const spare = await call<CreditEntry>('connects:adjust', {
      sourceId: upwork,
      count: 5,
      on: '2026-08-02',
      note: 'support credit',
    });
    await call('connects:delete-entry', { id: spare.id });
    // +10 on 07-02 is taken by the 07-10 spend (FIFO), and the 08-01 allowance cannot cover an earlier day.
    const early = await call<CreditEntry>('connects:adjust', {
      sourceId: upwork,
      count: 10,
      on: '2026-07-02',
      note: 'Upwork shows 10 more',
    });
    expect(await ledger()).toMatchObject({ balance: 25 });
    await call('leads:create', { sourceId: upwork, title: 'bid 2', createdOn: '2026-07-12', connects: 10 });
    expect(await callError(ctx, 'connects:delete-entry', { id: early.id })).toMatchObject(short(5, '2026-07-12'));
    expect(await call('connects:delete-entry', { id: early.id, confirmShortfall: true })).toEqual({ deleted: true });
    expect(await ledger()).toMatchObject({ uncovered: 5, balance: 10 });
    await call('connects:set-opening', { sourceId: upwork, count: 5, on: '2026-07-01', confirmShortfall: true });
    expect(await ledger()).toMatchObject({ opening: 5, uncovered: 20, balance: 10 });
  });

  it('ending or deleting a plan whose included credits were spent asks too', async () => {
    // Freelancer Plus from 2026-08-01: 100 on 08-01 instead of 10. 08-05: 100 spent (5 + 95 of the plan's).
    const plan = await call<{ id: number }>('subscriptions:create', {
      sourceId: upwork,
      name: 'Freelancer Plus',
      period: 'monthly',
      amount: '19.99',
      startsOn: '2026-08-01',
      freeCreditsMonthly: 100,
    });
    await call('leads:create', { sourceId: upwork, title: 'bid 3', createdOn: '2026-08-05', connects: 100 });
    expect(await ledger()).toMatchObject({ allowance: 110, balance: 5, uncovered: 0 });
    // Starting it on 08-02 gives back the free 10 on 08-01: 85 short on 08-05.
    expect(await callError(ctx, 'subscriptions:update', { id: plan.id, startsOn: '2026-08-02' })).toMatchObject(
      short(85, '2026-08-05'),
    );
    expect(await callError(ctx, 'subscriptions:delete', { id: plan.id })).toMatchObject(short(85, '2026-08-05'));
    await call('subscriptions:update', { id: plan.id, amount: '24.99' });
    await call('subscriptions:delete', { id: plan.id, confirmShortfall: true });
    expect(await ledger()).toMatchObject({ allowance: 20, uncovered: 85 });
  });
});
