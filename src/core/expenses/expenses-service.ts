import type { DeletedExpense } from '../../shared/api/schemas/undo';
import type { z } from 'zod';
import { AppError, fieldError } from '../../shared/api/result';
import { keepUndoSnapshot } from '../db/undo-snapshots';
import {
  connectsCountNeeded,
  type Expense,
  negativeConnectsPurchase,
  type ExpenseCreate,
  type ExpenseList,
  type ExpenseUpdate,
  needsConnectsCount,
} from '../../shared/api/schemas/expenses';
import { formatMinorPlain } from '../../shared/money';
import type { Ctx, ReadCtx } from '../context';
import {
  deleteExpense,
  type ExpenseListRow,
  type ExpenseWrite,
  getExpense,
  type ExpenseRecord,
  getExpenseByRef,
  getExpenseRow,
  insertExpense,
  listExpenseRows,
  updateExpense,
} from './expenses-repo';
import { baseCurrency } from '../db/settings-repo';
import { requireSource } from '../sources/sources-repo';
import { RollupBatch } from '../rollups/rollup-batch';
import { newRef } from '../leads/leads-service';
import { minorOf } from '../money-input';
import { guardShortfall } from '../connects/ledger-service';

function toExpense(r: ExpenseListRow): Expense {
  return {
    id: r.id,
    ref: r.ref,
    date: r.date,
    sourceId: r.source_id,
    sourceName: r.source_name,
    category: r.category,
    description: r.description,
    amountMinor: r.amount_minor,
    currency: r.currency,
    connects: r.connects,
  };
}

function byId(ctx: Ctx, id: number): Expense {
  const row = getExpenseRow(ctx.db, id);
  if (!row) throw new AppError('not_found', `Expense ${id} does not exist`);
  return toExpense(row);
}

export function listExpenses(ctx: ReadCtx, input: z.output<typeof ExpenseList>): { items: Expense[]; total: number } {
  const { rows, total } = listExpenseRows(ctx.db, input, { limit: input.limit ?? 200, offset: input.offset ?? 0 });
  return { items: rows.map(toExpense), total };
}

export function createExpense(ctx: Ctx, input: z.output<typeof ExpenseCreate>): Expense {
  const { db } = ctx;
  const id = db.transaction(() => {
    const sourceId = input.sourceId ?? null;
    if (sourceId !== null) requireSource(db, sourceId);
    const currency = input.currency ?? baseCurrency(db);
    const ref = input.ref ?? newRef('exp');
    if (getExpenseByRef(db, ref)) throw fieldError('ref', `An expense with reference "${ref}" exists`);
    const write: ExpenseWrite = {
      ref,
      date: input.date,
      source_id: sourceId,
      category: input.category,
      description: input.description ?? '',
      amount_minor: minorOf('amount', input.amount, currency),
      currency,
      connects: input.category === 'connects' ? (input.connects ?? 0) : 0,
      import_id: null,
      created_at: ctx.now().toISOString(),
    };
    const batch = new RollupBatch(db);
    const newId = insertExpense(db, write, batch);
    batch.flush();
    return newId;
  })();
  return byId(ctx, id);
}

export function updateExpenseById(ctx: Ctx, input: z.output<typeof ExpenseUpdate>): Expense {
  const { db } = ctx;
  db.transaction(() => {
    const before = getExpense(db, input.id);
    if (!before) throw new AppError('not_found', `Expense ${input.id} does not exist`);
    const sourceId = input.sourceId === undefined ? before.source_id : input.sourceId;
    if (sourceId !== null) requireSource(db, sourceId);
    const currency = input.currency ?? before.currency;
    const category = input.category ?? before.category;
    const connects = category === 'connects' ? (input.connects ?? before.connects) : 0;
    if (category !== 'connects' && input.connects)
      throw fieldError('connects', 'Only a connects purchase has a number of connects');
    const amount = input.amount ?? formatMinorPlain(before.amount_minor, before.currency);
    if (needsConnectsCount({ category, amount, connects })) throw fieldError('connects', connectsCountNeeded);
    if (category === 'connects' && minorOf('amount', amount, currency) < 0)
      throw fieldError('amount', negativeConnectsPurchase);
    const after: ExpenseWrite = {
      ref: input.ref ?? before.ref,
      date: input.date ?? before.date,
      source_id: sourceId,
      category,
      description: input.description ?? before.description,
      amount_minor: minorOf('amount', amount, currency),
      currency,
      connects,
      import_id: before.import_id,
      created_at: before.created_at,
    };
    guardShortfall(ctx, creditChannels(before, after), input.confirmShortfall === true, () => {
      const batch = new RollupBatch(db);
      updateExpense(db, before, after, batch);
      batch.flush();
    });
  })();
  return byId(ctx, input.id);
}

/** The channels whose credits ledger an expense change can move (connects purchases only). */
function creditChannels(...rows: Pick<ExpenseWrite, 'category' | 'source_id' | 'connects'>[]): (number | null)[] {
  return rows.filter((r) => r.category === 'connects' && r.connects > 0).map((r) => r.source_id);
}

/**
 * Deletes an expense; a connects purchase whose credits were spent needs `confirmShortfall` (docs/domain.md §5).
 * The snapshot is what undo:expense puts back.
 */
export function deleteExpenseById(
  ctx: Ctx,
  input: { id: number; confirmShortfall?: boolean | undefined },
): {
  id: number;
  snapshot: ExpenseRecord & Pick<DeletedExpense, 'edit_seq' | 'platform_description' | 'platform_category'>;
  undoId: number;
} {
  const { db } = ctx;
  const { id } = input;
  let undoId = 0;
  const snapshot = db.transaction(() => {
    const before = getExpense(db, id);
    if (!before) throw new AppError('not_found', `Expense ${id} does not exist`);
    guardShortfall(ctx, creditChannels(before), input.confirmShortfall === true, () => {
      const batch = new RollupBatch(db);
      deleteExpense(db, before, batch);
      batch.flush();
    });
    undoId = keepUndoSnapshot(db, 'expense', before, ctx.now().toISOString());
    // getExpense reads every column (SELECT *): the row also holds the edit clock (migration 0016).
    return before as ExpenseRecord & Pick<DeletedExpense, 'edit_seq' | 'platform_description' | 'platform_category'>;
  })();
  return { id, snapshot, undoId };
}
