import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelReport, ChannelRow } from '../../shared/api/schemas/reports';
import type { Client, ClientDetail } from '../../shared/api/schemas/clients';
import type { ToAssignPayment } from '../../shared/api/schemas/payer-links';
import { importCsvFile } from '../csv/import-engine';
import { rollupDrift } from '../rollups/rebuild';
import { callError } from '../../../test-support/calls';
import { callOk, openTempCtx, sourceId, tempDbPath } from '../../../test-support/temp-db';
import { buildFixture } from '../db/fixtures/fixture-data';
import { migrate } from '../db/migrate';
import { migration0008 } from '../db/migrations/0008-clients';

let ctx: ReturnType<typeof openTempCtx>;
beforeEach(() => (ctx = openTempCtx(new Date('2026-11-20T12:00:00Z'))));
afterEach(() => ctx.close());

const call = <T = unknown>(name: string, input: unknown) => callOk<T>(ctx, name, input);
const lead = (input: object) => call<{ id: number }>('leads:create', { title: 'Job', ...input });
const clientNamed = async (name: string) =>
  (await call<{ items: Client[] }>('clients:list', { search: name })).items.find((c) => c.name === name)!;

describe('clients from leads (DOMAIN §6)', () => {
  it('a lead names its client, exact and case-insensitive; an edit of the name relinks; a link can be changed', async () => {
    const upwork = sourceId(ctx, 'Upwork');
    const a = await lead({ sourceId: upwork, client: 'Acme', createdOn: '2026-03-01' });
    const b = await lead({ sourceId: upwork, client: 'ACME', createdOn: '2026-04-01' });
    await lead({ sourceId: upwork, client: 'Acme Inc', createdOn: '2026-04-02' });
    await lead({ sourceId: upwork, createdOn: '2026-04-03' });
    const list = await call<{ items: Client[]; total: number }>('clients:list', {});
    expect(list.items.map((c) => [c.name, c.leads])).toEqual([
      ['Acme', 2],
      ['Acme Inc', 1],
    ]);
    expect((await call<{ client: { name: string } }>('clients:of-lead', { leadId: b.id })).client.name).toBe('Acme');
    await call('leads:update', { id: b.id, client: 'Acme Inc' });
    expect((await call<{ client: { name: string } }>('clients:of-lead', { leadId: b.id })).client.name).toBe(
      'Acme Inc',
    );
    // The user links it elsewhere; an edit that keeps the name keeps the link.
    await call('clients:link-lead', { leadId: b.id, clientName: 'Globex' });
    await call('leads:update', { id: b.id, title: 'Renamed' });
    expect((await call<{ client: { name: string } }>('clients:of-lead', { leadId: b.id })).client.name).toBe('Globex');
    expect((await call<{ client: null }>('clients:of-lead', { leadId: a.id + 3 })).client).toBeNull();
  });

  it('first source: the earliest lead by created_on, any stage, ties by the lead created first; editable; back to the rule with null', async () => {
    const podcast = sourceId(ctx, 'Podcast');
    const upwork = sourceId(ctx, 'Upwork');
    const linkedin = sourceId(ctx, 'LinkedIn');
    await lead({ sourceId: upwork, client: 'Beta', createdOn: '2026-02-01' });
    await lead({ sourceId: podcast, client: 'Beta', createdOn: '2026-02-01' });
    await lead({ sourceId: linkedin, client: 'Beta', createdOn: '2026-03-01', stage: 'lost' });
    let beta = await clientNamed('Beta');
    expect([beta.firstSource, beta.firstSourceIsDefault]).toEqual(['Upwork', true]);
    beta = await call<Client>('clients:update', { id: beta.id, firstSourceId: linkedin });
    expect([beta.firstSource, beta.firstSourceIsDefault]).toEqual(['LinkedIn', false]);
    beta = await call<Client>('clients:update', { id: beta.id, firstSourceId: null });
    expect(beta.firstSource).toBe('Upwork');
  });

  it('lists revenue, contacts and the repeat flag; the client page shows its channels and leads', async () => {
    const upwork = sourceId(ctx, 'Upwork');
    const linkedin = sourceId(ctx, 'LinkedIn');
    const l1 = await lead({
      sourceId: linkedin,
      client: 'Gamma',
      createdOn: '2026-01-10',
      appliedOn: '2026-01-10',
      stage: 'won',
      closedOn: '2026-01-20',
      value: '100.00',
    });
    const l2 = await lead({
      sourceId: upwork,
      client: 'Gamma',
      createdOn: '2026-05-01',
      appliedOn: '2026-05-01',
      stage: 'won',
      closedOn: '2026-05-09',
      value: '300.00',
    });
    await call('payments:create', { date: '2026-01-25', sourceId: linkedin, leadId: l1.id, gross: '100.00', fee: '0' });
    await call('payments:create', {
      date: '2026-05-30',
      sourceId: upwork,
      leadId: l2.id,
      gross: '300.00',
      fee: '30.00',
    });
    const gamma = await clientNamed('Gamma');
    expect(gamma).toMatchObject({
      leads: 2,
      wins: 2,
      revenue: 40000,
      currency: 'USD',
      firstContact: '2026-01-10',
      lastContact: '2026-05-30',
      repeat: true,
      firstSource: 'LinkedIn',
    });
    const detail = await call<ClientDetail>('clients:get', { id: gamma.id });
    expect(detail.channels).toEqual([
      { sourceId: upwork, source: 'Upwork', leads: 1, wins: 1, revenue: 30000 },
      { sourceId: linkedin, source: 'LinkedIn', leads: 1, wins: 1, revenue: 10000 },
    ]);
    expect(detail.leads.map((l) => l.id)).toEqual([l2.id, l1.id]);
  });
});

