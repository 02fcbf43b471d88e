import { firstDaySteps } from './first-day-repo';
import type { HandlersFor } from '../handler-types';
import { appInfo } from './app-info';

export const appHandlers: HandlersFor<'app'> = {
  'app:info': (ctx) => appInfo(ctx),
  'app:first-day': (ctx) => firstDaySteps(ctx.db),
};
