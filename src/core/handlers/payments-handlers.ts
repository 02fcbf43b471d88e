import { createExpense, deleteExpenseById, listExpenses, updateExpenseById } from '../services/expenses-service';
import { createPayment, deletePaymentById, listPayments, updatePaymentById } from '../services/payments-service';
import type { HandlersFor } from './types';

export const paymentsHandlers: HandlersFor<'payments'> & HandlersFor<'expenses'> = {
  'payments:list': (ctx, input) => listPayments(ctx, input),
  'payments:create': (ctx, input) => createPayment(ctx, input),
  'payments:update': (ctx, input) => updatePaymentById(ctx, input),
  'payments:delete': (ctx, { id }) => deletePaymentById(ctx, id),
  'expenses:list': (ctx, input) => listExpenses(ctx, input),
  'expenses:create': (ctx, input) => createExpense(ctx, input),
  'expenses:update': (ctx, input) => updateExpenseById(ctx, input),
  'expenses:delete': (ctx, input) => deleteExpenseById(ctx, input),
};
