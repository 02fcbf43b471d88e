import { cancelTimer, getTimer, startTimer, stopTimer } from './time-service';
import type { HandlersFor } from '../handler-types';

export const timerHandlers: HandlersFor<'timer'> = {
  'timer:get': (ctx) => getTimer(ctx),
  'timer:start': (ctx, input) => startTimer(ctx, input),
  'timer:stop': (ctx, input) => stopTimer(ctx, input),
  'timer:cancel': (ctx) => cancelTimer(ctx),
};