describe('merging clients', () => {
  it('moves leads, names, e-mails; the merged name still finds the kept client', async () => {
    const upwork = sourceId(ctx, 'Upwork');
    await lead({ sourceId: upwork, client: 'Acme', createdOn: '2026-03-01' });
    await lead({ sourceId: upwork, client: 'Acme Inc', createdOn: '2026-02-01' });
    const acme = await clientNamed('Acme');
    const inc = await clientNamed('Acme Inc');
    await call('clients:update', { id: inc.id, emails: ['Billing@Acme.test'] });
    const kept = await call<Client>('clients:merge', { id: inc.id, intoId: acme.id });
    expect(kept).toMatchObject({
      name: 'Acme',
      leads: 2,
      emails: ['billing@acme.test'],
      firstSource: 'Upwork',
      firstContact: '2026-02-01',
    });
    expect((await call<{ total: number }>('clients:list', {})).total).toBe(1);
    const later = await lead({ sourceId: upwork, client: 'acme inc', createdOn: '2026-06-01' });
    expect((await call<{ client: { id: number } }>('clients:of-lead', { leadId: later.id })).client.id).toBe(acme.id);
  });

  it('refuses a merge that would leave a lead without a client, with nothing changed', async () => {
    const upwork = sourceId(ctx, 'Upwork');
    await lead({ sourceId: upwork, client: 'Acme', createdOn: '2026-03-01' });
    const acme = await clientNamed('Acme');
    const self = await callError(ctx, 'clients:merge', { id: acme.id, intoId: acme.id });
    expect(self).toMatchObject({ code: 'invalid_input', fields: [{ path: 'intoId' }] });
    expect(self.message).toMatch(/cannot be merged into itself: its leads would be left without a client/);
    const missing = await callError(ctx, 'clients:merge', { id: acme.id, intoId: 999 });
    expect(missing.message).toBe(
      'intoId: Client 999 does not exist: the leads of "Acme" would be left without a client. Nothing was merged',
    );
    expect((await clientNamed('Acme')).leads).toBe(1);
    // Renaming onto another client's name is a merge, not a rename.
    const other = await call<Client>('clients:create', { name: 'Other' });
    expect((await callError(ctx, 'clients:update', { id: other.id, name: 'acme' })).message).toBe(
      'name: Another client is called "Acme": merge the two instead',
    );
    expect((await callError(ctx, 'clients:create', { name: 'x', emails: ['not-an-email'] })).fields?.[0]?.path).toBe(
      'emails.0',
    );
  });
});

const row = (
  r: ChannelReport,
  source: string,
): Pick<ChannelRow, 'revenue' | 'fees' | 'costs' | 'profit' | 'leads'> | undefined => {
  const c = r.channels.find((x) => x.source === source);
  return c && { revenue: c.revenue, fees: c.fees, costs: c.costs, profit: c.profit, leads: c.leads };
};

