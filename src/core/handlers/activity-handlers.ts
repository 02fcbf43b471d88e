import { lostReasonCounts } from '../repos/activity-repo';
import { createActivity, leadTimeline, removeActivity } from '../services/activity-service';
import { agenda, followUpDone } from '../services/agenda-service';
import { closeLost, closeWon, previewFee } from '../services/closeout-service';
import { readPreferences, updatePreferences } from '../services/preferences-service';
import type { HandlersFor } from './types';

// The daily loop: activity log, close-out, preferences, lost reasons, follow-up agenda.
export const activityHandlers: HandlersFor<'activity'> & HandlersFor<'closeout'> & HandlersFor<'preferences'> & HandlersFor<'reasons'> & HandlersFor<'agenda'> = {
  'activity:timeline': (ctx, { leadId }) => leadTimeline(ctx, leadId),
  'activity:create': (ctx, input) => createActivity(ctx, input),
  'activity:delete': (ctx, { id }) => removeActivity(ctx, id),
  'closeout:won': (ctx, input) => closeWon(ctx, input),
  'closeout:lost': (ctx, input) => closeLost(ctx, input),
  'closeout:fee': (ctx, input) => previewFee(ctx, input),
  'preferences:get': (ctx) => readPreferences(ctx),
  'preferences:update': (ctx, input) => updatePreferences(ctx, input),
  'reasons:report': (ctx, { from, to }) => lostReasonCounts(ctx.db, from, to),
  'agenda:list': (ctx) => agenda(ctx),
  'agenda:done': (ctx, input) => followUpDone(ctx, input),
};
