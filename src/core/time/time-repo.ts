import type { ReadableDB, WritableDB } from '../db/handles';
import type { TimeEntry, TimeKind } from '../../shared/api/schemas/time';
import { prepared } from '../db/statements';
import type { RollupBatch } from '../rollups/rollup-batch';
import { timeRollup } from '../rollups/specs';
import { type TimeFacts, timeInsertColumns, type TimeRecord, timeUpdateColumns, type TimeWrite } from './time-columns';

// Time entries (migration 0007) and the running timer (a row of settings, so it survives a restart).
// Every write adds its rollup delta to the caller's batch, flushed in the same transaction.

export type { TimeFacts, TimeRecord, TimeWrite };

const insertSql = `INSERT INTO time_entries (${timeInsertColumns.join(', ')}) VALUES (${timeInsertColumns.map((c) => `@${c}`).join(', ')})`;
const updateSql = `UPDATE time_entries SET ${timeUpdateColumns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`;

type JoinedRecord = TimeRecord & { source_name: string; lead_title: string | null };

const joined = `SELECT t.*, s.name AS source_name, l.title AS lead_title
  FROM time_entries t JOIN sources s ON s.id = t.source_id LEFT JOIN leads l ON l.id = t.lead_id`;

const toEntry = (r: JoinedRecord): TimeEntry => ({
  id: r.id,
  ref: r.ref,
  date: r.date,
  sourceId: r.source_id,
  sourceName: r.source_name,
  leadId: r.lead_id,
  leadTitle: r.lead_title,
  kind: r.kind,
  minutes: r.minutes,
  note: r.note,
});

export function insertTimeEntry(db: WritableDB, t: TimeWrite, batch: RollupBatch): number {
  addTime(batch, t, 1);
  return Number(prepared(db, insertSql).run(t).lastInsertRowid);
}

export function updateTimeRecord(
  db: WritableDB,
  before: TimeRecord,
  t: Pick<TimeRecord, 'date' | 'source_id' | 'lead_id' | 'kind' | 'minutes' | 'note' | 'updated_at'>,
  batch: RollupBatch,
): void {
  prepared(db, updateSql).run({ ...t, id: before.id });
  addTime(batch, before, -1);
  addTime(batch, t, 1);
}

export function deleteTimeEntry(db: WritableDB, id: number, batch: RollupBatch): boolean {
  const before = getTimeRecord(db, id);
  if (!before) return false;
  db.prepare(`DELETE FROM time_entries WHERE id = ?`).run(id);
  addTime(batch, before, -1);
  return true;
}

export function getTimeRecord(db: ReadableDB, id: number): TimeRecord | undefined {
  return db.prepare(`SELECT * FROM time_entries WHERE id = ?`).get(id) as TimeRecord | undefined;
}

export function getTimeByRef(db: ReadableDB, ref: string): TimeRecord | undefined {
  return prepared(db, `SELECT * FROM time_entries WHERE ref = ?`).get(ref) as TimeRecord | undefined;
}

export function getTimeEntry(db: ReadableDB, id: number): TimeEntry | undefined {
  const row = db.prepare(`${joined} WHERE t.id = ?`).get(id) as JoinedRecord | undefined;
  return row ? toEntry(row) : undefined;
}

export type TimeFilter = {
  leadId?: number | undefined;
  sourceId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

function where(f: TimeFilter) {
  return {
    sql: `WHERE (@lead IS NULL OR t.lead_id = @lead) AND (@source IS NULL OR t.source_id = @source)
      AND (@from IS NULL OR t.date >= @from) AND (@to IS NULL OR t.date <= @to)`,
    params: { lead: f.leadId ?? null, source: f.sourceId ?? null, from: f.from ?? null, to: f.to ?? null },
  };
}

export function listTimeEntries(db: ReadableDB, f: TimeFilter, limit: number): TimeEntry[] {
  const w = where(f);
  const rows = db
    .prepare(`${joined} ${w.sql} ORDER BY t.date DESC, t.id DESC LIMIT @limit`)
    .all({ ...w.params, limit }) as JoinedRecord[];
  return rows.map(toEntry);
}

export function timeTotals(
  db: ReadableDB,
  f: TimeFilter,
): { count: number; salesMinutes: number; deliveryMinutes: number } {
  const w = where(f);
  const row = db
    .prepare(
      `SELECT COUNT(*) AS count, COALESCE(SUM(CASE WHEN kind = 'sales' THEN minutes END), 0) AS salesMinutes,
              COALESCE(SUM(CASE WHEN kind = 'delivery' THEN minutes END), 0) AS deliveryMinutes
       FROM time_entries t ${w.sql}`,
    )
    .get(w.params) as { count: number; salesMinutes: number; deliveryMinutes: number };
  return row;
}

/** A lead moved to another channel takes its time entries along (they are its channel's hours). */
/** What time entries need of a lead: its channel and title (this area reads the leads table itself, so
 * src/core/leads, which moves a lead's time with it, may depend on this folder and not the other way). */
export type LeadOfTime = { id: number; source_id: number; title: string };

export function leadOfTime(db: ReadableDB, leadId: number): LeadOfTime | undefined {
  return prepared(db, `SELECT id, source_id, title FROM leads WHERE id = ?`).get(leadId) as LeadOfTime | undefined;
}

export function moveLeadTime(db: WritableDB, leadId: number, sourceId: number, batch: RollupBatch): void {
  const moved = prepared(db, `SELECT * FROM time_entries WHERE lead_id = ? AND source_id != ?`).all(
    leadId,
    sourceId,
  ) as TimeRecord[];
  if (moved.length === 0) return;
  for (const t of moved) {
    addTime(batch, t, -1);
    addTime(batch, { ...t, source_id: sourceId }, 1);
  }
  prepared(db, `UPDATE time_entries SET source_id = ? WHERE lead_id = ? AND source_id != ?`).run(
    sourceId,
    leadId,
    sourceId,
  );
}

/** A time entry's rollup deltas: added with sign 1 when written, -1 when replaced or deleted. */
export function addTime(batch: RollupBatch, t: TimeFacts, sign: 1 | -1): void {
  batch.add(
    timeRollup,
    [t.source_id, t.date],
    [1, t.kind === 'sales' ? t.minutes : 0, t.kind === 'delivery' ? t.minutes : 0],
    sign,
  );
}

export type StoredTimer = { startedAt: string; leadId: number | null; sourceId: number; kind: TimeKind; note: string };

const timerKey = 'time.timer';

export function readTimer(db: ReadableDB): StoredTimer | undefined {
  const row = db.prepare(`SELECT value FROM settings WHERE key = ?`).get(timerKey) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as StoredTimer) : undefined;
}

export function writeTimer(db: WritableDB, timer: StoredTimer): void {
  db.prepare(
    `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  ).run(timerKey, JSON.stringify(timer));
}

export function clearTimer(db: WritableDB): boolean {
  return db.prepare(`DELETE FROM settings WHERE key = ?`).run(timerKey).changes > 0;
}
