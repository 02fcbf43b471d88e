import type { ReadableDB, WritableDB } from '../db/handles';
import { prepared } from '../db/statements';
import { filteredPage } from '../db/paging';
import type { RollupBatch } from '../rollups/rollup-batch';
import { expenseRollup } from '../rollups/specs';
import { formatMinorPlain } from '../../shared/money';
import {
  type ExpenseCategory,
  type ExpenseFacts,
  type ExpenseRecord,
  expenseWriteColumns,
  type ExpenseWrite,
} from './expense-columns';

export type { ExpenseCategory, ExpenseFacts, ExpenseRecord, ExpenseWrite };

const insertSql = `INSERT INTO expenses (${expenseWriteColumns.join(', ')}) VALUES (${expenseWriteColumns.map((c) => `@${c}`).join(', ')})`;
const updateSql = `UPDATE expenses SET ${expenseWriteColumns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`;

export function getExpense(db: ReadableDB, id: number): ExpenseRecord | undefined {
  return prepared(db, `SELECT * FROM expenses WHERE id = ?`).get(id) as ExpenseRecord | undefined;
}

export function getExpenseByRef(db: ReadableDB, ref: string): ExpenseRecord | undefined {
  return prepared(db, `SELECT * FROM expenses WHERE ref = ?`).get(ref) as ExpenseRecord | undefined;
}

export function insertExpense(db: WritableDB, expense: ExpenseWrite, batch: RollupBatch): number {
  const id = Number(
    prepared(db, insertSql).run({ platform_description: null, platform_category: null, ...expense }).lastInsertRowid,
  );
  addExpense(batch, expense, 1);
  return id;
}

export function updateExpense(db: WritableDB, before: ExpenseRecord, after: ExpenseWrite, batch: RollupBatch): void {
  prepared(db, updateSql).run({
    platform_description: before.platform_description ?? null,
    platform_category: before.platform_category ?? null,
    ...after,
    id: before.id,
  });
  addExpense(batch, before, -1);
  addExpense(batch, after, 1);
}

export function deleteExpense(db: WritableDB, before: ExpenseRecord, batch: RollupBatch): void {
  prepared(db, `DELETE FROM expenses WHERE id = ?`).run(before.id);
  addExpense(batch, before, -1);
}

/** An expense's rollup deltas (no channel: key 0): added with sign 1 when written, -1 when replaced or deleted. */
export function addExpense(batch: RollupBatch, e: ExpenseFacts, sign: 1 | -1): void {
  batch.add(expenseRollup, [e.source_id ?? 0, e.date, e.category, e.currency], [1, e.amount_minor, e.connects], sign);
}

/** An expense with its channel's name (null: no channel), as lists show it. */
export type ExpenseListRow = ExpenseRecord & { source_name: string | null };
export type ExpenseFilter = {
  sourceId?: number | undefined;
  noChannel?: boolean | undefined;
  category?: ExpenseCategory | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
};

const selectListed = `SELECT e.*, s.name AS source_name FROM expenses e LEFT JOIN sources s ON s.id = e.source_id`;

export function getExpenseRow(db: ReadableDB, id: number): ExpenseListRow | undefined {
  return db.prepare(`${selectListed} WHERE e.id = ?`).get(id) as ExpenseListRow | undefined;
}

/** One page of expenses, newest first, and how many match. */
export function listExpenseRows(
  db: ReadableDB,
  filter: ExpenseFilter,
  page: { limit: number; offset: number },
): { rows: ExpenseListRow[]; total: number } {
  return filteredPage<ExpenseListRow>(
    db,
    { from: 'expenses e', select: selectListed, orderBy: 'e.date DESC, e.id DESC' },
    [
      filter.sourceId && { sql: 'e.source_id = @sourceId', params: { sourceId: filter.sourceId } },
      filter.noChannel && { sql: 'e.source_id IS NULL' },
      filter.category && { sql: 'e.category = @category', params: { category: filter.category } },
      filter.from && { sql: 'e.date >= @from', params: { from: filter.from } },
      filter.to && { sql: 'e.date <= @to', params: { to: filter.to } },
    ],
    page,
  );
}

/**
 * The warning an import adds for connects purchases it brought without a count: they are not in the
 * Connects ledger until the user adds the count on the Costs page (docs/domain.md §5).
 */
export function uncountedImportWarning(db: ReadableDB, importId: number): string[] {
  const rows = db
    .prepare(
      `SELECT e.date, e.amount_minor, e.currency, COALESCE(s.name, '(no channel)') AS source FROM expenses e LEFT JOIN sources s ON s.id = e.source_id
       WHERE e.import_id = ? AND e.category = 'connects' AND e.connects = 0 AND e.amount_minor > 0 ORDER BY e.date, e.id`,
    )
    .all(importId) as { date: string; amount_minor: number; currency: string; source: string }[];
  if (rows.length === 0) return [];
  const listed = rows
    .slice(0, 3)
    .map((r) => `${r.source} ${r.date} ${formatMinorPlain(r.amount_minor, r.currency)} ${r.currency}`)
    .join(', ');
  const more = rows.length > 3 ? ` and ${rows.length - 3} more` : '';
  const what = rows.length === 1 ? '1 connects purchase has' : `${rows.length} connects purchases have`;
  return [`${what} no count (${listed}${more}): not in the Connects balance until you add how many on the Costs page`];
}
