import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeletedLead, DeletedPayment } from '../../shared/api/schemas/undo';
import { callError, callOk } from '../../../test-support/calls';
import { openTempCtx, sourceId } from '../../../test-support/temp-db';
import { rollupDrift } from '../rollups/rebuild';
import { loadSampleData } from '../app/sample-data';

// Undo of deletes (docs/domain.md §7.7): what comes back is exactly what went, and the reports agree;
// only what was deleted in this file comes back (undo:* names the undoId its delete kept).

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
  // Every column but the edit clock (migration 0016), which the unlink and the relink move by design.
  payments: (rows(`SELECT * FROM payments WHERE lead_id = ? ORDER BY id`, id) as Record<string, unknown>[]).map(
    ({ edit_seq: _clock, ...rest }) => rest,
  ),
});

async function busyLead() {
  const upwork = sourceId(ctx, 'Upwork');
  const lead = await callOk<{ id: number }>(ctx, 'leads:create', {
    title: 'Undo me',
    sourceId: upwork,
    stage: 'applied',
    createdOn: '2026-07-01',
    appliedOn: '2026-07-02',
    value: '800',
    currency: 'USD',
    connects: 16,
    boostConnects: 4,
    followUpOn: '2026-08-20',
    tags: ['logo', 'rush'],
    notes: 'Met at the meetup',
  });
  await callOk(ctx, 'leads:move', { id: lead.id, stage: 'interview' });
  await callOk(ctx, 'activity:create', {
    leadId: lead.id,
    kind: 'call',
    at: '2026-07-05T10:00:00.000Z',
    text: 'Scoping call',
  });
  await callOk(ctx, 'closeout:won', {
    id: lead.id,
    closedOn: '2026-07-10',
    value: '800',
    currency: 'USD',
    payment: { gross: '800', date: '2026-07-12' },
  });
  await callOk(ctx, 'payments:create', { date: '2026-07-20', sourceId: upwork, leadId: lead.id, gross: '150.00' });
  await callOk(ctx, 'leads:update', { id: lead.id, followUpOn: '2026-08-20' });
  return lead.id;
}

