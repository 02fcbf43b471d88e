import { loadSampleData } from './sample-data';
import type { HandlersFor } from '../handler-types';

export const sampleHandlers: HandlersFor<'sample'> = {
  'sample:load': (ctx, input, { onProgress }) => {
    const leads = input.leads ?? 400;
    return loadSampleData(ctx, {
      leads,
      seed: input.seed ?? 1,
      extraPayments: input.payments,
      extraExpenses: input.expenses,
      onProgress: onProgress && ((done) => onProgress({ done, total: leads })),
    });
  },
};
