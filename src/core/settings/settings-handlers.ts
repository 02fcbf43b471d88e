import { setSetting } from '../db/settings-repo';
import type { Handler, HandlersFor } from '../handler-types';
import { appInfo } from '../app/app-info';

const updateSettings: Handler<'settings:update'> = (ctx, input) => {
  if (input.baseCurrency) setSetting(ctx.db, 'base_currency', input.baseCurrency);
  return appInfo(ctx);
};

export const settingsHandlers: HandlersFor<'settings'> = {
  'settings:update': updateSettings,
};
