import { col, csvHeaders, namesWhere, type NamesWith, type RowOf } from '../db/columns';
import type { expenseCategoryValues } from '../../shared/domain/expense-categories';

export type ExpenseCategory = (typeof expenseCategoryValues)[number];

/** The expenses table, one entry per column (docs/architecture.md, "One definition per row"). */
export const expenseColumns = {
  id: col.id(),
  ref: col.text({ csv: ['ref', 'text'] }),
  date: col.text({ fact: true, compared: true, csv: ['date', 'bare'] }),
  source_id: col.intOrNull({ fact: true, compared: true, csv: ['source', 'channel'] }),
  category: col.textOf<ExpenseCategory>()({ fact: true, compared: true, csv: ['category', 'bare'] }),
  description: col.text({ compared: true, csv: ['description', 'text'] }),
  amount_minor: col.int({ fact: true, compared: true, csv: ['amount', 'money'] }),
  currency: col.text({ fact: true, compared: true, csv: ['currency', 'bare'] }),
  /** Connects bought (category `connects`). */
  connects: col.int({ fact: true, compared: true, csv: ['connects', 'bare'] }),
  import_id: col.intOrNull(),
  created_at: col.text(),
  /** What the last platform import brought (null: typed); a value the user changed since is theirs (docs/domain.md §7). */
  platform_description: col.textOrNull({ optional: true }),
  platform_category: col.textOrNullOf<ExpenseCategory>()({ optional: true }),
};

/** Columns of the table outside the record: the edit counter. */
export const expenseInternalColumns = ['edit_seq'] as const;

export type ExpenseRecord = RowOf<typeof expenseColumns>;
export type ExpenseWrite = Omit<ExpenseRecord, 'id'>;
export type ExpenseFacts = Pick<ExpenseRecord, NamesWith<typeof expenseColumns, 'fact'>>;

export const expenseWriteColumns = namesWhere(expenseColumns, (c) => c.insert);
export const expenseCompared = namesWhere(expenseColumns, (c) => c.compared) as NamesWith<
  typeof expenseColumns,
  'compared'
>[];
export const expenseCsvHeaders = csvHeaders(expenseColumns);
