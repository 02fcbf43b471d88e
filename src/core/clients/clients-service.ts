import type { z } from 'zod';
import { AppError, fieldError } from '../../shared/api/result';
import type { Client, ClientCreate, ClientDetail, ClientUpdate } from '../../shared/api/schemas/clients';
import { Converter } from '../../shared/reports/fx';
import type { Ctx, ReadCtx } from '../context';
import {
  addClientName,
  clientChannels,
  clientForName,
  clientIdByName,
  clientLastActivity,
  clientLeadStats,
  clientLeads,
  clientMoney,
  type ClientSummaryRow,
  deleteClientRow,
  getClientRecord,
  getClientSummaryRow,
  insertClient,
  leadClientId,
  leadExists,
  leadsOfClient,
  listClientRows,
  mergeClientRows,
  setLeadClient,
  updateClientRecord,
} from './clients-repo';
import { rateTable } from '../rates/rates-repo';
import { baseCurrency } from '../db/settings-repo';
import { reportSources, requireSource } from '../sources/sources-repo';

// Clients (docs/domain.md §6.3): list, one client's lifetime money, create/update/merge and the
// lead ↔ client link. Leads name their client by name (exact, case-insensitive) until linked to another.

const splitEmails = (emails: string) => (emails === '' ? [] : emails.split(','));
const joinEmails = (emails: readonly string[]) =>
  [...new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean))].join(',');

type Money = {
  revenue: Map<number, number>;
  bySource: Map<string, number>;
  warnings: string[];
  stats: Map<number, { leads: number; wins: number; first: string | null; last: string }>;
};

const later = (a: string, b: string | null | undefined) => (b && b > a ? b : a);

/** Per client: gross in the base currency (each month at its rate, also per channel), leads, wins and contacts. */
function moneyOf(ctx: ReadCtx, clientIds: number[]): Money {
  const base = baseCurrency(ctx.db);
  const converter = new Converter(base, rateTable(ctx.db, base));
  const revenue = new Map<number, number>();
  const bySource = new Map<string, number>();
  const stats: Money['stats'] = new Map(clientIds.map((id) => [id, { leads: 0, wins: 0, first: null, last: '' }]));
  for (const s of clientLeadStats(ctx.db, clientIds))
    Object.assign(stats.get(s.client_id)!, { leads: s.leads, wins: s.wins, first: s.first_contact, last: s.last_lead });
  for (const a of clientLastActivity(ctx.db, clientIds))
    stats.get(a.client_id)!.last = later(stats.get(a.client_id)!.last, a.day);
  for (const r of clientMoney(ctx.db, clientIds)) {
    stats.get(r.client_id)!.last = later(stats.get(r.client_id)!.last, r.last_date);
    const gross = converter.convert(r.gross, r.currency, r.month, r.payments);
    if (gross === undefined) continue;
    revenue.set(r.client_id, (revenue.get(r.client_id) ?? 0) + gross);
    const key = `${r.client_id}|${r.source_id}`;
    bySource.set(key, (bySource.get(key) ?? 0) + gross);
  }
  return { revenue, bySource, warnings: converter.warnings, stats };
}

function toClient(ctx: ReadCtx, r: ClientSummaryRow, money: Money, names: Map<number, string>): Client {
  const stats = money.stats.get(r.id) ?? { leads: 0, wins: 0, first: null, last: '' };
  return {
    id: r.id,
    name: r.name,
    emails: splitEmails(r.emails),
    firstSourceId: r.first_source,
    firstSource: r.first_source === null ? null : (names.get(r.first_source) ?? null),
    firstSourceIsDefault: r.first_source_id === null,
    leads: stats.leads,
    wins: stats.wins,
    revenue: money.revenue.get(r.id) ?? 0,
    currency: baseCurrency(ctx.db),
    firstContact: stats.first,
    lastContact: stats.last || null,
    repeat: stats.wins >= 2,
  };
}

const sourceNames = (ctx: ReadCtx) => new Map(reportSources(ctx.db).map((s) => [s.id, s.name]));

export function listClients(
  ctx: ReadCtx,
  input: { search?: string | undefined; limit?: number | undefined; offset?: number | undefined },
): { items: Client[]; total: number } {
  const { rows, total } = listClientRows(ctx.db, input.search ?? '', {
    limit: input.limit ?? 200,
    offset: input.offset ?? 0,
  });
  const money = moneyOf(
    ctx,
    rows.map((r) => r.id),
  );
  const names = sourceNames(ctx);
  return { items: rows.map((r) => toClient(ctx, r, money, names)), total };
}

function clientById(ctx: ReadCtx, id: number): Client {
  const row = getClientSummaryRow(ctx.db, id);
  if (!row) throw new AppError('not_found', `Client ${id} does not exist`);
  return toClient(ctx, row, moneyOf(ctx, [id]), sourceNames(ctx));
}

