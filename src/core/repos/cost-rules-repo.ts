import type { Database } from 'better-sqlite3';
import type { CommissionRule } from '../../shared/domain/fees';
import { prepared } from '../db/statements';

/** The commission rule in force for a channel on a day (latest effective_from <= day). */
export function commissionRuleOn(db: Database, sourceId: number, day: string): CommissionRule | undefined {
  const row = prepared(
    db,
    `SELECT percent_bp, min_fee_minor, currency FROM commission_rules
     WHERE source_id = ? AND effective_from <= ? ORDER BY effective_from DESC LIMIT 1`,
  ).get(sourceId, day) as { percent_bp: number; min_fee_minor: number | null; currency: string } | undefined;
  return row ? { percentBp: row.percent_bp, minFeeMinor: row.min_fee_minor, currency: row.currency } : undefined;
}

/** The credit (connects) price in force for a channel on a day. */
export function creditPriceOn(db: Database, sourceId: number, day: string): { unitPriceMinor: number; currency: string } | undefined {
  const row = prepared(
    db,
    `SELECT unit_price_minor, currency FROM credit_prices
     WHERE source_id = ? AND effective_from <= ? ORDER BY effective_from DESC LIMIT 1`,
  ).get(sourceId, day) as { unit_price_minor: number; currency: string } | undefined;
  return row ? { unitPriceMinor: row.unit_price_minor, currency: row.currency } : undefined;
}
