import { z } from 'zod';
import { op } from '../define';
import { amountText, checkAmount, count, currencyCode, id, isoDate } from '../fields';
import { DateRange, pageInput } from './money-fields';
import { DeletedExpense } from './undo';
import { expenseCategoryValues } from '../../domain/expense-categories';
export const ExpenseCategory = z.enum(expenseCategoryValues, {
  error: 'Choose connects, subscription, advertising, fee, tax or other',
});

export const Expense = z.object({
  id,
  ref: z.string(),
  date: z.string(),
  /** null: not tied to a channel ("(no channel)" in reports). */
  sourceId: id.nullable(),
  sourceName: z.string().nullable(),
  category: ExpenseCategory,
  description: z.string(),
  amountMinor: z.number().int(),
  currency: z.string(),
  connects: z.number().int(),
});
export type Expense = z.infer<typeof Expense>;

const fields = {
  date: isoDate,
  sourceId: id.nullable().optional(),
  category: ExpenseCategory,
  description: z.string().trim().max(500, 'At most 500 characters').optional(),
  /** Negative records a refund of a cost. */
  amount: amountText,
  currency: currencyCode.optional(),
  /** Connects bought (category connects only). */
  connects: count.optional(),
  ref: z.string().trim().min(1).max(200).optional(),
};

/** The message for a negative Connects purchase (docs/domain.md §7: returned Connects are a refund on the lead or a ledger adjustment). */
export const negativeConnectsPurchase =
  'A Connects purchase cannot be negative: Connects given back are connects_refunded on the lead, or a ledger adjustment';

function refine(
  v: {
    amount?: string | undefined;
    currency?: string | undefined;
    category?: string | undefined;
    connects?: number | undefined;
  },
  ctx: z.RefinementCtx,
) {
  checkAmount(ctx, 'amount', v.amount, v.currency ?? 'USD');
  if (
    v.category === 'connects' &&
    v.amount !== undefined &&
    v.amount.trim().startsWith('-') &&
    /[1-9]/.test(v.amount)
  ) {
    ctx.addIssue({ code: 'custom', path: ['amount'], message: negativeConnectsPurchase });
  }
  if (v.category && v.category !== 'connects' && v.connects) {
    ctx.addIssue({ code: 'custom', path: ['connects'], message: 'Only a connects purchase has a number of connects' });
  }
}

/** The message when a connects purchase comes without a count (form, API; imports warn instead). */
export const connectsCountNeeded = 'How many Connects did this buy? The Connects ledger needs the count';

/** A Connects purchase typed or sent to the API must say how many it bought, > 0 (docs/domain.md §5, §7: the ledger counts it). */
export function needsConnectsCount(v: {
  category?: string | undefined;
  amount?: string | undefined;
  connects?: number | undefined;
}): boolean {
  return v.category === 'connects' && v.amount !== undefined && !v.connects;
}

export const ExpenseCreate = z.object(fields).superRefine((v, ctx) => {
  refine(v, ctx);
  if (needsConnectsCount(v)) ctx.addIssue({ code: 'custom', path: ['connects'], message: connectsCountNeeded });
});
/** A row of an imported file: the same checks as the form; the channel comes by name. */
export const ExpenseImportRow = z.object(fields).omit({ sourceId: true }).superRefine(refine);
/** Saves a change to a connects purchase that leaves credits short on some day (answered `needs_confirmation` without it). */
const confirmShortfall = z.boolean().optional();
export const ExpenseUpdate = z
  .object({ id, ...fields, confirmShortfall })
  .partial()
  .required({ id: true })
  .superRefine(refine);
export const ExpenseDelete = z.object({ id, confirmShortfall });
export const ExpenseList = DateRange.and(
  z.object({
    sourceId: id.optional(),
    noChannel: z.boolean().optional(),
    category: ExpenseCategory.optional(),
    ...pageInput,
  }),
);

export const expensesContract = {
  'expenses:list': op.read(
    ExpenseList,
    z.object({ items: z.array(Expense), total: z.number().int() }),
    'Expenses, filtered and paged',
  ),
  'expenses:create': op.write(ExpenseCreate, Expense, 'Record an expense'),
  'expenses:update': op.write(ExpenseUpdate, Expense, 'Change an expense'),
  'expenses:delete': op.write(
    ExpenseDelete,
    z.object({ id, snapshot: DeletedExpense, undoId: id }),
    'Delete an expense (a connects purchase whose credits were spent asks for confirmShortfall; returns the undoId that undo:expense names to put it back)',
  ),
};
