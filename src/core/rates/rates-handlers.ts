import { fieldError } from '../../shared/api/result';
import { deleteRate, listRates, ratesOfOtherBases, setRate } from './rates-repo';
import { baseCurrency } from '../db/settings-repo';
import type { HandlersFor } from '../handler-types';

export const ratesHandlers: HandlersFor<'rates'> = {
  'rates:list': (ctx) => {
    const base = baseCurrency(ctx.db);
    return { baseCurrency: base, rates: listRates(ctx.db, base), otherBases: ratesOfOtherBases(ctx.db, base) };
  },
  'rates:set': (ctx, { currency, month, rate }) => {
    if (currency === baseCurrency(ctx.db))
      throw fieldError('currency', `${currency} is the base currency; it needs no rate`);
    setRate(ctx.db, baseCurrency(ctx.db), currency, month, rate);
    return { currency, month, rate };
  },
  'rates:delete': (ctx, { currency, month }) => ({
    deleted: deleteRate(ctx.db, baseCurrency(ctx.db), currency, month),
  }),
};
