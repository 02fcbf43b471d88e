import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeletedLead, DeletedPayment } from '../../shared/api/schemas/undo';
import { callError, callOk } from '../../../test-support/calls';
import { openTempCtx, sourceId } from '../../../test-support/temp-db';
import { rollupDrift } from '../rollups/rebuild';
import { loadSampleData } from './sample-data';

// Undo of deletes (issue 13.6): what comes back is exactly what went, and the reports agree.

let ctx: ReturnType<typeof openTempCtx>;
beforeEach(() => {
  ctx = openTempCtx();
  loadSampleData(ctx, { leads: 120, seed: 5, extraPayments: 20, extraExpenses: 20 });
});
afterEach(() => ctx.close());

/** Every figure the app reports, both bases, all time and one month. */
const figures = async () => ({
  cash: await callOk(ctx, 'reports:detail', { basis: 'cash' }),
  usage: await callOk(ctx, 'reports:detail', { basis: 'usage' }),
  month: await callOk(ctx, 'reports:channels', { from: '2026-07-01', to: '2026-07-31', basis: 'usage' }),
  connects: await callOk(ctx, 'connects:ledger', { sourceId: sourceId(ctx, 'Upwork') }),
});
const rows = (sql: string, ...args: unknown[]) => ctx.db.prepare(sql).all(...args);
const leadState = (id: number) => ({
  lead: rows(`SELECT * FROM leads WHERE id = ?`, id),
  history: rows(`SELECT id, from_stage, to_stage, changed_at FROM stage_changes WHERE lead_id = ? ORDER BY id`, id),
  activity: rows(`SELECT id, kind, at, text, created_at FROM activity WHERE lead_id = ? ORDER BY id`, id),
  payments: rows(`SELECT * FROM payments WHERE lead_id = ? ORDER BY id`, id),
});

async function busyLead() {
  const upwork = sourceId(ctx, 'Upwork');
  const lead = await callOk<{ id: number }>(ctx, 'leads:create', {
    title: 'Undo me', sourceId: upwork, stage: 'applied', createdOn: '2026-07-01', appliedOn: '2026-07-02', value: '800', currency: 'USD',
    connects: 16, boostConnects: 4, followUpOn: '2026-08-20', tags: ['logo', 'rush'], notes: 'Met at the meetup',
  });
  await callOk(ctx, 'leads:move', { id: lead.id, stage: 'interview' });
  await callOk(ctx, 'activity:create', { leadId: lead.id, kind: 'call', at: '2026-07-05T10:00:00.000Z', text: 'Scoping call' });
  await callOk(ctx, 'closeout:won', { id: lead.id, closedOn: '2026-07-10', value: '800', currency: 'USD', payment: { gross: '800', date: '2026-07-12' } });
  await callOk(ctx, 'payments:create', { date: '2026-07-20', sourceId: upwork, leadId: lead.id, gross: '150.00' });
  await callOk(ctx, 'leads:update', { id: lead.id, followUpOn: '2026-08-20' });
  return lead.id;
}

