import { createPayment, deletePaymentById, listPayments, updatePaymentById } from './payments-service';
import type { HandlersFor } from '../handler-types';
import { payerLinksHandlers } from './payer-links-handlers';

export const paymentsHandlers: HandlersFor<'payments'> = {
  'payments:list': (ctx, input) => listPayments(ctx, input),
  'payments:create': (ctx, input) => createPayment(ctx, input),
  'payments:update': (ctx, input) => updatePaymentById(ctx, input),
  'payments:delete': (ctx, { id }) => deletePaymentById(ctx, id),
  ...payerLinksHandlers,
};
