import { createExpense, deleteExpenseById, listExpenses, updateExpenseById } from './expenses-service';
import type { HandlersFor } from '../handler-types';

export const expensesHandlers: HandlersFor<'expenses'> = {
  'expenses:list': (ctx, input) => listExpenses(ctx, input),
  'expenses:create': (ctx, input) => createExpense(ctx, input),
  'expenses:update': (ctx, input) => updateExpenseById(ctx, input),
  'expenses:delete': (ctx, input) => deleteExpenseById(ctx, input),
};