export function getClient(ctx: ReadCtx, id: number): ClientDetail {
  const row = getClientSummaryRow(ctx.db, id);
  if (!row) throw new AppError('not_found', `Client ${id} does not exist`);
  const money = moneyOf(ctx, [id]);
  const names = sourceNames(ctx);
  const leads = clientLeads(ctx.db, id);
  const channels = new Map<
    number,
    { sourceId: number; source: string; leads: number; wins: number; revenue: number }
  >();
  const channel = (sourceId: number) => {
    let c = channels.get(sourceId);
    if (!c)
      channels.set(
        sourceId,
        (c = { sourceId, source: names.get(sourceId) ?? `#${sourceId}`, leads: 0, wins: 0, revenue: 0 }),
      );
    return c;
  };
  for (const s of clientChannels(ctx.db, id)) Object.assign(channel(s.source_id), { leads: s.leads, wins: s.wins });
  for (const [key, gross] of money.bySource) channel(Number(key.split('|')[1])).revenue += gross;
  return {
    client: toClient(ctx, row, money, names),
    leads: leads.map((l) => ({
      id: l.id,
      title: l.title,
      sourceId: l.source_id,
      source: l.source_name,
      stage: l.stage,
      createdOn: l.created_on,
      closedOn: l.closed_on,
      valueMinor: l.value_minor,
      currency: l.currency,
    })),
    channels: [...channels.values()].sort(
      (a, b) => b.revenue - a.revenue || b.leads - a.leads || a.source.localeCompare(b.source),
    ),
    warnings: money.warnings,
  };
}

function checkNameFree(ctx: Ctx, name: string, selfId: number | null): void {
  const owner = clientIdByName(ctx.db, name);
  if (owner !== undefined && owner !== selfId) {
    const other = getClientRecord(ctx.db, owner);
    throw fieldError('name', `Another client is called "${other?.name ?? name}": merge the two instead`);
  }
}

export function createClient(ctx: Ctx, input: z.output<typeof ClientCreate>): Client {
  const { db } = ctx;
  const id = db.transaction(() => {
    checkNameFree(ctx, input.name, null);
    if (input.firstSourceId != null) requireSource(db, input.firstSourceId, 'firstSourceId');
    return insertClient(db, {
      name: input.name,
      emails: joinEmails(input.emails ?? []),
      first_source_id: input.firstSourceId ?? null,
      created_at: ctx.now().toISOString(),
    });
  })();
  return clientById(ctx, id);
}

export function updateClient(ctx: Ctx, input: z.output<typeof ClientUpdate>): Client {
  const { db } = ctx;
  db.transaction(() => {
    const before = getClientRecord(db, input.id);
    if (!before) throw new AppError('not_found', `Client ${input.id} does not exist`);
    const name = input.name ?? before.name;
    if (input.name !== undefined) checkNameFree(ctx, name, before.id);
    if (input.firstSourceId != null) requireSource(db, input.firstSourceId, 'firstSourceId');
    updateClientRecord(db, {
      ...before,
      name,
      emails: input.emails ? joinEmails(input.emails) : before.emails,
      first_source_id: input.firstSourceId === undefined ? before.first_source_id : input.firstSourceId,
    });
    // The old name stays one of the client's names: leads that still write it keep finding it.
    if (name !== before.name) addClientName(db, before.id, name);
  })();
  return clientById(ctx, input.id);
}

/**
 * Merges client `id` into `intoId`. Refused, with nothing changed, when it would leave a lead
 * without a client: merging a client into itself (it would be removed with its leads' link) or
 * into a client that does not exist.
 */
export function mergeClients(ctx: Ctx, input: { id: number; intoId: number }): Client {
  const { db } = ctx;
  db.transaction(() => {
    if (input.id === input.intoId)
      throw fieldError(
        'intoId',
        'A client cannot be merged into itself: its leads would be left without a client. Choose another client',
      );
    const from = getClientRecord(db, input.id);
    if (!from) throw fieldError('id', `Client ${input.id} does not exist`);
    const into = getClientRecord(db, input.intoId);
    if (!into)
      throw fieldError(
        'intoId',
        `Client ${input.intoId} does not exist: the leads of "${from.name}" would be left without a client. Nothing was merged`,
      );
    mergeClientRows(db, into.id, from.id);
    updateClientRecord(db, {
      ...into,
      emails: joinEmails([...splitEmails(into.emails), ...splitEmails(from.emails)]),
      // A first source set on either is kept (the kept client's wins).
      first_source_id: into.first_source_id ?? from.first_source_id,
    });
    const left = leadsOfClient(db, from.id);
    if (left > 0)
      throw new AppError(
        'conflict',
        `${left} lead(s) of "${from.name}" would be left without a client. Nothing was merged`,
      );
    deleteClientRow(db, from.id);
  })();
  return clientById(ctx, input.intoId);
}

/** Links a lead to the client its client name names (a new client when none has it); empty: no client. */
export function linkLeadByName(ctx: Ctx, leadId: number, name: string): void {
  setLeadClient(ctx.db, leadId, clientForName(ctx.db, name, ctx.now().toISOString()));
}

export function linkLead(
  ctx: Ctx,
  input: { leadId: number; clientId?: number | undefined; clientName?: string | undefined },
): { leadId: number; clientId: number; clientName: string } {
  const { db } = ctx;
  return db.transaction(() => {
    if (!leadExists(db, input.leadId)) throw fieldError('leadId', `Lead ${input.leadId} does not exist`);
    const clientId = input.clientId ?? clientForName(db, input.clientName!, ctx.now().toISOString())!;
    const client = getClientRecord(db, clientId);
    if (!client) throw fieldError('clientId', `Client ${clientId} does not exist`);
    setLeadClient(db, input.leadId, client.id);
    return { leadId: input.leadId, clientId: client.id, clientName: client.name };
  })();
}

export function clientOfLead(ctx: ReadCtx, leadId: number): { client: { id: number; name: string } | null } {
  if (!leadExists(ctx.db, leadId)) throw new AppError('not_found', `Lead ${leadId} does not exist`);
  const id = leadClientId(ctx.db, leadId);
  const client = id === null ? undefined : getClientRecord(ctx.db, id);
  return { client: client ? { id: client.id, name: client.name } : null };
}
