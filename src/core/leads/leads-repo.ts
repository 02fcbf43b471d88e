import type { ReadableDB, WritableDB } from '../db/handles';
import type { Lead, LeadFilter, LeadRow, LeadSortField, StageChange } from '../../shared/api/schemas/leads';
import { type Stage, stages } from '../../shared/domain/stages';
import { prepared } from '../db/statements';
import { daysBetween } from '../../shared/dates';
import { argsPusher } from '../db/columns';
import { RollupBatch } from '../rollups/rollup-batch';
import { leadRollup, stageRollup, winRollup } from '../rollups/specs';
import { dataStamp } from '../db/data-stamp';
import { escapeLike, searchClause, searchMatches } from './search-matches';
import { moveLeadTime } from '../time/time-repo';
import { leadColumns, type LeadFacts, type LeadRecord, leadWriteColumns, type LeadWrite } from './lead-columns';

export type { LeadFacts, LeadRecord, LeadWrite };

// The row the lists show: every column but the notes (read by getLead only) and the import's id.
const selectColumns = `${Object.keys(leadColumns)
  .filter((c) => c !== 'notes' && c !== 'import_id')
  .map((c) => `l.${c}`)
  .join(', ')}, s.name AS source_name, s.color AS source_color,
  (SELECT MAX(a.at) FROM activity a WHERE a.lead_id = l.id) AS last_activity_at,
  (SELECT MAX(c.changed_at) FROM stage_changes c WHERE c.lead_id = l.id AND c.from_stage IS NOT NULL) AS last_moved_at`;

type JoinedRow = LeadRecord & {
  source_name: string;
  source_color: string;
  last_activity_at: string | null;
  last_moved_at: string | null;
};

function splitTags(tags: string): string[] {
  return tags === '' ? [] : tags.split(';');
}

export function joinTags(tags: readonly string[]): string {
  return [...new Set(tags.map((t) => t.trim()).filter(Boolean))].join(';');
}

function toRow(r: JoinedRow): LeadRow {
  return {
    id: r.id,
    ref: r.ref,
    sourceId: r.source_id,
    sourceName: r.source_name,
    sourceColor: r.source_color,
    title: r.title,
    client: r.client,
    url: r.url,
    stage: r.stage as Stage,
    createdOn: r.created_on,
    appliedOn: r.applied_on,
    closedOn: r.closed_on,
    connects: r.connects,
    boostConnects: r.boost_connects,
    connectsRefunded: r.connects_refunded,
    valueMinor: r.value_minor,
    currency: r.currency,
    feePercent: r.fee_percent_bp === null ? null : r.fee_percent_bp / 100,
    lostReason: r.lost_reason,
    tags: splitTags(r.tags),
    followUpOn: r.follow_up_on,
    invited: r.invited === 1,
    minutesAfterPost: r.minutes_after_post,
    proposalsWhenBid: r.proposals_when_bid as LeadRow['proposalsWhenBid'],
    viewedOn: r.viewed_on,
    boostOutcome: r.boost_outcome as LeadRow['boostOutcome'],
    position: r.position,
    updatedAt: r.updated_at,
    lastActivityAt: r.last_activity_at,
    lastMovedAt: r.last_moved_at,
  };
}

const sortColumns: Record<LeadSortField, string> = {
  title: 'l.title COLLATE NOCASE',
  client: 'l.client COLLATE NOCASE',
  source: 's.name COLLATE NOCASE',
  stage: `CASE l.stage WHEN 'new' THEN 0 WHEN 'applied' THEN 1 WHEN 'replied' THEN 2 WHEN 'interview' THEN 3 WHEN 'won' THEN 4 ELSE 5 END`,
  createdOn: 'l.created_on',
  appliedOn: 'l.applied_on',
  followUpOn: 'l.follow_up_on',
  value: 'l.value_minor',
  connects: '(l.connects + l.boost_connects)',
  updatedAt: 'l.updated_at',
};

