import type { z } from 'zod';
import { AppError, fieldError } from '../../shared/api/result';
import type {
  CommissionRuleCreate,
  CommissionRuleRow,
  CommissionRuleUpdate,
  CreditPrice,
  CreditPriceCreate,
  CreditPriceUpdate,
  SourceCosts,
} from '../../shared/api/schemas/costs';
import type { Ctx, ReadCtx } from '../context';
import {
  type CommissionRuleRecord,
  type CreditPriceRecord,
  datedCostExists,
  type DatedCostTable,
  deleteDatedCost,
  getCommissionRule,
  getCreditPrice,
  insertCommissionRule,
  insertCreditPrice,
  listCommissionRules,
  listCreditPrices,
  updateCommissionRuleRecord,
  updateCreditPriceRecord,
} from './cost-rules-repo';
import { listSourceCredits, requireSource } from '../sources/sources-repo';
import { baseCurrency } from '../db/settings-repo';
import { minorOf, percentToBp } from '../money-input';

const toPrice = (r: CreditPriceRecord): CreditPrice => ({
  id: r.id,
  sourceId: r.source_id,
  effectiveFrom: r.effective_from,
  unitPriceMinor: r.unit_price_minor,
  currency: r.currency,
});
const toRule = (r: CommissionRuleRecord): CommissionRuleRow => ({
  id: r.id,
  sourceId: r.source_id,
  effectiveFrom: r.effective_from,
  percent: r.percent_bp / 100,
  minFeeMinor: r.min_fee_minor,
  currency: r.currency,
});

/** Every channel with its dated credit prices and commission rules, newest first. */
export function listCosts(ctx: ReadCtx, sourceId?: number): SourceCosts[] {
  const { db } = ctx;
  const sources = listSourceCredits(db, sourceId);
  const prices = listCreditPrices(db);
  const rules = listCommissionRules(db);
  return sources.map((s) => ({
    sourceId: s.id,
    sourceName: s.name,
    creditName: s.credit_name,
    freeCreditsMonthly: s.free_credits_monthly,
    creditPrices: prices.filter((p) => p.source_id === s.id).map(toPrice),
    commissionRules: rules.filter((r) => r.source_id === s.id).map(toRule),
  }));
}

function clash(ctx: Ctx, table: DatedCostTable, sourceId: number, day: string, exceptId: number): void {
  if (datedCostExists(ctx.db, table, sourceId, day, exceptId)) {
    throw fieldError(
      'effectiveFrom',
      `This channel already has a ${table === 'credit_prices' ? 'price' : 'commission rule'} from ${day}; edit that one`,
    );
  }
}

export function createCreditPrice(ctx: Ctx, input: z.output<typeof CreditPriceCreate>): CreditPrice {
  const { db } = ctx;
  return db.transaction(() => {
    requireSource(db, input.sourceId);
    const currency = input.currency ?? baseCurrency(db);
    const price = minorOf('unitPrice', input.unitPrice, currency);
    clash(ctx, 'credit_prices', input.sourceId, input.effectiveFrom, 0);
    const id = insertCreditPrice(db, {
      source_id: input.sourceId,
      effective_from: input.effectiveFrom,
      unit_price_minor: price,
      currency,
    });
    return toPrice(getCreditPrice(db, id)!);
  })();
}

export function updateCreditPrice(ctx: Ctx, input: z.output<typeof CreditPriceUpdate>): CreditPrice {
  const { db } = ctx;
  return db.transaction(() => {
    const before = getCreditPrice(db, input.id);
    if (!before) throw new AppError('not_found', `Credit price ${input.id} does not exist`);
    const sourceId = input.sourceId ?? before.source_id;
    requireSource(db, sourceId);
    const currency = input.currency ?? before.currency;
    const price =
      input.unitPrice === undefined ? before.unit_price_minor : minorOf('unitPrice', input.unitPrice, currency);
    const from = input.effectiveFrom ?? before.effective_from;
    clash(ctx, 'credit_prices', sourceId, from, before.id);
    updateCreditPriceRecord(db, {
      id: before.id,
      source_id: sourceId,
      effective_from: from,
      unit_price_minor: price,
      currency,
    });
    return toPrice(getCreditPrice(db, before.id)!);
  })();
}

export function deleteCostRow(ctx: Ctx, table: DatedCostTable, id: number): { id: number } {
  if (!deleteDatedCost(ctx.db, table, id))
    throw new AppError(
      'not_found',
      `${table === 'credit_prices' ? 'Credit price' : 'Commission rule'} ${id} does not exist`,
    );
  return { id };
}

export function createCommissionRule(ctx: Ctx, input: z.output<typeof CommissionRuleCreate>): CommissionRuleRow {
  const { db } = ctx;
  return db.transaction(() => {
    requireSource(db, input.sourceId);
    const currency = input.currency ?? baseCurrency(db);
    const minFee = input.minFee ? minorOf('minFee', input.minFee, currency) : null;
    clash(ctx, 'commission_rules', input.sourceId, input.effectiveFrom, 0);
    const id = insertCommissionRule(db, {
      source_id: input.sourceId,
      effective_from: input.effectiveFrom,
      percent_bp: percentToBp(input.percent),
      min_fee_minor: minFee,
      currency,
    });
    return toRule(getCommissionRule(db, id)!);
  })();
}

export function updateCommissionRule(ctx: Ctx, input: z.output<typeof CommissionRuleUpdate>): CommissionRuleRow {
  const { db } = ctx;
  return db.transaction(() => {
    const before = getCommissionRule(db, input.id);
    if (!before) throw new AppError('not_found', `Commission rule ${input.id} does not exist`);
    const sourceId = input.sourceId ?? before.source_id;
    requireSource(db, sourceId);
    const currency = input.currency ?? before.currency;
    const minFee =
      input.minFee === undefined
        ? before.min_fee_minor
        : input.minFee
          ? minorOf('minFee', input.minFee, currency)
          : null;
    const from = input.effectiveFrom ?? before.effective_from;
    const bp = input.percent === undefined ? before.percent_bp : percentToBp(input.percent);
    clash(ctx, 'commission_rules', sourceId, from, before.id);
    updateCommissionRuleRecord(db, {
      id: before.id,
      source_id: sourceId,
      effective_from: from,
      percent_bp: bp,
      min_fee_minor: minFee,
      currency,
    });
    return toRule(getCommissionRule(db, before.id)!);
  })();
}
