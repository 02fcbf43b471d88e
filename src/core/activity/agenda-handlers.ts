import { agenda, followUpDone } from './agenda-service';
import type { HandlersFor } from '../handler-types';

export const agendaHandlers: HandlersFor<'agenda'> = {
  'agenda:list': (ctx) => agenda(ctx),
  'agenda:done': (ctx, input) => followUpDone(ctx, input),
};