describe('undo of a lead delete', () => {
  it('puts back the client link and the time logged on the lead (issue 15 tables)', async () => {
    const upwork = sourceId(ctx, 'Upwork');
    const lead = await callOk<{ id: number }>(ctx, 'leads:create', {
      title: 'Client and hours',
      sourceId: upwork,
      client: 'Undo Client Ltd',
      createdOn: '2026-07-01',
    });
    await callOk(ctx, 'time:create', { date: '2026-07-02', leadId: lead.id, kind: 'sales', minutes: 45 });
    const linked = () => ({
      client: rows(`SELECT c.name FROM leads l JOIN clients c ON c.id = l.client_id WHERE l.id = ?`, lead.id),
      time: rows(`SELECT minutes, source_id FROM time_entries WHERE lead_id = ?`, lead.id),
    });
    const before = linked();
    expect(before).toEqual({ client: [{ name: 'Undo Client Ltd' }], time: [{ minutes: 45, source_id: upwork }] });
    const { undoId } = await callOk<{ undoId: number }>(ctx, 'leads:delete', { id: lead.id });
    expect(rows(`SELECT lead_id FROM time_entries WHERE minutes = 45 AND date = '2026-07-02'`)).toEqual([
      { lead_id: null },
    ]);
    await callOk(ctx, 'undo:lead', { undoId });
    expect(linked()).toEqual(before);
  });

  it('puts the lead back with its history, activity, follow-up and payment links; every report is identical', async () => {
    const id = await busyLead();
    const before = { figures: await figures(), state: leadState(id) };
    expect(before.state.history.length).toBeGreaterThanOrEqual(3);
    expect(before.state.payments).toHaveLength(2);

    const { deleted, undoId } = await callOk<{ deleted: boolean; undoId: number }>(ctx, 'leads:delete', { id });
    expect(deleted).toBe(true);
    expect(leadState(id)).toEqual({ lead: [], history: [], activity: [], payments: [] });
    expect(await figures()).not.toEqual(before.figures);

    expect(await callOk(ctx, 'undo:lead', { undoId })).toEqual({ id, paymentsLinked: 2, paymentsMissing: 0 });
    expect(leadState(id)).toEqual(before.state);
    expect(await figures()).toEqual(before.figures);
    expect(rollupDrift(ctx.db)).toEqual([]);
  });

  it('refuses to put it back twice, or when its reference went to another lead, saying which', async () => {
    const id = await busyLead();
    const { snapshot, undoId } = await callOk<{ snapshot: DeletedLead; undoId: number }>(ctx, 'leads:delete', { id });
    await callOk(ctx, 'undo:lead', { undoId });
    const twice = await callError(ctx, 'undo:lead', { undoId });
    expect(twice).toMatchObject({ code: 'conflict', message: '“Undo me” is already back: it was restored before' });

    const again = await callOk<{ undoId: number }>(ctx, 'leads:delete', { id });
    expect(again.undoId).not.toBe(undoId);
    await callOk(ctx, 'leads:create', {
      title: 'Imported later',
      sourceId: sourceId(ctx, 'Fiverr'),
      ref: snapshot.lead.ref,
    });
    const reused = await callError(ctx, 'undo:lead', { undoId: again.undoId });
    expect(reused).toMatchObject({
      code: 'conflict',
      message: `Cannot put back “Undo me”: its reference ${snapshot.lead.ref} is now used by the lead “Imported later”`,
    });
    expect(rollupDrift(ctx.db)).toEqual([]);
  });

  it('takes a new id when its own was reused, and says which payments could not be linked again', async () => {
    const id = await busyLead();
    const { snapshot, undoId } = await callOk<{ snapshot: DeletedLead; undoId: number }>(ctx, 'leads:delete', { id });
    // SQLite hands the highest id out again: a lead created now may take the deleted one's.
    ctx.db
      .prepare(
        `INSERT INTO leads (id, ref, source_id, title, stage, created_on, currency, updated_at) VALUES (?, 'other', ?, 'Other', 'new', '2026-08-01', 'USD', '2026-08-01T00:00:00Z')`,
      )
      .run(id, sourceId(ctx, 'Upwork'));
    await callOk(ctx, 'payments:delete', { id: snapshot.paymentIds[0] });
    const back = await callOk<{ id: number; paymentsLinked: number; paymentsMissing: number }>(ctx, 'undo:lead', {
      undoId,
    });
    expect(back.id).not.toBe(id);
    expect(back).toMatchObject({ paymentsLinked: 1, paymentsMissing: 1 });
    expect(leadState(back.id).history).toHaveLength(snapshot.stageChanges.length);
  });

  it('is all or nothing: a kept snapshot naming a channel that is gone changes nothing', async () => {
    const id = await busyLead();
    const { undoId } = await callOk<{ undoId: number }>(ctx, 'leads:delete', { id });
    const before = await figures();
    ctx.db
      .prepare(`UPDATE undo_snapshots SET snapshot = json_set(snapshot, '$.lead.source_id', 9999) WHERE id = ?`)
      .run(undoId);
    const error = await callError(ctx, 'undo:lead', { undoId });
    expect(error).toMatchObject({
      code: 'conflict',
      message: 'Cannot put back “Undo me”: its channel (id 9999) no longer exists',
    });
    expect(leadState(id).lead).toEqual([]);
    expect(await figures()).toEqual(before);
  });

  it('checks even the kept snapshot like a create (another program may have written the table)', async () => {
    const id = await busyLead();
    const { undoId } = await callOk<{ undoId: number }>(ctx, 'leads:delete', { id });
    const forge = (path: string, value: unknown) =>
      ctx.db
        .prepare(`UPDATE undo_snapshots SET snapshot = json_set(snapshot, ?, json(?)) WHERE id = ?`)
        .run(path, JSON.stringify(value), undoId);
    const kept = rows(`SELECT snapshot FROM undo_snapshots WHERE id = ?`, undoId);
    for (const [path, value, field] of [
      ['$.lead.stage', 'signed', 'lead.stage'],
      ['$.lead.connects', 2 ** 53 - 1, 'lead.connects'],
      ['$.lead.currency', 'ZZZ', 'lead.currency'],
      ['$.lead.value_minor', 10 ** 15, 'lead.value_minor'],
    ] as const) {
      forge(path, value);
      const error = await callError(ctx, 'undo:lead', { undoId });
      expect(error.code, path).toBe('conflict');
      expect(error.message, path).toContain(`(${field}: `);
      ctx.db
        .prepare(`UPDATE undo_snapshots SET snapshot = ? WHERE id = ?`)
        .run((kept[0] as { snapshot: string }).snapshot, undoId);
    }
    expect(leadState(id).lead).toEqual([]);
    expect((await callOk<{ id: number }>(ctx, 'undo:lead', { undoId })).id).toBe(id);
  });
});

