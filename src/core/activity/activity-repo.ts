import type { ReadableDB, WritableDB } from '../db/handles';
import type { Activity, ActivityKind } from '../../shared/api/schemas/activity';
import type { LostReasonCount } from '../../shared/api/schemas/preferences';

type ActivityRecord = { id: number; lead_id: number; kind: ActivityKind; at: string; text: string };

const toActivity = (r: ActivityRecord): Activity => ({
  id: r.id,
  leadId: r.lead_id,
  kind: r.kind,
  at: r.at,
  text: r.text,
});

export function insertActivity(
  db: WritableDB,
  a: { leadId: number; kind: ActivityKind; at: string; text: string; createdAt: string },
): Activity {
  const id = Number(
    db
      .prepare(`INSERT INTO activity (lead_id, kind, at, text, created_at) VALUES (?, ?, ?, ?, ?)`)
      .run(a.leadId, a.kind, a.at, a.text, a.createdAt).lastInsertRowid,
  );
  return { id, leadId: a.leadId, kind: a.kind, at: a.at, text: a.text };
}

export function deleteActivity(db: WritableDB, id: number): boolean {
  return db.prepare(`DELETE FROM activity WHERE id = ?`).run(id).changes > 0;
}

export function activitiesOfLead(db: ReadableDB, leadId: number): Activity[] {
  const rows = db
    .prepare(`SELECT id, lead_id, kind, at, text FROM activity WHERE lead_id = ? ORDER BY at DESC, id DESC`)
    .all(leadId) as ActivityRecord[];
  return rows.map(toActivity);
}

/** The latest logged activity of each lead in `leadIds` (one index seek per lead). */
/** Each lead's latest activity up to `upTo` (an ISO time; a meeting planned after it is not "last"). */
export function lastActivities(db: ReadableDB, leadIds: readonly number[], upTo = '9999'): Map<number, Activity> {
  const statement = db.prepare(
    `SELECT id, lead_id, kind, at, text FROM activity WHERE lead_id = ? AND at <= ? ORDER BY at DESC, id DESC LIMIT 1`,
  );
  const result = new Map<number, Activity>();
  for (const leadId of leadIds) {
    const row = statement.get(leadId, upTo) as ActivityRecord | undefined;
    if (row) result.set(leadId, toActivity(row));
  }
  return result;
}

/** Each lead's next planned activity (a meeting dated after `after`). */
export function plannedActivities(db: ReadableDB, leadIds: readonly number[], after: string): Map<number, Activity> {
  const statement = db.prepare(
    `SELECT id, lead_id, kind, at, text FROM activity WHERE lead_id = ? AND at > ? ORDER BY at, id LIMIT 1`,
  );
  const result = new Map<number, Activity>();
  for (const leadId of leadIds) {
    const row = statement.get(leadId, after) as ActivityRecord | undefined;
    if (row) result.set(leadId, toActivity(row));
  }
  return result;
}

export type LeadPaymentRow = {
  id: number;
  date: string;
  created_at: string;
  gross_minor: number;
  fee_minor: number;
  currency: string;
  description: string;
};

export function paymentsOfLead(db: ReadableDB, leadId: number): LeadPaymentRow[] {
  return db
    .prepare(
      `SELECT id, date, created_at, gross_minor, fee_minor, currency, description FROM payments WHERE lead_id = ? ORDER BY date DESC, id DESC`,
    )
    .all(leadId) as LeadPaymentRow[];
}

/**
 * Lost leads closed in [from, to], per channel and reason; an empty reason is "No reason given".
 * Counted from leads_lost (migration 0012: the lost leads alone, covering), then named.
 */
export function lostReasonCounts(db: ReadableDB, from: string | undefined, to: string | undefined): LostReasonCount[] {
  const range = [from === undefined ? '' : 'AND l.closed_on >= ?', to === undefined ? '' : 'AND l.closed_on <= ?'].join(
    ' ',
  );
  return db
    .prepare(
      `SELECT s.id AS sourceId, s.name AS sourceName, s.color AS sourceColor, g.reason, g.count
       FROM (SELECT l.source_id, CASE WHEN trim(l.lost_reason) = '' THEN 'No reason given' ELSE trim(l.lost_reason) END AS reason, COUNT(*) AS count
             FROM leads l INDEXED BY leads_lost WHERE l.stage = 'lost' ${range} GROUP BY l.source_id, reason) g
       JOIN sources s ON s.id = g.source_id
       ORDER BY g.count DESC, s.name COLLATE NOCASE, g.reason`,
    )
    .all(...[from, to].filter((d) => d !== undefined)) as LostReasonCount[];
}
