import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerFile } from './csv/file-registry';
import { callError, callOk } from '../../test-support/calls';
import { openTempCtx, sourceId } from '../../test-support/temp-db';

// The write paths of the smaller domains through dispatch, on a real SQLite file: what the
// repositories (docs/architecture.md: SQL in the data layer) must keep doing.
let ctx: ReturnType<typeof openTempCtx>;
beforeEach(() => (ctx = openTempCtx()));
afterEach(() => ctx.close());

const call = <T = Record<string, unknown>>(name: string, input: unknown) => callOk<T>(ctx, name, input);
const fail = (name: string, input: unknown) => callError(ctx, name, input);

describe('costs', () => {
  it('creates, updates, refuses a second row on the same day and deletes credit prices and commission rules', async () => {
    const upwork = sourceId(ctx, 'Upwork');
    const price = await call<{ id: number }>('costs:create-credit-price', {
      sourceId: upwork,
      effectiveFrom: '2026-08-10',
      unitPrice: '0.20',
    });
    expect(price).toMatchObject({ sourceId: upwork, effectiveFrom: '2026-08-10', unitPriceMinor: 20, currency: 'USD' });
    expect(
      (await fail('costs:create-credit-price', { sourceId: upwork, effectiveFrom: '2026-08-10', unitPrice: '0.30' }))
        .fields?.[0]?.path,
    ).toBe('effectiveFrom');
    expect(await call('costs:update-credit-price', { id: price.id, unitPrice: '0.25' })).toMatchObject({
      unitPriceMinor: 25,
      effectiveFrom: '2026-08-10',
    });
    expect((await fail('costs:update-credit-price', { id: 999, unitPrice: '1' })).code).toBe('not_found');

    const rule = await call<{ id: number }>('costs:create-commission', {
      sourceId: upwork,
      effectiveFrom: '2026-09-01',
      percent: 12.5,
      minFee: '0.50',
    });
    expect(rule).toMatchObject({ percent: 12.5, minFeeMinor: 50, currency: 'USD' });
    expect(await call('costs:update-commission', { id: rule.id, minFee: '' })).toMatchObject({
      percent: 12.5,
      minFeeMinor: null,
    });

    const listed = await call<{ creditPrices: { id: number }[]; commissionRules: { id: number }[] }[]>('costs:list', {
      sourceId: upwork,
    });
    expect(listed).toHaveLength(1);
    expect(listed[0]!.creditPrices.map((p) => p.id)).toContain(price.id);
    expect(listed[0]!.commissionRules.map((r) => r.id)).toContain(rule.id);
    expect((await call<unknown[]>('costs:list', {})).length).toBeGreaterThan(1);

    expect(await call('costs:delete-credit-price', { id: price.id })).toEqual({ id: price.id });
    expect((await fail('costs:delete-credit-price', { id: price.id })).code).toBe('not_found');
    expect(await call('costs:delete-commission', { id: rule.id })).toEqual({ id: rule.id });
    expect((await fail('costs:delete-commission', { id: rule.id })).message).toMatch(/Commission rule/);
  });

  it('sets and deletes exchange rates', async () => {
    await call('rates:set', { currency: 'EUR', month: '2026-08', rate: '1.10' });
    expect((await call<{ rates: unknown[] }>('rates:list', {})).rates).toEqual([
      { currency: 'EUR', month: '2026-08', rate: '1.10' },
    ]);
    expect(await call('rates:delete', { currency: 'EUR', month: '2026-08' })).toEqual({ deleted: true });
    expect(await call('rates:delete', { currency: 'EUR', month: '2026-08' })).toEqual({ deleted: false });
  });
});

describe('subscriptions', () => {
  it('creates, refuses overlapping plans, updates and deletes', async () => {
    const linkedin = sourceId(ctx, 'LinkedIn');
    const plan = await call<{ id: number }>('subscriptions:create', {
      sourceId: linkedin,
      name: 'Premium',
      period: 'monthly',
      amount: '39.99',
      startsOn: '2026-01-01',
    });
    expect(plan).toMatchObject({ sourceName: 'LinkedIn', amountMinor: 3999, endsOn: null, freeCreditsMonthly: 0 });
    const overlap = await fail('subscriptions:create', {
      sourceId: linkedin,
      name: 'Other',
      period: 'yearly',
      amount: '100',
      startsOn: '2026-06-01',
    });
    expect(overlap.fields?.[0]?.path).toBe('startsOn');
    expect(await call('subscriptions:update', { id: plan.id, endsOn: '2026-05-31' })).toMatchObject({
      endsOn: '2026-05-31',
    });
    await call('subscriptions:create', {
      sourceId: linkedin,
      name: 'Other',
      period: 'yearly',
      amount: '100',
      startsOn: '2026-06-01',
    });
    expect(await call<unknown[]>('subscriptions:list', { sourceId: linkedin })).toHaveLength(2);
    expect((await fail('subscriptions:update', { id: 999, name: 'x' })).code).toBe('not_found');
    expect(await call('subscriptions:delete', { id: plan.id })).toMatchObject({
      id: plan.id,
      snapshot: { id: plan.id },
    });
    expect((await fail('subscriptions:delete', { id: plan.id })).code).toBe('not_found');
  });
});