describe('undo of a lead delete', () => {
  it('puts back the client link and the time logged on the lead (issue 15 tables)', async () => {
    const upwork = sourceId(ctx, 'Upwork');
    const lead = await callOk<{ id: number }>(ctx, 'leads:create', { title: 'Client and hours', sourceId: upwork, client: 'Undo Client Ltd', createdOn: '2026-07-01' });
    await callOk(ctx, 'time:create', { date: '2026-07-02', leadId: lead.id, kind: 'sales', minutes: 45 });
    const linked = () => ({
      client: rows(`SELECT c.name FROM leads l JOIN clients c ON c.id = l.client_id WHERE l.id = ?`, lead.id),
      time: rows(`SELECT minutes, source_id FROM time_entries WHERE lead_id = ?`, lead.id),
    });
    const before = linked();
    expect(before).toEqual({ client: [{ name: 'Undo Client Ltd' }], time: [{ minutes: 45, source_id: upwork }] });
    const { snapshot } = await callOk<{ snapshot: DeletedLead }>(ctx, 'leads:delete', { id: lead.id });
    expect(rows(`SELECT lead_id FROM time_entries WHERE minutes = 45 AND date = '2026-07-02'`)).toEqual([{ lead_id: null }]);
    await callOk(ctx, 'undo:lead', { snapshot });
    expect(linked()).toEqual(before);
  });

  it('puts the lead back with its history, activity, follow-up and payment links; every report is identical', async () => {
    const id = await busyLead();
    const before = { figures: await figures(), state: leadState(id) };
    expect(before.state.history.length).toBeGreaterThanOrEqual(3);
    expect(before.state.payments).toHaveLength(2);

    const { deleted, snapshot } = await callOk<{ deleted: boolean; snapshot: DeletedLead }>(ctx, 'leads:delete', { id });
    expect(deleted).toBe(true);
    expect(leadState(id)).toEqual({ lead: [], history: [], activity: [], payments: [] });
    expect(await figures()).not.toEqual(before.figures);

    expect(await callOk(ctx, 'undo:lead', { snapshot })).toEqual({ id, paymentsLinked: 2, paymentsMissing: 0 });
    expect(leadState(id)).toEqual(before.state);
    expect(await figures()).toEqual(before.figures);
    expect(rollupDrift(ctx.db)).toEqual([]);
  });

  it('refuses to put it back twice, or when its reference went to another lead, saying which', async () => {
    const id = await busyLead();
    const { snapshot } = await callOk<{ snapshot: DeletedLead }>(ctx, 'leads:delete', { id });
    await callOk(ctx, 'undo:lead', { snapshot });
    const twice = await callError(ctx, 'undo:lead', { snapshot });
    expect(twice).toMatchObject({ code: 'conflict', message: '“Undo me” is already back: it was restored before' });

    const again = await callOk<{ snapshot: DeletedLead }>(ctx, 'leads:delete', { id });
    await callOk(ctx, 'leads:create', { title: 'Imported later', sourceId: sourceId(ctx, 'Fiverr'), ref: snapshot.lead.ref });
    const reused = await callError(ctx, 'undo:lead', { snapshot: again.snapshot });
    expect(reused).toMatchObject({ code: 'conflict', message: `Cannot put back “Undo me”: its reference ${snapshot.lead.ref} is now used by the lead “Imported later”` });
    expect(rollupDrift(ctx.db)).toEqual([]);
  });

  it('takes a new id when its own was reused, and says which payments could not be linked again', async () => {
    const id = await busyLead();
    const { snapshot } = await callOk<{ snapshot: DeletedLead }>(ctx, 'leads:delete', { id });
    // SQLite hands the highest id out again: a lead created now may take the deleted one's.
    ctx.db.prepare(`INSERT INTO leads (id, ref, source_id, title, stage, created_on, currency, updated_at) VALUES (?, 'other', ?, 'Other', 'new', '2026-08-01', 'USD', '2026-08-01T00:00:00Z')`).run(id, sourceId(ctx, 'Upwork'));
    await callOk(ctx, 'payments:delete', { id: snapshot.paymentIds[0] });
    const back = await callOk<{ id: number; paymentsLinked: number; paymentsMissing: number }>(ctx, 'undo:lead', { snapshot });
    expect(back.id).not.toBe(id);
    expect(back).toMatchObject({ paymentsLinked: 1, paymentsMissing: 1 });
    expect(leadState(back.id).history).toHaveLength(snapshot.stageChanges.length);
  });

  it('is all or nothing: a snapshot naming a channel that is gone changes nothing', async () => {
    const id = await busyLead();
    const { snapshot } = await callOk<{ snapshot: DeletedLead }>(ctx, 'leads:delete', { id });
    const before = await figures();
    const error = await callError(ctx, 'undo:lead', { snapshot: { ...snapshot, lead: { ...snapshot.lead, source_id: 9999 } } });
    expect(error).toMatchObject({ code: 'conflict', message: 'Cannot put back “Undo me”: its channel (id 9999) no longer exists' });
    expect(leadState(id).lead).toEqual([]);
    expect(await figures()).toEqual(before);
  });

  it('validates the snapshot', async () => {
    const id = await busyLead();
    const { snapshot } = await callOk<{ snapshot: DeletedLead }>(ctx, 'leads:delete', { id });
    const error = await callError(ctx, 'undo:lead', { snapshot: { ...snapshot, lead: { ...snapshot.lead, stage: 'signed' } } });
    expect(error.code).toBe('invalid_input');
    expect(error.fields?.[0]?.path).toBe('snapshot.lead.stage');
  });
});

