import type { ReadableDB, WritableDB } from '../db/handles';
import type { CommissionRule } from '../../shared/domain/fees';
import { prepared } from '../db/statements';

/** The commission rule in force for a channel on a day (latest effective_from <= day). */
export function commissionRuleOn(db: ReadableDB, sourceId: number, day: string): CommissionRule | undefined {
  const row = prepared(
    db,
    `SELECT percent_bp, min_fee_minor, currency FROM commission_rules
     WHERE source_id = ? AND effective_from <= ? ORDER BY effective_from DESC LIMIT 1`,
  ).get(sourceId, day) as { percent_bp: number; min_fee_minor: number | null; currency: string } | undefined;
  return row ? { percentBp: row.percent_bp, minFeeMinor: row.min_fee_minor, currency: row.currency } : undefined;
}

/** The credit (connects) price in force for a channel on a day. */
export function creditPriceOn(
  db: ReadableDB,
  sourceId: number,
  day: string,
): { unitPriceMinor: number; currency: string } | undefined {
  const row = prepared(
    db,
    `SELECT unit_price_minor, currency FROM credit_prices
     WHERE source_id = ? AND effective_from <= ? ORDER BY effective_from DESC LIMIT 1`,
  ).get(sourceId, day) as { unit_price_minor: number; currency: string } | undefined;
  return row ? { unitPriceMinor: row.unit_price_minor, currency: row.currency } : undefined;
}

export type CreditPriceRecord = {
  id: number;
  source_id: number;
  effective_from: string;
  unit_price_minor: number;
  currency: string;
};
export type CommissionRuleRecord = {
  id: number;
  source_id: number;
  effective_from: string;
  percent_bp: number;
  min_fee_minor: number | null;
  currency: string;
};
/** The two dated cost tables: one row per channel and effective day. */
export type DatedCostTable = 'credit_prices' | 'commission_rules';

/** Every credit price, newest first. */
export function listCreditPrices(db: ReadableDB): CreditPriceRecord[] {
  return db.prepare(`SELECT * FROM credit_prices ORDER BY effective_from DESC`).all() as CreditPriceRecord[];
}

/** Every commission rule, newest first. */
export function listCommissionRules(db: ReadableDB): CommissionRuleRecord[] {
  return db.prepare(`SELECT * FROM commission_rules ORDER BY effective_from DESC`).all() as CommissionRuleRecord[];
}

export function getCreditPrice(db: ReadableDB, id: number | bigint): CreditPriceRecord | undefined {
  return db.prepare(`SELECT * FROM credit_prices WHERE id = ?`).get(id) as CreditPriceRecord | undefined;
}

export function getCommissionRule(db: ReadableDB, id: number | bigint): CommissionRuleRecord | undefined {
  return db.prepare(`SELECT * FROM commission_rules WHERE id = ?`).get(id) as CommissionRuleRecord | undefined;
}

export function insertCreditPrice(db: WritableDB, row: Omit<CreditPriceRecord, 'id'>): number {
  const { lastInsertRowid } = db
    .prepare(`INSERT INTO credit_prices (source_id, effective_from, unit_price_minor, currency) VALUES (?, ?, ?, ?)`)
    .run(row.source_id, row.effective_from, row.unit_price_minor, row.currency);
  return Number(lastInsertRowid);
}

export function updateCreditPriceRecord(db: WritableDB, row: CreditPriceRecord): void {
  db.prepare(
    `UPDATE credit_prices SET source_id = ?, effective_from = ?, unit_price_minor = ?, currency = ? WHERE id = ?`,
  ).run(row.source_id, row.effective_from, row.unit_price_minor, row.currency, row.id);
}

export function insertCommissionRule(db: WritableDB, row: Omit<CommissionRuleRecord, 'id'>): number {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO commission_rules (source_id, effective_from, percent_bp, min_fee_minor, currency) VALUES (?, ?, ?, ?, ?)`,
    )
    .run(row.source_id, row.effective_from, row.percent_bp, row.min_fee_minor, row.currency);
  return Number(lastInsertRowid);
}

export function updateCommissionRuleRecord(db: WritableDB, row: CommissionRuleRecord): void {
  db.prepare(
    `UPDATE commission_rules SET source_id = ?, effective_from = ?, percent_bp = ?, min_fee_minor = ?, currency = ? WHERE id = ?`,
  ).run(row.source_id, row.effective_from, row.percent_bp, row.min_fee_minor, row.currency, row.id);
}

/** Whether another row of `table` (not `exceptId`) takes effect for the channel on that day. */
export function datedCostExists(
  db: ReadableDB,
  table: DatedCostTable,
  sourceId: number,
  day: string,
  exceptId: number,
): boolean {
  return (
    db
      .prepare(`SELECT id FROM ${table} WHERE source_id = ? AND effective_from = ? AND id != ?`)
      .get(sourceId, day, exceptId) !== undefined
  );
}

/** Deletes one row of `table`; false when there was none. */
export function deleteDatedCost(db: WritableDB, table: DatedCostTable, id: number): boolean {
  return db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id).changes > 0;
}
