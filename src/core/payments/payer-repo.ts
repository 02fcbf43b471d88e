import type { ReadableDB, WritableDB } from '../db/handles';
import { prepared } from '../db/statements';
import { RollupBatch } from '../rollups/rollup-batch';
import { latestOpenOrWonLead } from '../clients/clients-repo';
import { getPayment, updatePayment } from './payments-repo';

// Payments from a payment rail (PayPal, Stripe) keep who paid; "To assign" holds those with no lead
// that the user has not put on a channel yet; a payer linked once is remembered (docs/domain.md §3.12).

export type Rail = 'paypal' | 'stripe' | 'bank';
export type PayerFacts = { rail: Rail; payer_name: string; payer_email: string };

export function setPaymentPayer(db: WritableDB, paymentId: number, p: PayerFacts): void {
  prepared(db, `UPDATE payments SET rail = ?, payer_name = ?, payer_email = ? WHERE id = ?`).run(
    p.rail,
    p.payer_name,
    p.payer_email.toLowerCase(),
    paymentId,
  );
}

export type PayerState = { rail: Rail | null; payer_name: string; payer_email: string; assigned: number };

export function payerState(db: ReadableDB, paymentId: number): PayerState | undefined {
  return prepared(db, `SELECT rail, payer_name, payer_email, assigned FROM payments WHERE id = ?`).get(paymentId) as
    PayerState | undefined;
}

/** True when the user put this rail payment on a lead or a channel. */
export function keepsPlace(db: ReadableDB, paymentId: number): boolean {
  const s = payerState(db, paymentId);
  return (
    s !== undefined &&
    s.rail !== null &&
    (s.assigned === 1 ||
      (prepared(db, `SELECT lead_id FROM payments WHERE id = ?`).get(paymentId) as { lead_id: number | null })
        .lead_id !== null)
  );
}

export function markAssigned(db: WritableDB, paymentId: number): void {
  prepared(db, `UPDATE payments SET assigned = 1 WHERE id = ?`).run(paymentId);
}

// docs/domain.md §7: "To assign" covers every channel. Rail payments (PayPal, Stripe, bank) without a
// lead wait there as before; so do the other imported payments without one. Each half reads its own
// partial index (payments_to_assign, payments_waiting of migration 0016).
const railWaiting = `p.rail IS NOT NULL AND p.lead_id IS NULL AND p.assigned = 0`;
const otherWaiting = `p.rail IS NULL AND p.import_id IS NOT NULL AND p.lead_id IS NULL AND p.assigned = 0 AND p.gross_minor != 0`;

export function toAssignCount(db: ReadableDB): number {
  return (
    prepared(
      db,
      `SELECT (SELECT COUNT(*) FROM payments p WHERE ${railWaiting}) + (SELECT COUNT(*) FROM payments p WHERE ${otherWaiting}) AS n`,
    ).get() as { n: number }
  ).n;
}

export type ToAssignRow = {
  id: number;
  ref: string;
  date: string;
  source_id: number;
  source_name: string;
  description: string;
  gross_minor: number;
  fee_minor: number;
  currency: string;
  rail: Rail | null;
  payer_name: string;
  payer_email: string;
};

export function toAssignRows(db: ReadableDB, page: { limit: number; offset: number }): ToAssignRow[] {
  const columns = `p.id, p.ref, p.date, p.source_id, s.name AS source_name, p.description, p.gross_minor, p.fee_minor, p.currency, p.rail, p.payer_name, p.payer_email`;
  const part = (where: string) =>
    `SELECT * FROM (SELECT ${columns} FROM payments p JOIN sources s ON s.id = p.source_id WHERE ${where} ORDER BY p.date DESC, p.id DESC LIMIT @upTo)`;
  return prepared(
    db,
    `${part(railWaiting)} UNION ALL ${part(otherWaiting)} ORDER BY date DESC, id DESC LIMIT @limit OFFSET @offset`,
  ).all({
    upTo: page.limit + page.offset,
    limit: page.limit,
    offset: page.offset,
  }) as ToAssignRow[];
}

/** The keys a payer is remembered by: its e-mail and its name, as the rail wrote them. */
export function payerKeys(p: { payer_name: string; payer_email: string }): string[] {
  const keys: string[] = [];
  if (p.payer_email.trim()) keys.push(`email:${p.payer_email.trim().toLowerCase()}`);
  if (p.payer_name.trim()) keys.push(`name:${p.payer_name.trim()}`);
  return keys;
}

export function rememberPayer(db: WritableDB, key: string, clientId: number, leadId: number | null, at: string): void {
  prepared(
    db,
    `INSERT INTO payer_links (payer, client_id, lead_id, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (payer) DO UPDATE SET client_id = excluded.client_id, lead_id = excluded.lead_id`,
  ).run(key, clientId, leadId, at);
}

export function rememberedClient(db: ReadableDB, keys: readonly string[]): number | undefined {
  for (const key of keys) {
    const row = prepared(db, `SELECT client_id FROM payer_links WHERE payer = ?`).get(key) as
      { client_id: number } | undefined;
    if (row) return row.client_id;
  }
  return undefined;
}

/** Puts a payment on a lead (and the lead's channel: a payment and its lead never disagree), rollups included. */
export function linkPaymentToLead(
  db: WritableDB,
  paymentId: number,
  lead: { id: number; source_id: number },
  batch: RollupBatch,
): void {
  const before = getPayment(db, paymentId)!;
  const { id: _id, ...rest } = before;
  updatePayment(db, before, { ...rest, source_id: lead.source_id, lead_id: lead.id }, batch);
}

/**
 * After an import: its rail payments without a lead whose payer the user linked before go to that
 * client's most recent open or won lead. Returns how many were linked and how many still wait.
 */
/** Payments read at a time: a million-row PayPal file leaves ~400,000 to assign, too many to hold at once. */
const payerPage = 5000;

export function linkRememberedPayers(db: WritableDB, importId: number): { linked: number; toAssign: number } {
  const waiting = () =>
    (
      prepared(
        db,
        `SELECT (SELECT COUNT(*) FROM payments p WHERE p.import_id = @id AND ${railWaiting}) + (SELECT COUNT(*) FROM payments p WHERE p.import_id = @id AND ${otherWaiting}) AS n`,
      ).get({ id: importId }) as { n: number }
    ).n;
  // Nobody remembered yet (a first import): nothing to link, only to count.
  if (!prepared(db, `SELECT 1 FROM payer_links LIMIT 1`).get()) return { linked: 0, toAssign: waiting() };
  const page = prepared(
    db,
    `SELECT id, payer_name, payer_email FROM payments p WHERE p.import_id = ? AND ${railWaiting} AND p.id > ? ORDER BY p.id LIMIT ?`,
  );
  const batch = new RollupBatch(db);
  let linked = 0;
  let after = 0;
  for (;;) {
    const rows = page.all(importId, after, payerPage) as { id: number; payer_name: string; payer_email: string }[];
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    for (const row of rows) {
      const clientId = rememberedClient(db, payerKeys(row));
      const lead = clientId === undefined ? undefined : latestOpenOrWonLead(db, clientId);
      if (!lead) continue;
      linkPaymentToLead(db, row.id, lead, batch);
      linked++;
    }
  }
  batch.flush();
  return { linked, toAssign: waiting() };
}