describe('sources', () => {
  it('creates with the next palette colour, refuses a taken name and updates', async () => {
    const before = await call<unknown[]>('sources:list', { includeArchived: true });
    const made = await call<{ id: number; color: string }>('sources:create', { name: 'Dribbble', creditName: 'Shots' });
    expect(made).toMatchObject({ name: 'Dribbble', creditName: 'Shots', archived: false, leadCount: 0 });
    expect(made.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(await call<unknown[]>('sources:list', { includeArchived: true })).toHaveLength(before.length + 1);
    expect((await fail('sources:create', { name: 'dribbble' })).fields?.[0]?.path).toBe('name');
    expect(await call('sources:update', { id: made.id, archived: true, creditName: '' })).toMatchObject({
      archived: true,
      creditName: null,
    });
    expect((await fail('sources:update', { id: made.id, name: 'Upwork' })).fields?.[0]?.path).toBe('name');
  });
});

describe('payments and expenses', () => {
  it('writes, lists by filter, refuses a taken ref, links a lead of another channel (issue 12.5)', async () => {
    const upwork = sourceId(ctx, 'Upwork');
    const lead = await call<{ id: number }>('leads:create', { sourceId: sourceId(ctx, 'Fiverr'), title: 'Logo' });
    const paid = await call<{ id: number }>('payments:create', {
      ref: 'P1',
      date: '2026-08-01',
      sourceId: upwork,
      gross: '100.00',
      fee: '10.00',
    });
    expect(paid).toMatchObject({
      ref: 'P1',
      sourceName: 'Upwork',
      grossMinor: 10000,
      feeMinor: 1000,
      feeComputed: false,
      leadTitle: null,
    });
    expect(
      (await fail('payments:create', { ref: 'P1', date: '2026-08-02', sourceId: upwork, gross: '1' })).fields?.[0]
        ?.path,
    ).toBe('ref');
    expect(await call('payments:update', { id: paid.id, leadId: lead.id })).toMatchObject({
      sourceName: 'Upwork',
      leadTitle: 'Logo',
      feeMinor: 1000,
    });
    expect(
      (await fail('payments:create', { date: '2026-08-02', sourceId: upwork, gross: '1', leadId: 9999 })).fields?.[0]
        ?.path,
    ).toBe('leadId');
    await call('payments:create', { date: '2026-07-01', sourceId: upwork, gross: '5' });
    const listed = await call<{ items: { ref: string }[]; total: number }>('payments:list', {
      from: '2026-07-15',
      sourceId: upwork,
    });
    expect(listed).toMatchObject({ total: 1, items: [{ ref: 'P1' }] });
    expect(await call('payments:update', { id: paid.id, description: 'Milestone' })).toMatchObject({
      description: 'Milestone',
      feeMinor: 1000,
    });

    const spent = await call<{ id: number }>('expenses:create', {
      ref: 'E1',
      date: '2026-08-03',
      category: 'advertising',
      amount: '20',
    });
    expect(spent).toMatchObject({ sourceId: null, sourceName: null, amountMinor: 2000 });
    expect(
      (await fail('expenses:create', { ref: 'E1', date: '2026-08-03', category: 'tax', amount: '1' })).fields?.[0]
        ?.path,
    ).toBe('ref');
    await call('expenses:create', {
      date: '2026-08-04',
      sourceId: upwork,
      category: 'connects',
      amount: '6',
      connects: 40,
    });
    expect(await call('expenses:list', { noChannel: true })).toMatchObject({ total: 1, items: [{ ref: 'E1' }] });
    expect(await call('expenses:list', { category: 'connects' })).toMatchObject({
      total: 1,
      items: [{ connects: 40, sourceName: 'Upwork' }],
    });
    expect(await call('expenses:delete', { id: spent.id })).toMatchObject({ id: spent.id, snapshot: { id: spent.id } });
    expect((await fail('expenses:delete', { id: spent.id })).code).toBe('not_found');
    expect(await call('payments:delete', { id: paid.id })).toMatchObject({ id: paid.id, snapshot: { id: paid.id } });
  });

  it('refuses a lead with a taken ref', async () => {
    await call('leads:create', { ref: 'L1', sourceId: sourceId(ctx, 'Upwork'), title: 'A' });
    expect(
      (await fail('leads:create', { ref: 'L1', sourceId: sourceId(ctx, 'Upwork'), title: 'B' })).fields?.[0]?.path,
    ).toBe('ref');
  });
});

describe('app and mappings', () => {
  it('counts leads in app:info and saves, lists and deletes a column mapping', async () => {
    await call('leads:create', { sourceId: sourceId(ctx, 'Upwork'), title: 'A' });
    expect(await call('app:info', {})).toMatchObject({ leadCount: 1, baseCurrency: 'USD' });

    const file = path.join(path.dirname(ctx.dbPath), 'theirs.csv');
    fs.writeFileSync(file, 'Job,Day\nLogo,2026-08-01\n');
    const fileId = registerFile({ path: file, name: 'theirs.csv', mode: 'read', temporary: false });
    const mapping = {
      target: 'leads',
      columns: { title: 0, created_on: 1 },
      dateFormat: 'YYYY-MM-DD',
      decimal: '.',
      source: 'Upwork',
    };
    const saved = await call<{ id: number; matches: boolean }>('csv:save-mapping', { name: 'Mine', fileId, mapping });
    expect(saved).toMatchObject({ name: 'Mine', target: 'leads', matches: true });
    const inspected = await call<{ mappings: { name: string; matches: boolean }[] }>('csv:inspect', { fileId });
    expect(inspected.mappings).toEqual([expect.objectContaining({ name: 'Mine', matches: true })]);
    expect(await call<unknown[]>('csv:mappings', {})).toHaveLength(1);
    expect(await call('csv:delete-mapping', { id: saved.id })).toEqual({ deleted: true });
    expect(await call('csv:delete-mapping', { id: saved.id })).toEqual({ deleted: false });
  });
});
