import type { WritableDB } from '../db/handles';
import { prepared } from '../db/statements';
import { linkPaymentToLead } from '../payments/payer-repo';
import { RollupBatch } from '../rollups/rollup-batch';

// docs/domain.md §7, linking payments to leads: a platform payment without a lead whose description
// (any of its parts: Upwork's "Transaction summary", contract or job title) equals exactly one lead's
// title on its channel (trimmed, case-insensitive), or whose payer names exactly one won lead's client
// on that channel, is linked to that lead. The others wait on "To assign".

const fold = (text: string) => text.trim().toLowerCase();

/** The parts of a description a title may equal: the whole, and each of its text columns (joined with " · "). */
export function titleCandidates(description: string): string[] {
  const parts = new Set<string>();
  const add = (t: string) => {
    const f = fold(t);
    if (f !== '') parts.add(f);
  };
  add(description);
  for (const column of description.split(' · ')) add(column);
  return [...parts];
}

type Waiting = { id: number; source_id: number; description: string; payer_name: string };

/** Payments read at a time: a million-row statement is never held at once. */
const page = 5000;

/** Links this import's payments to their leads; returns how many were linked. */
export function linkImportedPayments(db: WritableDB, importId: number): number {
  const sources = (
    prepared(db, `SELECT DISTINCT source_id FROM payments WHERE import_id = ? AND lead_id IS NULL`).all(importId) as {
      source_id: number;
    }[]
  ).map((r) => r.source_id);
  // One walk over the leads of those channels: title -> lead ids, won client -> lead ids (none: nothing to link).
  const titles = new Map<string, number[]>();
  const clients = new Map<string, number[]>();
  const leads = prepared(db, `SELECT id, source_id, title, client, stage FROM leads WHERE source_id = ?`);
  for (const sourceId of sources) {
    for (const l of leads.iterate(sourceId) as Iterable<{
      id: number;
      source_id: number;
      title: string;
      client: string;
      stage: string;
    }>) {
      const title = `${l.source_id}|${fold(l.title)}`;
      titles.set(title, [...(titles.get(title) ?? []), l.id]);
      if (l.stage === 'won' && fold(l.client) !== '') {
        const client = `${l.source_id}|${fold(l.client)}`;
        clients.set(client, [...(clients.get(client) ?? []), l.id]);
      }
    }
  }
  if (titles.size === 0) return 0;
  const waiting = prepared(
    db,
    `SELECT id, source_id, description, payer_name FROM payments WHERE import_id = ? AND lead_id IS NULL AND gross_minor != 0 AND id > ? ORDER BY id LIMIT ?`,
  );
  const batch = new RollupBatch(db);
  let linked = 0;
  for (let after = 0; ;) {
    const rows = waiting.all(importId, after, page) as Waiting[];
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    for (const w of rows) {
      const byTitle = new Set(titleCandidates(w.description).flatMap((t) => titles.get(`${w.source_id}|${t}`) ?? []));
      let lead: number | undefined = byTitle.size === 1 ? [...byTitle][0] : undefined;
      if (lead === undefined && byTitle.size === 0 && w.payer_name.trim() !== '') {
        const byClient = clients.get(`${w.source_id}|${fold(w.payer_name)}`) ?? [];
        if (byClient.length === 1) lead = byClient[0];
      }
      if (lead === undefined) continue;
      linkPaymentToLead(db, w.id, { id: lead, source_id: w.source_id }, batch);
      linked++;
    }
  }
  batch.flush();
  return linked;
}