/** `byIds: false` filters a search with LIKE even when its matching ids are remembered. */
function whereClause(db: ReadableDB, filter: LeadFilter, byIds = true): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const search = filter.search?.trim();
  if (search) {
    // The ids of the matching leads when they are few enough to remember (see searchMatches).
    const matches = byIds ? searchMatches(db, search) : undefined;
    if (matches !== undefined) {
      parts.push('l.id IN (SELECT value FROM json_each(?))');
      params.push(matches.ids);
    } else {
      const clause = searchClause(search);
      parts.push(clause.sql);
      params.push(...clause.params);
    }
  }
  if (filter.sourceIds?.length) {
    parts.push(`l.source_id IN (${filter.sourceIds.map(() => '?').join(',')})`);
    params.push(...filter.sourceIds);
  }
  if (filter.stages?.length) {
    parts.push(`l.stage IN (${filter.stages.map(() => '?').join(',')})`);
    params.push(...filter.stages);
  }
  if (filter.tag) {
    parts.push(`(';' || l.tags || ';') LIKE ? ESCAPE '\\'`);
    params.push(`%;${escapeLike(filter.tag)};%`);
  }
  if (filter.createdFrom) {
    parts.push('l.created_on >= ?');
    params.push(filter.createdFrom);
  }
  if (filter.createdTo) {
    parts.push('l.created_on <= ?');
    params.push(filter.createdTo);
  }
  if (filter.importId) {
    parts.push('l.import_id = ?');
    params.push(filter.importId);
  }
  if (filter.staleBefore) {
    // Imports and sample data stamp updated_at and the "Added as" stage change with the load time, so
    // what counts is the lead's own dates, logged activity and real moves (docs/domain.md §0, Stale).
    const day = filter.staleBefore.slice(0, 10);
    parts.push(`(l.stage NOT IN ('won', 'lost') AND l.created_on < ? AND (l.applied_on IS NULL OR l.applied_on < ?)
      AND NOT EXISTS (SELECT 1 FROM activity a WHERE a.lead_id = l.id AND a.at >= ?)
      AND NOT EXISTS (SELECT 1 FROM stage_changes c WHERE c.lead_id = l.id AND c.from_stage IS NOT NULL AND c.changed_at >= ?))`);
    params.push(day, day, filter.staleBefore, filter.staleBefore);
  }
  if (filter.closedFrom) {
    parts.push(`(l.stage NOT IN ('won', 'lost') OR l.closed_on >= ?)`);
    params.push(filter.closedFrom);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

type CountCache = { stamp: string; counts: Map<string, number> };
const countCaches = new WeakMap<ReadableDB, CountCache>();
const countCacheSize = 16;

/**
 * COUNT(*) of a filter, remembered until the data changes. A text search counts by scanning every
 * row (docs/performance.md), and the same count was asked again and again: by the table and the
 * search list for one keystroke, and by every page fetched while scrolling a filtered table.
 * The stamp changes with any write: `data_version` for other connections' commits, `total_changes()`
 * for this connection's own.
 */
function countMatching(db: ReadableDB, sql: string, params: unknown[]): number {
  const stamp = dataStamp(db);
  let cache = countCaches.get(db);
  if (!cache || cache.stamp !== stamp) {
    cache = { stamp, counts: new Map() };
    countCaches.set(db, cache);
  }
  const key = `${sql}\u0000${JSON.stringify(params)}`;
  const known = cache.counts.get(key);
  if (known !== undefined) return known;
  const n = (db.prepare(sql).get(...params) as { n: number }).n;
  if (cache.counts.size >= countCacheSize) cache.counts.delete(cache.counts.keys().next().value!);
  cache.counts.set(key, n);
  return n;
}

export function listLeads(
  db: ReadableDB,
  filter: LeadFilter,
  sort: { field: LeadSortField; dir: 'asc' | 'desc' } | undefined,
  offset: number,
  limit: number,
): { total: number; rows: LeadRow[] } {
  const countWhere = whereClause(db, filter);
  // Filters only touch leads columns, so the count skips the join. A search alone is counted already
  // when its matches are remembered.
  const search = filter.search?.trim();
  const matches =
    search && whereClause(db, { ...filter, search: undefined }).sql === '' ? searchMatches(db, search) : undefined;
  const total =
    matches?.count ?? countMatching(db, `SELECT COUNT(*) AS n FROM leads l ${countWhere.sql}`, countWhere.params);
  // A page near the top of a search with many matches, by date or value: walking that index with LIKE
  // stops after a page of matches, sooner than looking up every remembered id and sorting them. The walk
  // tests about (offset + limit) × rows / matches rows, so deeper pages, and the title order (whose index
  // visits the rows at random), read the remembered ids (docs/performance.md).
  const walkOrder = !sort || sort.field === 'createdOn' || sort.field === 'value';
  const where =
    search && total >= 2000 && walkOrder && (offset + limit) * 8 <= total ? whereClause(db, filter, false) : countWhere;
  const from = `FROM leads l JOIN sources s ON s.id = l.source_id ${where.sql}`;
  // With a text or tag filter that matches few rows, walking the created_on index would visit every
  // row at random before finding a page; then a table scan with a top-N sort is faster (unary + keeps
  // SQLite off the index). With many matches the index walk stops early and wins.
  const scan = (filter.search?.trim() || filter.tag) && total < 2000 ? '+' : '';
  const order = sort
    ? `${sortColumns[sort.field]} ${sort.dir === 'asc' ? 'ASC' : 'DESC'}, l.id ${sort.dir === 'asc' ? 'ASC' : 'DESC'}`
    : `${scan}l.created_on DESC, l.id DESC`;
  // The page's ids first, walking only the index (plus the join when sorting by channel name), then
  // the full rows of those ids: deep pages no longer read and join every skipped row (docs/performance.md).
  const pageFrom = sort?.field === 'source' ? from : `FROM leads l ${where.sql}`;
  const rows = db
    .prepare(
      `SELECT ${selectColumns} FROM leads l JOIN sources s ON s.id = l.source_id
       WHERE l.id IN (SELECT l.id ${pageFrom} ORDER BY ${order} LIMIT ? OFFSET ?) ORDER BY ${order}`,
    )
    .all(...where.params, limit, offset) as JoinedRow[];
  return { total, rows: rows.map(toRow) };
}

/** Columns bigger than this skip the value sums: a sum reads every row of the column, a count only the index. */
const boardValueLimit = 20_000;

type ColumnTotals = { total: number; values: { currency: string; minor: number }[] | null };
type TotalsRow = { stage: Stage; currency: string; n: number; valued: number; minor: number | null };

/** Filters the stage rollup can answer: a channel, the stages, Won and Lost closed since a day. */
const rollupAnswers = (f: LeadFilter) =>
  !f.search?.trim() && !f.tag && !f.createdFrom && !f.createdTo && !f.importId && !f.staleBefore;

/**
 * Count and value sums (per currency: amounts in different currencies are never added) of every
 * column. Without a text, tag, date, import or staleness filter they come from lead_stage_rollup
 * (a few hundred rows whatever the number of leads, every column summed). A text filter reads the
 * rows anyway, so then one grouped pass does all columns at once; the other filters count from the
 * (stage, position) index and sum only columns up to `boardValueLimit`. Lost gets no sum: nobody adds
 * up lost work.
 */
export function boardTotals(db: ReadableDB, filter: LeadFilter): Map<Stage, ColumnTotals> {
  const totals = new Map<Stage, ColumnTotals>();
  const addRows = (rows: TotalsRow[]) => {
    for (const r of rows) {
      const column = totals.get(r.stage) ?? { total: 0, values: r.stage === 'lost' ? null : [] };
      column.total += r.n;
      if (column.values && r.valued > 0 && r.minor !== null)
        column.values.push({ currency: r.currency, minor: r.minor });
      totals.set(r.stage, column);
    }
  };
  if (rollupAnswers(filter)) {
    // The rollup has the filter's columns (source_id, stage, closed_on: '' while open, which no day
    // passes, as NULL in leads), so the leads' own WHERE clause reads it as it is.
    const where = whereClause(db, filter);
    addRows(
      db
        .prepare(
          `SELECT stage, currency, SUM(leads) AS n, SUM(valued) AS valued, SUM(value_minor) AS minor FROM lead_stage_rollup l
           ${where.sql} GROUP BY stage, currency HAVING SUM(leads) > 0`,
        )
        .all(...where.params) as TotalsRow[],
    );
  } else if (filter.search?.trim() || filter.tag) {
    const where = whereClause(db, { ...filter, stages: undefined });
    addRows(
      db
        .prepare(
          `SELECT l.stage AS stage, l.currency AS currency, COUNT(*) AS n, COUNT(l.value_minor) AS valued, SUM(l.value_minor) AS minor
           FROM leads l ${where.sql} GROUP BY l.stage, l.currency`,
        )
        .all(...where.params) as TotalsRow[],
    );
  } else {
    for (const stage of filter.stages?.length ? filter.stages : stages) {
      const where = whereClause(db, { ...filter, stages: [stage] });
      const total = (db.prepare(`SELECT COUNT(*) AS n FROM leads l ${where.sql}`).get(...where.params) as { n: number })
        .n;
      const values =
        stage === 'lost' || total > boardValueLimit
          ? null
          : (db
              .prepare(
                `SELECT l.currency AS currency, SUM(l.value_minor) AS minor FROM leads l ${where.sql} AND l.value_minor IS NOT NULL GROUP BY l.currency`,
              )
              .all(...where.params) as { currency: string; minor: number }[]);
      totals.set(stage, { total, values });
    }
  }
  for (const column of totals.values()) column.values?.sort((a, b) => b.minor - a.minor);
  return totals;
}

/** The first `limit` cards of a column, in board order. */
export function boardCards(db: ReadableDB, filter: LeadFilter, stage: Stage, limit: number): LeadRow[] {
  const where = whereClause(db, { ...filter, stages: [stage] });
  const rows = db
    .prepare(
      `SELECT ${selectColumns} FROM leads l JOIN sources s ON s.id = l.source_id ${where.sql} ORDER BY l.position, l.id LIMIT ?`,
    )
    .all(...where.params, limit) as JoinedRow[];
  return rows.map(toRow);
}

export function getLeadRecord(db: ReadableDB, id: number): LeadRecord | undefined {
  return db.prepare(`SELECT * FROM leads WHERE id = ?`).get(id) as LeadRecord | undefined;
}

export function getLeadByRef(db: ReadableDB, ref: string): LeadRecord | undefined {
  return db.prepare(`SELECT * FROM leads WHERE ref = ?`).get(ref) as LeadRecord | undefined;
}

export function getLead(db: ReadableDB, id: number): Lead | undefined {
  const row = db
    .prepare(`SELECT ${selectColumns}, l.notes FROM leads l JOIN sources s ON s.id = l.source_id WHERE l.id = ?`)
    .get(id) as (JoinedRow & { notes: string }) | undefined;
  return row ? { ...toRow(row), notes: row.notes } : undefined;
}

export function stageHistory(db: ReadableDB, leadId: number): StageChange[] {
  const rows = db
    .prepare(`SELECT from_stage, to_stage, changed_at FROM stage_changes WHERE lead_id = ? ORDER BY changed_at, id`)
    .all(leadId) as { from_stage: Stage | null; to_stage: Stage; changed_at: string }[];
  return rows.map((r) => ({ fromStage: r.from_stage, toStage: r.to_stage, changedAt: r.changed_at }));
}

// Positional parameters: better-sqlite3 binds them about twice as fast as named ones (@col looks
// every name up on the object), which is most of the cost of a million-row import. pushLeadArgs puts
// a lead's values in leadWriteColumns' order; the client's id follows.
const pushLeadArgs = argsPusher<LeadWrite>(leadWriteColumns);
const rowParams = `(${leadWriteColumns.map(() => '?').join(', ')}, ?)`;
const insertSql = `INSERT INTO leads (${leadWriteColumns.join(', ')}, client_id) VALUES ${rowParams}`;
const updateSql = `UPDATE leads SET ${leadWriteColumns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`;

/**
 * Inserts a lead and its rollup delta; the caller owns the transaction and the batch flush.
 * `clientId`: its client when the caller knows it already (an import links by name as it goes).
 */
export function insertLead(
  db: WritableDB,
  lead: LeadWrite,
  batch: RollupBatch,
  clientId: number | null = null,
): number {
  const args: unknown[] = [];
  pushLeadArgs(args, lead);
  args.push(clientId);
  const id = Number(prepared(db, insertSql).run(args).lastInsertRowid);
  addLead(batch, lead, 1);
  return id;
}
const insertManyText = new Map<number, string>();
/** The statement's text for n rows, kept: the same string object lets the statement cache skip hashing 3 kB a call. */
const insertManySql = (n: number) => {
  let sql = insertManyText.get(n);
  if (sql === undefined) insertManyText.set(n, (sql = insertManyFor(n)));
  return sql;
};
const insertManyFor = (n: number) =>
  `INSERT INTO leads (${leadWriteColumns.join(', ')}, client_id) VALUES ${Array.from({ length: n }, () => rowParams).join(', ')}
   ON CONFLICT (ref) DO NOTHING`;

export type LeadToInsert = { lead: LeadWrite; clientId: number | null };

/**
 * Inserts many leads in one statement (a million-row import spends less in binding and stepping),
 * skipping any whose ref is taken, which a statement can do without undoing part of itself (the
 * copy built aside has no journal to undo with). Returns the indexes of the skipped rows and the
 * id of the first inserted; the ids of the inserted ones follow in order.
 */
export function insertLeadsSkippingTaken(
  db: WritableDB,
  rows: readonly LeadToInsert[],
  batch: RollupBatch,
): { skipped: number[]; firstId: number } {
  const args: unknown[] = [];
  for (const { lead, clientId } of rows) {
    pushLeadArgs(args, lead);
    args.push(clientId);
  }
  const { changes, lastInsertRowid } = prepared(db, insertManySql(rows.length)).run(args);
  const skipped: number[] = [];
  if (changes < rows.length) {
    // Ours are the `changes` newest ids (the caller holds the write lock); walk both lists in order.
    const refs = (prepared(db, `SELECT ref FROM leads ORDER BY id DESC LIMIT ?`).all(changes) as { ref: string }[])
      .map((r) => r.ref)
      .reverse();
    let j = 0;
    rows.forEach((row, i) => {
      if (j < refs.length && refs[j] === row.lead.ref) j++;
      else skipped.push(i);
    });
  }
  rows.forEach((row, i) => {
    if (!skipped.includes(i)) addLead(batch, row.lead, 1);
  });
  return { skipped, firstId: Number(lastInsertRowid) - changes + 1 };
}

export function updateLeadRecord(db: WritableDB, before: LeadRecord, after: LeadWrite, batch: RollupBatch): void {
  db.prepare(updateSql).run({
    ...after,
    id: before.id,
  });
  addLead(batch, before, -1);
  addLead(batch, after, 1);
  if (after.source_id !== before.source_id) moveLeadTime(db, before.id, after.source_id, batch);
}

export function deleteLeadRecord(db: WritableDB, before: LeadRecord, batch: RollupBatch): void {
  db.prepare(`DELETE FROM leads WHERE id = ?`).run(before.id);
  addLead(batch, before, -1);
}

export function recordStageChange(db: WritableDB, leadId: number, from: Stage | null, to: Stage, at: string): void {
  prepared(db, `INSERT INTO stage_changes (lead_id, from_stage, to_stage, changed_at) VALUES (?, ?, ?, ?)`).run(
    leadId,
    from,
    to,
    at,
  );
}

/** Re-dates a lead's latest stage change to `to` (`null`: its "Added as" entry), when a typed day it follows is edited. */
export function restampStageChange(db: WritableDB, leadId: number, to: Stage | null, at: string): void {
  const match = to === null ? 'from_stage IS NULL' : 'from_stage IS NOT NULL AND to_stage = ?';
  prepared(
    db,
    `UPDATE stage_changes SET changed_at = ? WHERE id = (SELECT id FROM stage_changes WHERE lead_id = ? AND ${match} ORDER BY changed_at DESC, id DESC LIMIT 1)`,
  ).run(at, leadId, ...(to === null ? [] : [to]));
}

/**
 * The first stage change (null -> current stage) of every lead with `afterId < id <= lastId`, in
 * one statement: bulk imports insert leads first and record their creation here, in id order.
 */
export function recordCreatedStages(db: WritableDB, afterId: number, lastId: number, at: string): void {
  prepared(
    db,
    `INSERT INTO stage_changes (lead_id, from_stage, to_stage, changed_at) SELECT id, NULL, stage, ? FROM leads WHERE id > ? AND id <= ? ORDER BY id`,
  ).run(at, afterId, lastId);
}

export function endPosition(db: ReadableDB, stage: Stage): number {
  const row = db.prepare(`SELECT MAX(position) AS p FROM leads WHERE stage = ?`).get(stage) as { p: number | null };
  return (row.p ?? 0) + 1;
}

/** A position just before `beforeId` in its column (between it and its predecessor). */
export function positionBefore(db: ReadableDB, stage: Stage, beforeId: number): number | undefined {
  const target = db.prepare(`SELECT position FROM leads WHERE id = ? AND stage = ?`).get(beforeId, stage) as
    { position: number } | undefined;
  if (!target) return undefined;
  const prev = db
    .prepare(`SELECT MAX(position) AS p FROM leads WHERE stage = ? AND position < ?`)
    .get(stage, target.position) as { p: number | null };
  return prev.p === null ? target.position - 1 : (prev.p + target.position) / 2;
}

export function followUps(db: ReadableDB, today: string, limit = 500): LeadRow[] {
  const rows = db
    .prepare(
      `SELECT ${selectColumns} FROM leads l JOIN sources s ON s.id = l.source_id
       WHERE l.follow_up_on IS NOT NULL AND l.follow_up_on <= ? AND l.stage NOT IN ('won', 'lost')
       ORDER BY l.follow_up_on, l.id LIMIT ?`,
    )
    .all(today, limit) as JoinedRow[];
  return rows.map(toRow);
}

/** Every open lead with a follow-up date, soonest first (the Follow-ups page sorts them into sections). */
export function followUpAgenda(db: ReadableDB, limit = 2000): LeadRow[] {
  const rows = db
    .prepare(
      `SELECT ${selectColumns} FROM leads l JOIN sources s ON s.id = l.source_id
       WHERE l.follow_up_on IS NOT NULL AND l.stage NOT IN ('won', 'lost')
       ORDER BY l.follow_up_on, l.id LIMIT ?`,
    )
    .all(limit) as JoinedRow[];
  return rows.map(toRow);
}

/** How many leads there are, from the month rollup (~30x fewer rows than leads). */
export function countAllLeads(db: ReadableDB): number {
  return (db.prepare(`SELECT COALESCE(SUM(leads), 0) AS n FROM lead_rollup_month`).get() as { n: number }).n;
}

export function allTags(db: ReadableDB): string[] {
  const rows = db.prepare(`SELECT DISTINCT tags FROM leads WHERE tags <> ''`).all() as { tags: string }[];
  const tags = new Set<string>();
  for (const r of rows) for (const t of splitTags(r.tags)) tags.add(t);
  return [...tags].sort((a, b) => a.localeCompare(b));
}

/** A lead's rollup deltas (docs/domain.md §4): added with sign 1 when written, -1 when replaced or deleted. */
export function addLead(batch: RollupBatch, lead: LeadFacts, sign: 1 | -1): void {
  const won = lead.stage === 'won';
  const values = [
    1,
    lead.applied_on ? 1 : 0,
    lead.furthest_rank >= 2 ? 1 : 0,
    lead.furthest_rank >= 3 ? 1 : 0,
    won ? 1 : 0,
    lead.connects + (lead.boost_outcome === 'outbid' ? 0 : lead.boost_connects),
    lead.connects_refunded,
    won ? (lead.value_minor ?? 0) : 0,
  ];
  batch.add(leadRollup, [lead.source_id, lead.created_on, lead.currency], values, sign);
  if (won && lead.closed_on) {
    const days = daysBetween(lead.applied_on ?? lead.created_on, lead.closed_on);
    batch.add(winRollup, [lead.source_id, lead.created_on, days], [1], sign);
  }
  const value = lead.value_minor;
  batch.add(
    stageRollup,
    [lead.stage, lead.source_id, lead.closed_on ?? '', lead.currency],
    [1, value === null ? 0 : 1, value ?? 0],
    sign,
  );
}

export { RollupBatch };
