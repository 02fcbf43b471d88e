import { createActivity, leadTimeline, removeActivity } from './activity-service';
import type { HandlersFor } from '../handler-types';

// A lead's activity log; close-out, the follow-up agenda and lost reasons have their handler files beside it.
export const activityHandlers: HandlersFor<'activity'> = {
  'activity:timeline': (ctx, { leadId }) => leadTimeline(ctx, leadId),
  'activity:create': (ctx, input) => createActivity(ctx, input),
  'activity:delete': (ctx, { id }) => removeActivity(ctx, id),
};
