import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelReport } from '../../shared/api/schemas/reports';
import type { Subscription } from '../../shared/api/schemas/subscriptions';
import { describeImportedMatch, matchCharges } from '../../shared/reports/plan-matching';
import { importCsvFile } from '../csv/import-engine';
import { callOk, openTempCtx, sourceId } from '../../../test-support/temp-db';

// docs/domain.md §5: a plan's generated charge and a recorded subscription expense of the same channel, amount
// and currency within 3 days are one charge, counted once (as the recorded one).
let ctx: ReturnType<typeof openTempCtx>;
beforeEach(() => (ctx = openTempCtx()));
afterEach(() => ctx.close());

const call = <T = unknown>(name: string, input: unknown) => callOk<T>(ctx, name, input);
const statement = path.join(import.meta.dirname, '__fixtures__', 'upwork-membership.csv');
const importStatement = () => importCsvFile(ctx.db, statement, {}, { now: ctx.now });
const plan = () =>
  call('subscriptions:create', {
    sourceId: sourceId(ctx, 'Upwork'),
    name: 'Freelancer Plus',
    period: 'monthly',
    amount: '19.99',
    startsOn: '2026-06-05',
    freeCreditsMonthly: 100,
  });
const cashCosts = async () =>
  (
    await call<ChannelReport>('reports:channels', { from: '2026-06-01', to: '2026-07-31', basis: 'cash' })
  ).channels.find((c) => c.source === 'Upwork')!.costs;
const planRow = async () => (await call<Subscription[]>('subscriptions:list', {}))[0]!;

describe('a plan and an imported statement count the membership once', () => {
  it('plan first, then the import: the summary names the match', async () => {
    await plan();
    // Charges 06-05 and 07-05 (19.99 each).
    expect(await cashCosts()).toBe(1999 + 1999);
    const summary = await importStatement();
    expect(summary.subscriptionMatches).toEqual([
      {
        plan: 'Freelancer Plus',
        source: 'Upwork',
        chargeOn: '2026-07-05',
        expenseOn: '2026-07-07',
        amountMinor: 1999,
        currency: 'USD',
      },
    ]);
    const line =
      "Upwork Freelancer Plus: the plan's charge of 2026-07-05 is the imported 19.99 USD of 2026-07-07; counted once";
    expect(describeImportedMatch(summary.subscriptionMatches[0]!)).toBe(line);
    // The imported 07-07 charge replaces the plan's 07-05 one; the connects bought on 06-20 (6.00) are not a membership.
    expect(await cashCosts()).toBe(1999 + 1999 + 600);
    expect((await planRow()).matched).toEqual([
      { chargeOn: '2026-07-05', expenseId: expect.any(Number), expenseOn: '2026-07-07' },
    ]);
  });

  it('import first, then the plan: the same totals and the plan row shows the match', async () => {
    const summary = await importStatement();
    expect(summary.subscriptionMatches).toEqual([]);
    expect(await cashCosts()).toBe(1999 + 600);
    await plan();
    expect(await cashCosts()).toBe(1999 + 1999 + 600);
    expect((await planRow()).matched).toMatchObject([{ chargeOn: '2026-07-05', expenseOn: '2026-07-07' }]);
    // Usage basis too: the plan's fee once, whatever the plan's credits.
    const usage = await call<ChannelReport>('reports:channels', {
      from: '2026-07-01',
      to: '2026-07-31',
      basis: 'usage',
    });
    expect(usage.channels.find((c) => c.source === 'Upwork')!.costs).toBe(1999);
  });

  it('pairs each expense with one charge, nearest first, within 3 days and at the same amount', () => {
    const charges = [
      { planId: 1, date: '2026-07-05', amountMinor: 1999 },
      { planId: 1, date: '2026-08-05', amountMinor: 1999 },
    ];
    const matches = matchCharges(charges, [
      { id: 1, date: '2026-07-09', amountMinor: 1999 }, // 4 days: no
      { id: 2, date: '2026-08-02', amountMinor: 1999 },
      { id: 3, date: '2026-08-06', amountMinor: 1999 }, // nearer than 2
      { id: 4, date: '2026-07-05', amountMinor: 1499 }, // other amount
    ]);
    expect(matches.map((m) => [m.charge.date, m.expense.id])).toEqual([['2026-08-05', 3]]);
  });
});
