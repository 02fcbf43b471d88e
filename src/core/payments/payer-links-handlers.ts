import { acceptLink, assignPayment, suggestLinks, toAssign, toAssignTotal } from './payer-links-service';
import type { Handler } from '../handler-types';

/** The payments:* operations that link rail payments to leads (docs/domain.md §7.5; spread into paymentsHandlers). */
export const payerLinksHandlers: {
  'payments:to-assign': Handler<'payments:to-assign'>;
  'payments:to-assign-count': Handler<'payments:to-assign-count'>;
  'payments:suggest-links': Handler<'payments:suggest-links'>;
  'payments:accept-link': Handler<'payments:accept-link'>;
  'payments:assign': Handler<'payments:assign'>;
} = {
  'payments:to-assign': (ctx, input) => toAssign(ctx, input),
  'payments:to-assign-count': (ctx) => toAssignTotal(ctx),
  'payments:suggest-links': (ctx) => suggestLinks(ctx),
  'payments:accept-link': (ctx, input) => acceptLink(ctx, input),
  'payments:assign': (ctx, input) => assignPayment(ctx, input),
};