describe('undo of payment, expense and subscription deletes', () => {
  it('puts each back exactly; reports identical; twice is refused', async () => {
    const upwork = sourceId(ctx, 'Upwork');
    const lead = await busyLead();
    const payment = await callOk<{ id: number }>(ctx, 'payments:create', { date: '2026-06-03', sourceId: upwork, leadId: lead, gross: '321.00', description: 'Milestone 2' });
    const expense = await callOk<{ id: number }>(ctx, 'expenses:create', { date: '2026-06-04', sourceId: upwork, category: 'connects', amount: '15.00', connects: 100 });
    const toptal = (await callOk<{ id: number }>(ctx, 'sources:create', { name: 'Toptal' })).id;
    await callOk(ctx, 'subscriptions:create', { sourceId: toptal, name: 'Premium', period: 'monthly', amount: '39.99', startsOn: '2026-01-01', endsOn: '2026-06-30' });
    const plan = (await callOk<{ id: number; name: string }[]>(ctx, 'subscriptions:list', {})).find((p) => p.name === 'Premium')!;
    const rowsOf = () => ({
      payment: rows(`SELECT * FROM payments WHERE id = ?`, payment.id),
      expense: rows(`SELECT * FROM expenses WHERE id = ?`, expense.id),
      plan: rows(`SELECT * FROM subscriptions WHERE id = ?`, plan.id),
    });
    const before = { figures: await figures(), rows: rowsOf() };

    const p = await callOk<{ snapshot: DeletedPayment }>(ctx, 'payments:delete', { id: payment.id });
    const e = await callOk<{ snapshot: unknown }>(ctx, 'expenses:delete', { id: expense.id });
    const s = await callOk<{ snapshot: unknown }>(ctx, 'subscriptions:delete', { id: plan.id });
    expect(rowsOf()).toEqual({ payment: [], expense: [], plan: [] });
    expect(await figures()).not.toEqual(before.figures);

    expect(await callOk(ctx, 'undo:payment', { snapshot: p.snapshot })).toEqual({ id: payment.id });
    expect(await callOk(ctx, 'undo:expense', { snapshot: e.snapshot })).toEqual({ id: expense.id });
    expect(await callOk(ctx, 'undo:subscription', { snapshot: s.snapshot })).toEqual({ id: plan.id });
    expect(rowsOf()).toEqual(before.rows);
    expect(await figures()).toEqual(before.figures);
    expect(rollupDrift(ctx.db)).toEqual([]);

    expect(await callError(ctx, 'undo:payment', { snapshot: p.snapshot })).toMatchObject({ code: 'conflict', message: 'the payment of 2026-06-03 is already back: it was restored before' });
    expect(await callError(ctx, 'undo:expense', { snapshot: e.snapshot })).toMatchObject({ code: 'conflict', message: 'the expense of 2026-06-04 is already back: it was restored before' });
    expect(await callError(ctx, 'undo:subscription', { snapshot: s.snapshot })).toMatchObject({ code: 'conflict', message: '“Premium” is already back: it was restored before' });
    expect(await figures()).toEqual(before.figures);
  });

  it('a payment whose reference was reused is refused; one whose lead is gone comes back unlinked', async () => {
    const upwork = sourceId(ctx, 'Upwork');
    const lead = await busyLead();
    const payment = await callOk<{ id: number }>(ctx, 'payments:create', { date: '2026-06-03', sourceId: upwork, leadId: lead, gross: '321.00' });
    const { snapshot } = await callOk<{ snapshot: DeletedPayment }>(ctx, 'payments:delete', { id: payment.id });
    await callOk(ctx, 'payments:create', { date: '2026-06-09', sourceId: upwork, gross: '5.00', ref: snapshot.ref });
    expect(await callError(ctx, 'undo:payment', { snapshot })).toMatchObject({ code: 'conflict', message: `Cannot put back the payment of 2026-06-03: its reference ${snapshot.ref} is now used by the payment of 2026-06-09` });

    const other = await callOk<{ id: number }>(ctx, 'payments:create', { date: '2026-06-05', sourceId: upwork, leadId: lead, gross: '10.00' });
    const gone = await callOk<{ snapshot: DeletedPayment }>(ctx, 'payments:delete', { id: other.id });
    await callOk(ctx, 'leads:delete', { id: lead });
    await callOk(ctx, 'undo:payment', { snapshot: gone.snapshot });
    expect(rows(`SELECT lead_id FROM payments WHERE id = ?`, other.id)).toEqual([{ lead_id: null }]);
  });

  it('a plan that would overlap a newer one is refused with the reason', async () => {
    const linkedIn = (await callOk<{ id: number }>(ctx, 'sources:create', { name: 'Toptal' })).id;
    await callOk(ctx, 'subscriptions:create', { sourceId: linkedIn, name: 'Premium', period: 'monthly', amount: '39.99', startsOn: '2026-01-01', endsOn: '2026-06-30' });
    const plan = (await callOk<{ id: number; name: string }[]>(ctx, 'subscriptions:list', {})).find((p) => p.name === 'Premium')!;
    const { snapshot } = await callOk<{ snapshot: unknown }>(ctx, 'subscriptions:delete', { id: plan.id });
    await callOk(ctx, 'subscriptions:create', { sourceId: linkedIn, name: 'Business', period: 'monthly', amount: '59.99', startsOn: '2026-03-01' });
    const error = await callError(ctx, 'undo:subscription', { snapshot });
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/^Cannot put back “Premium”: Overlaps "Business"/);
  });
});

describe('undo of an activity delete', () => {
  it('puts the activity back on its lead once', async () => {
    const id = await busyLead();
    const before = await callOk(ctx, 'activity:timeline', { leadId: id });
    const logged = rows(`SELECT id FROM activity WHERE lead_id = ? AND kind = 'call'`, id)[0] as { id: number };
    const { snapshot } = await callOk<{ snapshot: unknown }>(ctx, 'activity:delete', { id: logged.id });
    expect(await callOk(ctx, 'activity:timeline', { leadId: id })).not.toEqual(before);
    expect(await callOk(ctx, 'undo:activity', { snapshot })).toEqual({ id: logged.id });
    expect(await callOk(ctx, 'activity:timeline', { leadId: id })).toEqual(before);
    expect(await callError(ctx, 'undo:activity', { snapshot })).toMatchObject({ code: 'conflict', message: 'The activity is already back: it was restored before' });
  });
});
