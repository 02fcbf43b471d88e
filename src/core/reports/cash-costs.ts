import { Converter } from '../../shared/reports/fx';
import { planCharges } from '../subscriptions/plan-charges';
import { expenseMonths, expenseTotals } from './report-repo';
import type { ReportInput } from './parts';

/**
 * docs/domain.md §4 costs from expenses dated in the range, converted per channel, month and currency (the usage
 * basis leaves connects purchases to the ledger). Negative expenses are refunds of a cost (§7) and lower it.
 */
export function addExpenses({ ctx, plan, basis, collapse, converter, cells }: ReportInput): void {
  for (const r of expenseTotals(ctx.db, plan, basis === 'usage', collapse)) {
    const amount = converter.convert(r.amount, r.currency, r.month, r.expenses);
    if (amount !== undefined) cells.cell(r.source_id, r.month).sums.costs += amount;
  }
}

/** The per-category split of expenses for the breakdown chart (its own conversions: never changes the table). */
export function addExpenseBreakdown({ ctx, plan, basis, base, rates, cells }: ReportInput): void {
  const chart = new Converter(base, rates);
  for (const r of expenseMonths(ctx.db, plan)) {
    if (basis === 'usage' && r.category === 'connects') continue;
    const amount = chart.convert(r.amount, r.currency, r.month, r.expenses);
    if (amount === undefined) continue;
    const c = cells.cell(r.source_id, r.month);
    c.costsByCategory.set(r.category, (c.costsByCategory.get(r.category) ?? 0) + amount);
  }
}

/**
 * docs/domain.md §5: subscription plans become dated charges in the range, except those a recorded charge
 * matches (counted as that expense); summed per channel, month and currency, then converted.
 */
export function addPlanCharges({ ctx, from, to, converter, cells }: ReportInput): void {
  const charges = new Map<
    string,
    { sourceId: number; month: string; currency: string; amount: number; count: number }
  >();
  for (const charge of planCharges(ctx.db, from, to)) {
    if (charge.matched) continue;
    const month = charge.date.slice(0, 7);
    const key = `${charge.plan.source_id}|${month}|${charge.plan.currency}`;
    const entry = charges.get(key) ?? {
      sourceId: charge.plan.source_id,
      month,
      currency: charge.plan.currency,
      amount: 0,
      count: 0,
    };
    entry.amount += charge.amountMinor;
    entry.count++;
    charges.set(key, entry);
  }
  for (const e of charges.values()) {
    const amount = converter.convert(e.amount, e.currency, e.month, e.count);
    if (amount !== undefined) cells.addCost(e.sourceId, e.month, 'subscription', amount);
  }
}
