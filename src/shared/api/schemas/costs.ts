import { z } from 'zod';
import { op } from '../define';
import { amountText, checkAmount, currencyCode, id, isoDate, percent } from '../fields';

export const CreditPrice = z.object({
  id,
  sourceId: id,
  effectiveFrom: z.string(),
  unitPriceMinor: z.number().int(),
  currency: z.string(),
});
export type CreditPrice = z.infer<typeof CreditPrice>;

export const CommissionRuleRow = z.object({
  id,
  sourceId: id,
  effectiveFrom: z.string(),
  /** Percent, e.g. 10 or 12.5 (stored as basis points). */
  percent: z.number(),
  minFeeMinor: z.number().int().nullable(),
  currency: z.string(),
});
export type CommissionRuleRow = z.infer<typeof CommissionRuleRow>;

export const SourceCosts = z.object({
  sourceId: id,
  sourceName: z.string(),
  creditName: z.string().nullable(),
  freeCreditsMonthly: z.number().int(),
  creditPrices: z.array(CreditPrice),
  commissionRules: z.array(CommissionRuleRow),
});
export type SourceCosts = z.infer<typeof SourceCosts>;

const nonNegative = amountText.refine((t) => !t.startsWith('-'), 'Cannot be negative');

const priceFields = { sourceId: id, effectiveFrom: isoDate, unitPrice: nonNegative, currency: currencyCode.optional() };
const ruleFields = {
  sourceId: id,
  effectiveFrom: isoDate,
  percent,
  minFee: nonNegative.nullable().optional().or(z.literal('')),
  currency: currencyCode.optional(),
};

const checkPrice = (v: { unitPrice?: string; currency?: string }, ctx: z.RefinementCtx) =>
  checkAmount(ctx, 'unitPrice', v.unitPrice, v.currency ?? 'USD');
const checkRule = (v: { minFee?: string | null; currency?: string }, ctx: z.RefinementCtx) =>
  checkAmount(ctx, 'minFee', v.minFee, v.currency ?? 'USD');

export const CreditPriceCreate = z.object(priceFields).superRefine(checkPrice);
export const CreditPriceUpdate = z
  .object({ id, ...priceFields })
  .partial()
  .required({ id: true })
  .superRefine(checkPrice);
export const CommissionRuleCreate = z.object(ruleFields).superRefine(checkRule);
export const CommissionRuleUpdate = z
  .object({ id, ...ruleFields })
  .partial()
  .required({ id: true })
  .superRefine(checkRule);

export const costsContract = {
  'costs:list': op.read(
    z.object({ sourceId: id.optional() }),
    z.array(SourceCosts),
    'Credit prices and commission rules per channel',
  ),
  'costs:create-credit-price': op.write(
    CreditPriceCreate,
    CreditPrice,
    'Add a price for the credits of a channel (such as Upwork Connects) from a date',
  ),
  'costs:update-credit-price': op.write(CreditPriceUpdate, CreditPrice, 'Change a credit price'),
  'costs:delete-credit-price': op.write(z.object({ id }), z.object({ id }), 'Delete a credit price'),
  'costs:create-commission': op.write(
    CommissionRuleCreate,
    CommissionRuleRow,
    'Add a commission rule (percent and minimum fee) for a channel from a date',
  ),
  'costs:update-commission': op.write(CommissionRuleUpdate, CommissionRuleRow, 'Change a commission rule'),
  'costs:delete-commission': op.write(z.object({ id }), z.object({ id }), 'Delete a commission rule'),
};