describe('a snapshot from outside is refused', () => {
  it("undo:* takes an undoId, never a snapshot: the issue's forged leads and payments change nothing", async () => {
    const upwork = sourceId(ctx, 'Upwork');
    const before = await figures();
    const leadsBefore = rows(`SELECT COUNT(*) AS n FROM leads`);
    const lead = {
      id: 90_001,
      ref: 'forged-1',
      source_id: upwork,
      title: 'Forged',
      client: '',
      url: '',
      stage: 'won',
      furthest_rank: 4,
      created_on: '2026-07-01',
      applied_on: null,
      closed_on: null,
      connects: 2 ** 53 - 1,
      boost_connects: 0,
      connects_refunded: 0,
      value_minor: 10,
      currency: 'ZZZ',
      fee_percent_bp: null,
      lost_reason: '',
      tags: '',
      notes: '',
      follow_up_on: '9999-12-31',
      position: 1,
      updated_at: '2026-07-01T00:00:00Z',
      import_id: null,
    };
    const forged = await callError(ctx, 'undo:lead', {
      snapshot: { lead, stageChanges: [], activity: [], paymentIds: [] },
    });
    expect(forged.code).toBe('invalid_input');
    expect(forged.fields?.map((f) => f.path).sort()).toEqual(['snapshot', 'undoId']);
    expect(forged.message).toContain('snapshot: Unknown field');
    const payment = {
      id: 90_002,
      ref: 'forged-p',
      date: '2026-07-01',
      source_id: upwork,
      lead_id: null,
      description: '',
      gross_minor: 2 ** 53 - 1,
      fee_minor: 0,
      fee_computed: 0,
      currency: 'USD',
      import_id: null,
      created_at: 'x',
    };
    expect((await callError(ctx, 'undo:payment', { snapshot: payment })).code).toBe('invalid_input');
    expect(rows(`SELECT COUNT(*) AS n FROM leads`)).toEqual(leadsBefore);
    expect(await figures()).toEqual(before);
  });

  it('an undoId names only a delete of that kind, kept in this file', async () => {
    const upwork = sourceId(ctx, 'Upwork');
    const payment = await callOk<{ id: number }>(ctx, 'payments:create', {
      date: '2026-06-03',
      sourceId: upwork,
      gross: '12.00',
    });
    const { undoId } = await callOk<{ undoId: number }>(ctx, 'payments:delete', { id: payment.id });
    expect(await callError(ctx, 'undo:lead', { undoId })).toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/^Nothing to undo: no deleted lead is kept under undo id \d+/),
    });
    expect(await callError(ctx, 'undo:payment', { undoId: undoId + 1000 })).toMatchObject({ code: 'not_found' });
    expect(await callOk(ctx, 'undo:payment', { undoId })).toEqual({ id: payment.id });
  });

  it('keeps the newest deletes only', async () => {
    const upwork = sourceId(ctx, 'Upwork');
    const ids: number[] = [];
    for (let i = 0; i < 205; i++) {
      const p = await callOk<{ id: number }>(ctx, 'payments:create', {
        date: '2026-06-03',
        sourceId: upwork,
        gross: '1.00',
      });
      ids.push((await callOk<{ undoId: number }>(ctx, 'payments:delete', { id: p.id })).undoId);
    }
    expect(rows(`SELECT COUNT(*) AS n FROM undo_snapshots`)).toEqual([{ n: 200 }]);
    expect((await callError(ctx, 'undo:payment', { undoId: ids[0]! })).code).toBe('not_found');
    expect((await callOk<{ id: number }>(ctx, 'undo:payment', { undoId: ids[204]! })).id).toBeGreaterThan(0);
  });
});

