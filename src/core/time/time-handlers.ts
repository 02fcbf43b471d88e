import { createTime, listTime, removeTime, updateTime } from './time-service';
import type { HandlersFor } from '../handler-types';

// Time entries (the timer: timer-handlers.ts) (docs/domain.md §6.1).
export const timeHandlers: HandlersFor<'time'> = {
  'time:list': (ctx, input) => listTime(ctx, input),
  'time:create': (ctx, input) => createTime(ctx, input),
  'time:update': (ctx, input) => updateTime(ctx, input),
  'time:delete': (ctx, { id }) => removeTime(ctx, id),
};
