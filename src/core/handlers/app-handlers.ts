import type { AppInfo } from '../../shared/api/schemas/app';
import type { Ctx } from '../context';
import { schemaVersion } from '../db/migrate';
import { countAllLeads } from '../repos/leads-repo';
import { firstDaySteps } from '../repos/first-day-repo';
import { baseCurrency, setSetting } from '../repos/settings-repo';
import { loadSampleData } from '../services/sample-data';
import { appVersion as version } from '../version';
import type { Handler, HandlersFor } from './types';

function appInfo(ctx: Ctx): AppInfo {
  return { version, dbPath: ctx.dbPath, schemaVersion: schemaVersion(ctx.db), baseCurrency: baseCurrency(ctx.db), leadCount: countAllLeads(ctx.db) };
}

const updateSettings: Handler<'settings:update'> = (ctx, input) => {
  if (input.baseCurrency) setSetting(ctx.db, 'base_currency', input.baseCurrency);
  return appInfo(ctx);
};

export const appHandlers: HandlersFor<'app'> & HandlersFor<'settings'> & HandlersFor<'sample'> = {
  'app:info': (ctx) => appInfo(ctx),
  'app:first-day': (ctx) => firstDaySteps(ctx.db),
  'settings:update': updateSettings,
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