describe('attribution (DOMAIN §6), computed by hand', () => {
  it('last counts each payment for its channel; first for its client first source; fees and costs stay', async () => {
    const podcast = sourceId(ctx, 'Podcast');
    const upwork = sourceId(ctx, 'Upwork');
    const linkedin = sourceId(ctx, 'LinkedIn');
    // Acme first came through LinkedIn (lost there), then hired on Upwork: 1000.00, fee 100.00.
    await lead({ sourceId: linkedin, client: 'Acme', createdOn: '2026-03-01', stage: 'lost' });
    const a2 = await lead({
      sourceId: upwork,
      client: 'Acme',
      createdOn: '2026-04-01',
      stage: 'won',
      closedOn: '2026-04-05',
    });
    await call('payments:create', {
      date: '2026-04-10',
      sourceId: upwork,
      leadId: a2.id,
      gross: '1000.00',
      fee: '100.00',
    });
    // Beta: a podcast lead and an Upwork lead on the same day; the podcast one was created first: 500.00, fee 50.00.
    await lead({ sourceId: podcast, client: 'Beta', createdOn: '2026-02-01' });
    const b2 = await lead({
      sourceId: upwork,
      client: 'Beta',
      createdOn: '2026-02-01',
      stage: 'won',
      closedOn: '2026-04-01',
    });
    await call('payments:create', {
      date: '2026-04-15',
      sourceId: upwork,
      leadId: b2.id,
      gross: '500.00',
      fee: '50.00',
    });
    // Gamma: only an Upwork lead, but the user says the podcast brought them: 200.00, no fee.
    const g1 = await lead({
      sourceId: upwork,
      client: 'Gamma',
      createdOn: '2026-04-02',
      stage: 'won',
      closedOn: '2026-04-03',
    });
    await call('clients:update', { id: (await clientNamed('Gamma')).id, firstSourceId: podcast });
    await call('payments:create', { date: '2026-04-20', sourceId: upwork, leadId: g1.id, gross: '200.00', fee: '0' });
    // A LinkedIn payment with no lead, and a payment of Acme outside the range: both stay.
    await call('payments:create', { date: '2026-04-05', sourceId: linkedin, gross: '300.00', fee: '0' });
    await call('payments:create', { date: '2026-07-05', sourceId: upwork, leadId: a2.id, gross: '999.00', fee: '0' });
    await call('expenses:create', { date: '2026-04-01', sourceId: podcast, category: 'advertising', amount: '50.00' });

    const range = { from: '2026-01-01', to: '2026-06-30', basis: 'cash' };
    const last = await call<ChannelReport>('reports:channels', range);
    const first = await call<ChannelReport>('reports:channels', { ...range, attribution: 'first' });
    expect(await call<ChannelReport>('reports:channels', { ...range, attribution: 'last' })).toEqual(last);
    // Last touch: Upwork 1000 + 500 + 200 = 1700.00, fees 150.00; LinkedIn 300.00; Podcast only its 50.00 cost.
    expect(row(last, 'Upwork')).toEqual({ revenue: 170000, fees: 15000, costs: 0, profit: 155000, leads: 3 });
    expect(row(last, 'LinkedIn')).toEqual({ revenue: 30000, fees: 0, costs: 0, profit: 30000, leads: 1 });
    expect(row(last, 'Podcast')).toEqual({ revenue: 0, fees: 0, costs: 5000, profit: -5000, leads: 1 });
    // First touch: Acme's 1000.00 to LinkedIn (where their first lead was lost), Beta's 500.00 and Gamma's 200.00 to the podcast.
    expect(row(first, 'Upwork')).toEqual({ revenue: 0, fees: 15000, costs: 0, profit: -15000, leads: 3 });
    expect(row(first, 'LinkedIn')).toEqual({ revenue: 130000, fees: 0, costs: 0, profit: 130000, leads: 1 });
    expect(row(first, 'Podcast')).toEqual({ revenue: 70000, fees: 0, costs: 5000, profit: 65000, leads: 1 });
    expect(first.totals).toEqual(last.totals);
    expect(first.totals).toMatchObject({ revenue: 200000, fees: 15000, costs: 5000, profit: 180000 });
    // The Reports page reads the same numbers.
    const detail = await call<{ report: ChannelReport }>('reports:detail', { ...range, attribution: 'first' });
    expect(detail.report.channels).toEqual(first.channels);
    expect((await callError(ctx, 'reports:channels', { attribution: 'middle' })).message).toBe(
      'attribution: Attribution is last or first',
    );
  });
});

const fx = (name: string) => path.join(import.meta.dirname, '__fixtures__', name);

