import type { z } from 'zod';
import { AppError, fieldError } from '../../shared/api/result';
import type { CommissionRuleCreate, CommissionRuleRow, CommissionRuleUpdate, CreditPrice, CreditPriceCreate, CreditPriceUpdate, SourceCosts } from '../../shared/api/schemas/costs';
import type { Ctx } from '../context';
import { requireSource } from '../repos/sources-repo';
import { baseCurrency } from '../repos/settings-repo';
import { minorOf, percentToBp } from './money-input';

type PriceRow = { id: number; source_id: number; effective_from: string; unit_price_minor: number; currency: string };
type RuleRow = { id: number; source_id: number; effective_from: string; percent_bp: number; min_fee_minor: number | null; currency: string };

const toPrice = (r: PriceRow): CreditPrice => ({ id: r.id, sourceId: r.source_id, effectiveFrom: r.effective_from, unitPriceMinor: r.unit_price_minor, currency: r.currency });
const toRule = (r: RuleRow): CommissionRuleRow => ({
  id: r.id, sourceId: r.source_id, effectiveFrom: r.effective_from, percent: r.percent_bp / 100, minFeeMinor: r.min_fee_minor, currency: r.currency,
});

/** Every channel with its dated credit prices and commission rules, newest first. */
export function listCosts(ctx: Ctx, sourceId?: number): SourceCosts[] {
  const { db } = ctx;
  const sources = db
    .prepare(`SELECT id, name, credit_name, free_credits_monthly FROM sources ${sourceId ? 'WHERE id = ?' : ''} ORDER BY archived, sort_order, name`)
    .all(...(sourceId ? [sourceId] : [])) as { id: number; name: string; credit_name: string | null; free_credits_monthly: number }[];
  const prices = db.prepare(`SELECT * FROM credit_prices ORDER BY effective_from DESC`).all() as PriceRow[];
  const rules = db.prepare(`SELECT * FROM commission_rules ORDER BY effective_from DESC`).all() as RuleRow[];
  return sources.map((s) => ({
    sourceId: s.id,
    sourceName: s.name,
    creditName: s.credit_name,
    freeCreditsMonthly: s.free_credits_monthly,
    creditPrices: prices.filter((p) => p.source_id === s.id).map(toPrice),
    commissionRules: rules.filter((r) => r.source_id === s.id).map(toRule),
  }));
}

function clash(ctx: Ctx, table: 'credit_prices' | 'commission_rules', sourceId: number, day: string, exceptId: number): void {
  const row = ctx.db.prepare(`SELECT id FROM ${table} WHERE source_id = ? AND effective_from = ? AND id != ?`).get(sourceId, day, exceptId);
  if (row) throw fieldError('effectiveFrom', `This channel already has a ${table === 'credit_prices' ? 'price' : 'commission rule'} from ${day}; edit that one`);
}

export function createCreditPrice(ctx: Ctx, input: z.output<typeof CreditPriceCreate>): CreditPrice {
  const { db } = ctx;
  return db.transaction(() => {
    requireSource(db, input.sourceId);
    const currency = input.currency ?? baseCurrency(db);
    const price = minorOf('unitPrice', input.unitPrice, currency);
    clash(ctx, 'credit_prices', input.sourceId, input.effectiveFrom, 0);
    const { lastInsertRowid } = db
      .prepare(`INSERT INTO credit_prices (source_id, effective_from, unit_price_minor, currency) VALUES (?, ?, ?, ?)`)
      .run(input.sourceId, input.effectiveFrom, price, currency);
    return toPrice(db.prepare(`SELECT * FROM credit_prices WHERE id = ?`).get(lastInsertRowid) as PriceRow);
  })();
}

export function updateCreditPrice(ctx: Ctx, input: z.output<typeof CreditPriceUpdate>): CreditPrice {
  const { db } = ctx;
  return db.transaction(() => {
    const before = db.prepare(`SELECT * FROM credit_prices WHERE id = ?`).get(input.id) as PriceRow | undefined;
    if (!before) throw new AppError('not_found', `Credit price ${input.id} does not exist`);
    const sourceId = input.sourceId ?? before.source_id;
    requireSource(db, sourceId);
    const currency = input.currency ?? before.currency;
    const price = input.unitPrice === undefined ? before.unit_price_minor : minorOf('unitPrice', input.unitPrice, currency);
    const from = input.effectiveFrom ?? before.effective_from;
    clash(ctx, 'credit_prices', sourceId, from, before.id);
    db.prepare(`UPDATE credit_prices SET source_id = ?, effective_from = ?, unit_price_minor = ?, currency = ? WHERE id = ?`).run(sourceId, from, price, currency, before.id);
    return toPrice(db.prepare(`SELECT * FROM credit_prices WHERE id = ?`).get(before.id) as PriceRow);
  })();
}

export function deleteCostRow(ctx: Ctx, table: 'credit_prices' | 'commission_rules', id: number): { id: number } {
  const { changes } = ctx.db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id);
  if (changes === 0) throw new AppError('not_found', `${table === 'credit_prices' ? 'Credit price' : 'Commission rule'} ${id} does not exist`);
  return { id };
}

export function createCommissionRule(ctx: Ctx, input: z.output<typeof CommissionRuleCreate>): CommissionRuleRow {
  const { db } = ctx;
  return db.transaction(() => {
    requireSource(db, input.sourceId);
    const currency = input.currency ?? baseCurrency(db);
    const minFee = input.minFee ? minorOf('minFee', input.minFee, currency) : null;
    clash(ctx, 'commission_rules', input.sourceId, input.effectiveFrom, 0);
    const { lastInsertRowid } = db
      .prepare(`INSERT INTO commission_rules (source_id, effective_from, percent_bp, min_fee_minor, currency) VALUES (?, ?, ?, ?, ?)`)
      .run(input.sourceId, input.effectiveFrom, percentToBp(input.percent), minFee, currency);
    return toRule(db.prepare(`SELECT * FROM commission_rules WHERE id = ?`).get(lastInsertRowid) as RuleRow);
  })();
}

export function updateCommissionRule(ctx: Ctx, input: z.output<typeof CommissionRuleUpdate>): CommissionRuleRow {
  const { db } = ctx;
  return db.transaction(() => {
    const before = db.prepare(`SELECT * FROM commission_rules WHERE id = ?`).get(input.id) as RuleRow | undefined;
    if (!before) throw new AppError('not_found', `Commission rule ${input.id} does not exist`);
    const sourceId = input.sourceId ?? before.source_id;
    requireSource(db, sourceId);
    const currency = input.currency ?? before.currency;
    const minFee = input.minFee === undefined ? before.min_fee_minor : input.minFee ? minorOf('minFee', input.minFee, currency) : null;
    const from = input.effectiveFrom ?? before.effective_from;
    const bp = input.percent === undefined ? before.percent_bp : percentToBp(input.percent);
    clash(ctx, 'commission_rules', sourceId, from, before.id);
    db.prepare(`UPDATE commission_rules SET source_id = ?, effective_from = ?, percent_bp = ?, min_fee_minor = ?, currency = ? WHERE id = ?`).run(sourceId, from, bp, minFee, currency, before.id);
    return toRule(db.prepare(`SELECT * FROM commission_rules WHERE id = ?`).get(before.id) as RuleRow);
  })();
}
