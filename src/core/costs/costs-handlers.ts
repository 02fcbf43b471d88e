import {
  createCommissionRule,
  createCreditPrice,
  deleteCostRow,
  listCosts,
  updateCommissionRule,
  updateCreditPrice,
} from './costs-service';
import type { HandlersFor } from '../handler-types';

export const costsHandlers: HandlersFor<'costs'> = {
  'costs:list': (ctx, { sourceId }) => listCosts(ctx, sourceId),
  'costs:create-credit-price': (ctx, input) => createCreditPrice(ctx, input),
  'costs:update-credit-price': (ctx, input) => updateCreditPrice(ctx, input),
  'costs:delete-credit-price': (ctx, { id }) => deleteCostRow(ctx, 'credit_prices', id),
  'costs:create-commission': (ctx, input) => createCommissionRule(ctx, input),
  'costs:update-commission': (ctx, input) => updateCommissionRule(ctx, input),
  'costs:delete-commission': (ctx, { id }) => deleteCostRow(ctx, 'commission_rules', id),
};