describe('payments find their lead (issue 15.3)', () => {
  it('offers a matching client lead, remembers an accepted payer, links its next payment on import, and assigns by hand', async () => {
    const upwork = sourceId(ctx, 'Upwork');
    const behance = sourceId(ctx, 'Behance');
    await lead({ sourceId: behance, client: 'Acme Corp', createdOn: '2026-06-01', stage: 'lost' });
    const open = await lead({ sourceId: upwork, client: 'Acme Corp', createdOn: '2026-08-01', stage: 'applied' });
    await lead({ sourceId: upwork, client: 'Acme Corp', createdOn: '2026-09-01', stage: 'lost' });
    const acme = await clientNamed('Acme Corp');
    await call('clients:update', { id: acme.id, name: 'Acme Corporation', emails: ['billing@acme.test'] });

    const first = await importCsvFile(ctx.db, fx('paypal-clients-1.csv'), { as: 'paypal' }, { now: ctx.now });
    expect(first).toMatchObject({ applied: true, inserted: 2, payerLinks: { linked: 0, toAssign: 2 } });
    const waiting = await call<{ items: ToAssignPayment[]; total: number }>('payments:to-assign', {});
    expect(waiting.total).toBe(2);
    expect(await call('payments:to-assign-count', {})).toEqual({ count: 2 });
    const acmePay = waiting.items.find((p) => p.payerName === 'Acme Corp')!;
    expect(acmePay).toMatchObject({
      rail: 'paypal',
      payerEmail: 'billing@acme.test',
      sourceName: 'PayPal',
      grossMinor: 40000,
      feeMinor: 1200,
    });
    // The most recent open or won lead of the client (the later one was lost), matched by e-mail.
    expect(acmePay.suggestion).toEqual({
      paymentId: acmePay.id,
      clientId: acme.id,
      clientName: 'Acme Corporation',
      leadId: open.id,
      leadTitle: 'Job',
      matchedBy: 'email',
    });
    expect(waiting.items.find((p) => p.payerName === 'Someone Unknown')!.suggestion).toBeNull();
    expect((await call<{ suggestions: unknown[] }>('payments:suggest-links', {})).suggestions).toEqual([
      acmePay.suggestion,
    ]);

    const accepted = await call('payments:accept-link', { paymentId: acmePay.id, leadId: open.id });
    expect(accepted).toEqual({
      paymentId: acmePay.id,
      sourceId: upwork,
      leadId: open.id,
      remembered: ['email:billing@acme.test', 'name:Acme Corp'],
    });
    const unknown = waiting.items.find((p) => p.payerName === 'Someone Unknown')!;
    await call('payments:assign', { paymentId: unknown.id, sourceId: behance });
    expect(await call('payments:to-assign-count', {})).toEqual({ count: 0 });
    expect((await callError(ctx, 'payments:assign', { paymentId: unknown.id })).fields?.[0]?.path).toBe('leadId');

    // Next month's file: Acme's payment goes to its lead at once; the unknown payer waits again.
    const second = await importCsvFile(ctx.db, fx('paypal-clients-2.csv'), { as: 'paypal' }, { now: ctx.now });
    expect(second.payerLinks).toEqual({ linked: 1, toAssign: 1 });
    const acmeLead = await call<{ items: { grossMinor: number; sourceName: string }[] }>('payments:list', {
      leadId: open.id,
    });
    expect(acmeLead.items.map((p) => [p.grossMinor, p.sourceName])).toEqual([
      [60000, 'Upwork'],
      [40000, 'Upwork'],
    ]);
    // Re-importing the first file keeps what the user decided.
    const again = await importCsvFile(ctx.db, fx('paypal-clients-1.csv'), { as: 'paypal' }, { now: ctx.now });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    expect(await call('payments:to-assign-count', {})).toEqual({ count: 1 });
    expect(rollupDrift(ctx.db)).toEqual([]);
  });
});

describe('migration 0007 (clients) on a database of the version before', () => {
  it('creates one client per name, exact and case-insensitive, named as its earliest lead writes it', () => {
    const file = tempDbPath();
    try {
      buildFixture(file, migration0008.version - 1, { leads: 0 });
      const db = new Database(file);
      db.pragma('foreign_keys = ON');
      const upwork = (db.prepare(`SELECT id FROM sources WHERE name = 'Upwork'`).get() as { id: number }).id;
      const add = db.prepare(
        `INSERT INTO leads (ref, source_id, title, client, stage, created_on, currency, updated_at) VALUES (?, ?, 'T', ?, 'new', ?, 'USD', 'now')`,
      );
      add.run('a', upwork, 'acme', '2026-03-01');
      add.run('b', upwork, 'ACME', '2026-01-01');
      add.run('c', upwork, 'Acme ', '2026-01-01');
      add.run('d', upwork, '', '2026-01-01');
      add.run('e', upwork, 'Globex', '2026-02-01');
      migrate(db, migration0008.version);
      expect(db.prepare(`SELECT name FROM clients ORDER BY id`).all()).toEqual([
        { name: 'ACME' },
        { name: 'Acme ' },
        { name: 'Globex' },
      ]);
      const links = db
        .prepare(`SELECT l.ref, c.name FROM leads l LEFT JOIN clients c ON c.id = l.client_id ORDER BY l.ref`)
        .all();
      expect(links).toEqual([
        { ref: 'a', name: 'ACME' },
        { ref: 'b', name: 'ACME' },
        { ref: 'c', name: 'Acme ' },
        { ref: 'd', name: null },
        { ref: 'e', name: 'Globex' },
      ]);
      db.close();
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});
