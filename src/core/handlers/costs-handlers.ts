import { fieldError } from '../../shared/api/result';
import { deleteRate, listRates, ratesOfOtherBases, setRate } from '../repos/rates-repo';
import { baseCurrency } from '../repos/settings-repo';
import { createCommissionRule, createCreditPrice, deleteCostRow, listCosts, updateCommissionRule, updateCreditPrice } from '../services/costs-service';
import { createSubscription, deleteSubscription, listSubscriptions, updateSubscription } from '../services/subscriptions-service';
import type { HandlersFor } from './types';

export const costsHandlers: HandlersFor<'costs'> & HandlersFor<'subscriptions'> & HandlersFor<'rates'> = {
  'costs:list': (ctx, { sourceId }) => listCosts(ctx, sourceId),
  'costs:create-credit-price': (ctx, input) => createCreditPrice(ctx, input),
  'costs:update-credit-price': (ctx, input) => updateCreditPrice(ctx, input),
  'costs:delete-credit-price': (ctx, { id }) => deleteCostRow(ctx, 'credit_prices', id),
  'costs:create-commission': (ctx, input) => createCommissionRule(ctx, input),
  'costs:update-commission': (ctx, input) => updateCommissionRule(ctx, input),
  'costs:delete-commission': (ctx, { id }) => deleteCostRow(ctx, 'commission_rules', id),
  'subscriptions:list': (ctx, { sourceId }) => listSubscriptions(ctx, sourceId),
  'subscriptions:create': (ctx, input) => createSubscription(ctx, input),
  'subscriptions:update': (ctx, input) => updateSubscription(ctx, input),
  'subscriptions:delete': (ctx, input) => deleteSubscription(ctx, input),
  'rates:list': (ctx) => {
    const base = baseCurrency(ctx.db);
    return { baseCurrency: base, rates: listRates(ctx.db, base), otherBases: ratesOfOtherBases(ctx.db, base) };
  },
  'rates:set': (ctx, { currency, month, rate }) => {
    if (currency === baseCurrency(ctx.db)) throw fieldError('currency', `${currency} is the base currency; it needs no rate`);
    setRate(ctx.db, baseCurrency(ctx.db), currency, month, rate);
    return { currency, month, rate };
  },
  'rates:delete': (ctx, { currency, month }) => ({ deleted: deleteRate(ctx.db, baseCurrency(ctx.db), currency, month) }),
};
