import type { ReadableDB, WritableDB } from '../db/handles';
import { prepared } from '../db/statements';

// Clients (docs/domain.md §6). A client is found by any of its names (client_names: its name, plus names
// merged or renamed away), exact and case-insensitive (NOCASE). first_source_id NULL means the
// default rule: the channel of the client's earliest lead by created_on, ties by the lead created first.

export type ClientRecord = {
  id: number;
  name: string;
  emails: string;
  first_source_id: number | null;
  created_at: string;
};

/** The effective first source of client `c` (alias of clients) as an SQL expression. */
export const firstSourceSql = (c: string) =>
  `COALESCE(${c}.first_source_id, (SELECT fl.source_id FROM leads fl WHERE fl.client_id = ${c}.id ORDER BY fl.created_on, fl.id LIMIT 1))`;

export function getClientRecord(db: ReadableDB, id: number): ClientRecord | undefined {
  return prepared(db, `SELECT * FROM clients WHERE id = ?`).get(id) as ClientRecord | undefined;
}

export function clientIdByName(db: ReadableDB, name: string): number | undefined {
  return (
    prepared(db, `SELECT client_id FROM client_names WHERE name = ?`).get(name.trim()) as
      { client_id: number } | undefined
  )?.client_id;
}

/** A client by its own name (NOCASE), whether or not client_names has it. */
export function clientIdByOwnName(db: ReadableDB, name: string): number | undefined {
  return (prepared(db, `SELECT id FROM clients WHERE name = ?`).get(name) as { id: number } | undefined)?.id;
}

/** Writes a client's name with another spelling (same name under NOCASE), in clients and client_names. */
export function respellClient(db: WritableDB, clientId: number, from: string, to: string): void {
  prepared(db, `UPDATE clients SET name = ? WHERE id = ?`).run(to, clientId);
  prepared(db, `UPDATE client_names SET name = ? WHERE name = ? AND client_id = ?`).run(to, from, clientId);
}

export function insertClient(db: WritableDB, c: Omit<ClientRecord, 'id'>): number {
  const id = Number(
    prepared(db, `INSERT INTO clients (name, emails, first_source_id, created_at) VALUES (?, ?, ?, ?)`).run(
      c.name,
      c.emails,
      c.first_source_id,
      c.created_at,
    ).lastInsertRowid,
  );
  addClientName(db, id, c.name);
  return id;
}

/** Keeps `name` pointing at the client (a rename keeps the old name as well, for leads that still use it). */
export function addClientName(db: WritableDB, clientId: number, name: string): void {
  prepared(
    db,
    `INSERT INTO client_names (name, client_id) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET client_id = excluded.client_id`,
  ).run(name, clientId);
}

export function updateClientRecord(db: WritableDB, c: ClientRecord): void {
  prepared(db, `UPDATE clients SET name = ?, emails = ?, first_source_id = ? WHERE id = ?`).run(
    c.name,
    c.emails,
    c.first_source_id,
    c.id,
  );
}

/** The client's id for a lead's client name: the one with that name, else a new client. Empty name: none. */
export function clientForName(db: WritableDB, name: string, createdAt: string): number | null {
  const trimmed = name.trim();
  if (trimmed === '') return null;
  return (
    clientIdByName(db, trimmed) ??
    insertClient(db, { name: trimmed, emails: '', first_source_id: null, created_at: createdAt })
  );
}

export function setLeadClient(db: WritableDB, leadId: number, clientId: number | null): void {
  prepared(db, `UPDATE leads SET client_id = ? WHERE id = ?`).run(clientId, leadId);
}

/** Whether a lead exists (this area reads the leads table itself, so src/core/leads may depend on it). */
export function leadExists(db: ReadableDB, leadId: number): boolean {
  return prepared(db, `SELECT 1 FROM leads WHERE id = ?`).get(leadId) !== undefined;
}

export function leadClientId(db: ReadableDB, leadId: number): number | null {
  return (
    (prepared(db, `SELECT client_id FROM leads WHERE id = ?`).get(leadId) as { client_id: number | null } | undefined)
      ?.client_id ?? null
  );
}

/**
 * Links every lead that names a client but has none (imports, sample data), in three set-based
 * statements: new clients for unknown names (named as their earliest lead writes them), their
 * names, then the links. Returns how many leads were linked.
 */