describe('undo of payment, expense and subscription deletes', () => {
  it('puts each back exactly; reports identical; twice is refused', async () => {
    const upwork = sourceId(ctx, 'Upwork');
    const lead = await busyLead();
    const payment = await callOk<{ id: number }>(ctx, 'payments:create', {
      date: '2026-06-03',
      sourceId: upwork,
      leadId: lead,
      gross: '321.00',
      description: 'Milestone 2',
    });
    const expense = await callOk<{ id: number }>(ctx, 'expenses:create', {
      date: '2026-06-04',
      sourceId: upwork,
      category: 'connects',
      amount: '15.00',
      connects: 100,
    });
    const toptal = (await callOk<{ id: number }>(ctx, 'sources:create', { name: 'Toptal' })).id;
    await callOk(ctx, 'subscriptions:create', {
      sourceId: toptal,
      name: 'Premium',
      period: 'monthly',
      amount: '39.99',
      startsOn: '2026-01-01',
      endsOn: '2026-06-30',
    });
    const plan = (await callOk<{ id: number; name: string }[]>(ctx, 'subscriptions:list', {})).find(
      (p) => p.name === 'Premium',
    )!;
    const rowsOf = () => ({
      payment: rows(`SELECT * FROM payments WHERE id = ?`, payment.id),
      expense: rows(`SELECT * FROM expenses WHERE id = ?`, expense.id),
      plan: rows(`SELECT * FROM subscriptions WHERE id = ?`, plan.id),
    });
    const before = { figures: await figures(), rows: rowsOf() };

    const p = await callOk<{ undoId: number }>(ctx, 'payments:delete', { id: payment.id });
    const e = await callOk<{ undoId: number }>(ctx, 'expenses:delete', { id: expense.id });
    const s = await callOk<{ undoId: number }>(ctx, 'subscriptions:delete', { id: plan.id });
    expect(rowsOf()).toEqual({ payment: [], expense: [], plan: [] });
    expect(await figures()).not.toEqual(before.figures);

    expect(await callOk(ctx, 'undo:payment', { undoId: p.undoId })).toEqual({ id: payment.id });
    expect(await callOk(ctx, 'undo:expense', { undoId: e.undoId })).toEqual({ id: expense.id });
    expect(await callOk(ctx, 'undo:subscription', { undoId: s.undoId })).toEqual({ id: plan.id });
    expect(rowsOf()).toEqual(before.rows);
    expect(await figures()).toEqual(before.figures);
    expect(rollupDrift(ctx.db)).toEqual([]);

    expect(await callError(ctx, 'undo:payment', { undoId: p.undoId })).toMatchObject({
      code: 'conflict',
      message: 'the payment of 2026-06-03 is already back: it was restored before',
    });
    expect(await callError(ctx, 'undo:expense', { undoId: e.undoId })).toMatchObject({
      code: 'conflict',
      message: 'the expense of 2026-06-04 is already back: it was restored before',
    });
    expect(await callError(ctx, 'undo:subscription', { undoId: s.undoId })).toMatchObject({
      code: 'conflict',
      message: '“Premium” is already back: it was restored before',
    });
    expect(await figures()).toEqual(before.figures);
  });

  it('a payment whose reference was reused is refused; one whose lead is gone comes back unlinked', async () => {
    const upwork = sourceId(ctx, 'Upwork');
    const lead = await busyLead();
    const payment = await callOk<{ id: number }>(ctx, 'payments:create', {
      date: '2026-06-03',
      sourceId: upwork,
      leadId: lead,
      gross: '321.00',
    });
    const { snapshot, undoId } = await callOk<{ snapshot: DeletedPayment; undoId: number }>(ctx, 'payments:delete', {
      id: payment.id,
    });
    await callOk(ctx, 'payments:create', { date: '2026-06-09', sourceId: upwork, gross: '5.00', ref: snapshot.ref });
    expect(await callError(ctx, 'undo:payment', { undoId })).toMatchObject({
      code: 'conflict',
      message: `Cannot put back the payment of 2026-06-03: its reference ${snapshot.ref} is now used by the payment of 2026-06-09`,
    });

    const other = await callOk<{ id: number }>(ctx, 'payments:create', {
      date: '2026-06-05',
      sourceId: upwork,
      leadId: lead,
      gross: '10.00',
    });
    const gone = await callOk<{ undoId: number }>(ctx, 'payments:delete', { id: other.id });
    await callOk(ctx, 'leads:delete', { id: lead });
    await callOk(ctx, 'undo:payment', { undoId: gone.undoId });
    expect(rows(`SELECT lead_id FROM payments WHERE id = ?`, other.id)).toEqual([{ lead_id: null }]);
  });

  it('an imported payment and expense come back with what the import brought and their edit clock (docs/domain.md §7)', async () => {
    const upwork = sourceId(ctx, 'Upwork');
    const payment = await callOk<{ id: number }>(ctx, 'payments:create', {
      date: '2026-06-03',
      sourceId: upwork,
      gross: '120.00',
      description: 'Renamed by me',
    });
    const expense = await callOk<{ id: number }>(ctx, 'expenses:create', {
      date: '2026-06-04',
      sourceId: upwork,
      category: 'other',
      amount: '9.00',
      description: 'Mine',
    });
    // As a platform import leaves them: its own words and category beside the user's, and the edit clock moved.
    ctx.db
      .prepare(`UPDATE payments SET platform_description = 'Fixed-price milestone', edit_seq = 41 WHERE id = ?`)
      .run(payment.id);
    ctx.db
      .prepare(
        `UPDATE expenses SET platform_description = 'Connects', platform_category = 'connects', edit_seq = 42 WHERE id = ?`,
      )
      .run(expense.id);
    const kept = (table: string, id: number) =>
      rows(`SELECT * FROM ${table} WHERE id = ?`, id) as Record<string, unknown>[];
    const [paymentBefore, expenseBefore] = [kept('payments', payment.id), kept('expenses', expense.id)];
    expect(paymentBefore[0]).toMatchObject({ platform_description: 'Fixed-price milestone', edit_seq: 41 });

    const paid = await callOk<{ undoId: number }>(ctx, 'payments:delete', { id: payment.id });
    const spent = await callOk<{ undoId: number }>(ctx, 'expenses:delete', { id: expense.id });
    await callOk(ctx, 'undo:payment', { undoId: paid.undoId });
    await callOk(ctx, 'undo:expense', { undoId: spent.undoId });
    expect(kept('payments', payment.id)).toEqual(paymentBefore);
    expect(kept('expenses', expense.id)).toEqual(expenseBefore);
  });

  it('a plan that would overlap a newer one is refused with the reason', async () => {
    const linkedIn = (await callOk<{ id: number }>(ctx, 'sources:create', { name: 'Toptal' })).id;
    await callOk(ctx, 'subscriptions:create', {
      sourceId: linkedIn,
      name: 'Premium',
      period: 'monthly',
      amount: '39.99',
      startsOn: '2026-01-01',
      endsOn: '2026-06-30',
    });
    const plan = (await callOk<{ id: number; name: string }[]>(ctx, 'subscriptions:list', {})).find(
      (p) => p.name === 'Premium',
    )!;
    const { undoId } = await callOk<{ undoId: number }>(ctx, 'subscriptions:delete', { id: plan.id });
    await callOk(ctx, 'subscriptions:create', {
      sourceId: linkedIn,
      name: 'Business',
      period: 'monthly',
      amount: '59.99',
      startsOn: '2026-03-01',
    });
    const error = await callError(ctx, 'undo:subscription', { undoId });
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/^Cannot put back “Premium”: Overlaps "Business"/);
  });
});

describe('undo of an activity delete', () => {
  it('puts the activity back on its lead once', async () => {
    const id = await busyLead();
    const before = await callOk(ctx, 'activity:timeline', { leadId: id });
    const logged = rows(`SELECT id FROM activity WHERE lead_id = ? AND kind = 'call'`, id)[0] as { id: number };
    const { undoId } = await callOk<{ undoId: number }>(ctx, 'activity:delete', { id: logged.id });
    expect(await callOk(ctx, 'activity:timeline', { leadId: id })).not.toEqual(before);
    expect(await callOk(ctx, 'undo:activity', { undoId })).toEqual({ id: logged.id });
    expect(await callOk(ctx, 'activity:timeline', { leadId: id })).toEqual(before);
    expect(await callError(ctx, 'undo:activity', { undoId })).toMatchObject({
      code: 'conflict',
      message: 'The activity is already back: it was restored before',
    });
  });
});
