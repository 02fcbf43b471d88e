import { cancelTimer, createTime, getTimer, listTime, removeTime, startTimer, stopTimer, updateTime } from '../services/time-service';
import type { HandlersFor } from './types';

// Time entries and the timer (docs/domain.md §6.1).
export const timeHandlers: HandlersFor<'time'> & HandlersFor<'timer'> = {
  'time:list': (ctx, input) => listTime(ctx, input),
  'time:create': (ctx, input) => createTime(ctx, input),
  'time:update': (ctx, input) => updateTime(ctx, input),
  'time:delete': (ctx, { id }) => removeTime(ctx, id),
  'timer:get': (ctx) => getTimer(ctx),
  'timer:start': (ctx, input) => startTimer(ctx, input),
  'timer:stop': (ctx, input) => stopTimer(ctx, input),
  'timer:cancel': (ctx) => cancelTimer(ctx),
};