export function linkUnlinkedLeads(db: WritableDB, createdAt: string): number {
  prepared(
    db,
    `INSERT OR IGNORE INTO clients (name, created_at)
    SELECT l.client, ? FROM leads l WHERE l.client_id IS NULL AND l.client != ''
      AND NOT EXISTS (SELECT 1 FROM client_names n WHERE n.name = l.client) ORDER BY l.created_on, l.id`,
  ).run(createdAt);
  prepared(db, `INSERT OR IGNORE INTO client_names (name, client_id) SELECT name, id FROM clients`).run();
  return prepared(
    db,
    `UPDATE leads SET client_id = (SELECT n.client_id FROM client_names n WHERE n.name = leads.client)
    WHERE client_id IS NULL AND client != ''`,
  ).run().changes;
}

export type ClientSummaryRow = ClientRecord & { first_source: number | null };

const summaryColumns = `c.id, c.name, c.emails, c.first_source_id, c.created_at, ${firstSourceSql('c')} AS first_source`;

export function listClientRows(
  db: ReadableDB,
  search: string,
  page: { limit: number; offset: number },
): { rows: ClientSummaryRow[]; total: number } {
  const like = `%${search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const where = search ? `WHERE c.name LIKE @like ESCAPE '\\' OR c.emails LIKE @like ESCAPE '\\'` : '';
  const total = (
    db.prepare(`SELECT COUNT(*) AS n FROM clients c ${where}`).get(search ? { like } : {}) as { n: number }
  ).n;
  const rows = db
    .prepare(
      `SELECT ${summaryColumns} FROM clients c ${where} ORDER BY c.name COLLATE NOCASE, c.id LIMIT @limit OFFSET @offset`,
    )
    .all({ ...(search ? { like } : {}), ...page }) as ClientSummaryRow[];
  return { rows, total };
}

export function getClientSummaryRow(db: ReadableDB, id: number): ClientSummaryRow | undefined {
  return db.prepare(`SELECT ${summaryColumns} FROM clients c WHERE c.id = ?`).get(id) as ClientSummaryRow | undefined;
}

const inList = (ids: readonly number[]) => ids.map(() => '?').join(', ');

/** Per client: leads, wins, first contact and the latest lead date, from the leads_client index alone. */
export type ClientLeadStats = {
  client_id: number;
  leads: number;
  wins: number;
  first_contact: string;
  last_lead: string;
};

export function clientLeadStats(db: ReadableDB, clientIds: readonly number[]): ClientLeadStats[] {
  if (clientIds.length === 0) return [];
  return db
    .prepare(
      `SELECT client_id, COUNT(*) AS leads, SUM(stage = 'won') AS wins, MIN(created_on) AS first_contact,
         MAX(MAX(created_on, COALESCE(applied_on, ''), COALESCE(closed_on, ''))) AS last_lead
       FROM leads WHERE client_id IN (${inList(clientIds)}) GROUP BY client_id`,
    )
    .all(...clientIds) as ClientLeadStats[];
}

/** The day of the latest logged activity on each client's leads (activity outer: it is the smaller side). */
export function clientLastActivity(db: ReadableDB, clientIds: readonly number[]): { client_id: number; day: string }[] {
  if (clientIds.length === 0) return [];
  return db
    .prepare(
      `SELECT l.client_id, substr(MAX(a.at), 1, 10) AS day FROM activity a CROSS JOIN leads l ON l.id = a.lead_id WHERE l.client_id IN (${inList(clientIds)}) GROUP BY l.client_id`,
    )
    .all(...clientIds) as { client_id: number; day: string }[];
}

/** Gross of the payments of the clients' leads, per client, channel, currency and month (converted by the caller). */
export type ClientMoneyRow = {
  client_id: number;
  source_id: number;
  currency: string;
  month: string;
  gross: number;
  payments: number;
  last_date: string;
};

export function clientMoney(db: ReadableDB, clientIds: readonly number[]): ClientMoneyRow[] {
  if (clientIds.length === 0) return [];
  // From the payments that have a lead (partial covering index), not from every lead of the clients
  // (CROSS JOIN keeps payments outer: 1M leads of 15 clients otherwise probe payments a million times).
  return db
    .prepare(
      `SELECT l.client_id, p.source_id, p.currency, substr(p.date, 1, 7) AS month, SUM(p.gross_minor) AS gross, COUNT(*) AS payments, MAX(p.date) AS last_date
       FROM payments p INDEXED BY payments_lead_money CROSS JOIN leads l ON l.id = p.lead_id
       WHERE p.lead_id IS NOT NULL AND l.client_id IN (${inList(clientIds)})
       GROUP BY l.client_id, p.source_id, p.currency, month`,
    )
    .all(...clientIds) as ClientMoneyRow[];
}

export type ClientLeadRow = {
  id: number;
  title: string;
  source_id: number;
  source_name: string;
  stage: string;
  created_on: string;
  closed_on: string | null;
  value_minor: number | null;
  currency: string;
};

/** The client's most recent leads. */
export function clientLeads(db: ReadableDB, clientId: number, limit = 200): ClientLeadRow[] {
  return db
    .prepare(
      `SELECT l.id, l.title, l.source_id, s.name AS source_name, l.stage, l.created_on, l.closed_on, l.value_minor, l.currency
       FROM leads l JOIN sources s ON s.id = l.source_id WHERE l.client_id = ? ORDER BY l.created_on DESC, l.id DESC LIMIT ?`,
    )
    .all(clientId, limit) as ClientLeadRow[];
}

/** The client's leads and wins per channel. */
export function clientChannels(db: ReadableDB, clientId: number): { source_id: number; leads: number; wins: number }[] {
  return db
    .prepare(
      `SELECT source_id, COUNT(*) AS leads, SUM(stage = 'won') AS wins FROM leads WHERE client_id = ? GROUP BY source_id`,
    )
    .all(clientId) as { source_id: number; leads: number; wins: number }[];
}

/** Moves everything of client `from` to `into` (leads, names, remembered payers), then deletes `from`. */
export function mergeClientRows(db: WritableDB, into: number, from: number): { leadsMoved: number } {
  const leadsMoved = prepared(db, `UPDATE leads SET client_id = ? WHERE client_id = ?`).run(into, from).changes;
  prepared(db, `UPDATE client_names SET client_id = ? WHERE client_id = ?`).run(into, from);
  prepared(db, `UPDATE payer_links SET client_id = ? WHERE client_id = ?`).run(into, from);
  return { leadsMoved };
}

export function leadsOfClient(db: ReadableDB, clientId: number): number {
  return (prepared(db, `SELECT COUNT(*) AS n FROM leads WHERE client_id = ?`).get(clientId) as { n: number }).n;
}

export function deleteClientRow(db: WritableDB, id: number): void {
  prepared(db, `DELETE FROM clients WHERE id = ?`).run(id);
}

/** The client's most recent lead that is open or won (where a payment of theirs most likely belongs). */
export function latestOpenOrWonLead(
  db: ReadableDB,
  clientId: number,
): { id: number; title: string; source_id: number } | undefined {
  return prepared(
    db,
    `SELECT id, title, source_id FROM leads WHERE client_id = ? AND stage != 'lost' ORDER BY created_on DESC, id DESC LIMIT 1`,
  ).get(clientId) as { id: number; title: string; source_id: number } | undefined;
}

/** Clients a payer names: by one of its names, or by an e-mail in its list (stored lower-case, comma-separated). */
export function clientsForPayer(
  db: ReadableDB,
  name: string,
  email: string,
): { id: number; name: string; by: 'email' | 'name' }[] {
  const out: { id: number; name: string; by: 'email' | 'name' }[] = [];
  if (email) {
    const rows = prepared(db, `SELECT id, name FROM clients WHERE (',' || emails || ',') LIKE ? ESCAPE '\\'`).all(
      `%,${email.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)},%`,
    ) as { id: number; name: string }[];
    for (const r of rows) out.push({ ...r, by: 'email' });
  }
  if (name) {
    const row = prepared(
      db,
      `SELECT c.id, c.name FROM client_names n JOIN clients c ON c.id = n.client_id WHERE n.name = ?`,
    ).get(name.trim()) as { id: number; name: string } | undefined;
    if (row && !out.some((o) => o.id === row.id)) out.push({ ...row, by: 'name' });
  }
  return out;
}
