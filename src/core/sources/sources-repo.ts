import type { ReadableDB, WritableDB } from '../db/handles';
import { fieldError } from '../../shared/api/result';
import type { Source } from '../../shared/api/schemas/sources';
import { prepared } from '../db/statements';

export type SourceRecord = {
  id: number;
  name: string;
  color: string;
  archived: number;
  credit_name: string | null;
  free_credits_monthly: number;
  sort_order: number;
  created_at: string;
};

export function getSourceRecord(db: ReadableDB, id: number): SourceRecord | undefined {
  return db.prepare(`SELECT * FROM sources WHERE id = ?`).get(id) as SourceRecord | undefined;
}

export function findSourceByName(db: ReadableDB, name: string): SourceRecord | undefined {
  return db.prepare(`SELECT * FROM sources WHERE name = ? COLLATE NOCASE`).get(name.trim()) as SourceRecord | undefined;
}

export function requireSource(db: ReadableDB, id: number, field = 'sourceId'): SourceRecord {
  const source = getSourceRecord(db, id);
  if (!source) throw fieldError(field, `Unknown channel (id ${id})`);
  return source;
}

export function requireActiveSource(db: ReadableDB, id: number, field = 'sourceId'): SourceRecord {
  const source = requireSource(db, id, field);
  if (source.archived) throw fieldError(field, `${source.name} is archived; restore it first`);
  return source;
}

/** Sources with their cost rules in force on `day` and their lead counts. */
export function listSources(db: ReadableDB, day: string, includeArchived: boolean): Source[] {
  const rows = db
    .prepare(
      `SELECT s.*,
        (SELECT unit_price_minor FROM credit_prices p WHERE p.source_id = s.id AND p.effective_from <= @day ORDER BY effective_from DESC LIMIT 1) AS price,
        (SELECT currency FROM credit_prices p WHERE p.source_id = s.id AND p.effective_from <= @day ORDER BY effective_from DESC LIMIT 1) AS price_currency,
        (SELECT percent_bp FROM commission_rules c WHERE c.source_id = s.id AND c.effective_from <= @day ORDER BY effective_from DESC LIMIT 1) AS percent_bp,
        (SELECT min_fee_minor FROM commission_rules c WHERE c.source_id = s.id AND c.effective_from <= @day ORDER BY effective_from DESC LIMIT 1) AS min_fee,
        (SELECT COALESCE(SUM(leads), 0) FROM lead_rollup_month r WHERE r.source_id = s.id) AS lead_count
       FROM sources s ${includeArchived ? '' : 'WHERE s.archived = 0'}
       ORDER BY s.archived, s.sort_order, s.name`,
    )
    .all({ day }) as (SourceRecord & {
    price: number | null;
    price_currency: string | null;
    percent_bp: number | null;
    min_fee: number | null;
    lead_count: number;
  })[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    color: r.color,
    archived: r.archived === 1,
    creditName: r.credit_name,
    freeCreditsMonthly: r.free_credits_monthly,
    creditPriceMinor: r.credit_name ? r.price : null,
    creditCurrency: r.credit_name ? r.price_currency : null,
    commissionPercent: r.percent_bp === null ? null : r.percent_bp / 100,
    commissionMinFeeMinor: r.min_fee,
    leadCount: r.lead_count,
  }));
}

type CreditFacts = Pick<SourceRecord, 'id' | 'name' | 'credit_name' | 'free_credits_monthly'>;

/** Every channel (or one) with its credit facts, in the order of the Channels page. */
export function listSourceCredits(db: ReadableDB, sourceId?: number): CreditFacts[] {
  return db
    .prepare(
      `SELECT id, name, credit_name, free_credits_monthly FROM sources ${sourceId ? 'WHERE id = ?' : ''} ORDER BY archived, sort_order, name`,
    )
    .all(...(sourceId ? [sourceId] : [])) as CreditFacts[];
}

export function activeSourceNames(db: ReadableDB): Pick<SourceRecord, 'id' | 'name'>[] {
  return db.prepare(`SELECT id, name FROM sources WHERE archived = 0`).all() as Pick<SourceRecord, 'id' | 'name'>[];
}

/** Every channel, archived too, in report order. */
export function reportSources(db: ReadableDB): Pick<SourceRecord, 'id' | 'name' | 'color'>[] {
  return prepared(db, `SELECT id, name, color FROM sources ORDER BY sort_order, name`).all() as Pick<
    SourceRecord,
    'id' | 'name' | 'color'
  >[];
}

export function countSources(db: ReadableDB): number {
  return (db.prepare(`SELECT COUNT(*) AS n FROM sources`).get() as { n: number }).n;
}

export function insertSource(db: WritableDB, row: Omit<SourceRecord, 'id' | 'archived'>): number {
  const result = db
    .prepare(
      `INSERT INTO sources (name, color, credit_name, free_credits_monthly, sort_order, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(row.name, row.color, row.credit_name, row.free_credits_monthly, row.sort_order, row.created_at);
  return Number(result.lastInsertRowid);
}

export function updateSourceRecord(
  db: WritableDB,
  row: Pick<SourceRecord, 'id' | 'name' | 'color' | 'archived' | 'credit_name' | 'free_credits_monthly'>,
): void {
  db.prepare(
    `UPDATE sources SET name = ?, color = ?, archived = ?, credit_name = ?, free_credits_monthly = ? WHERE id = ?`,
  ).run(row.name, row.color, row.archived, row.credit_name, row.free_credits_monthly, row.id);
}
