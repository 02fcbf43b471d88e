import { lostReasonCounts } from './activity-repo';
import type { HandlersFor } from '../handler-types';

export const reasonsHandlers: HandlersFor<'reasons'> = {
  'reasons:report': (ctx, { from, to }) => lostReasonCounts(ctx.db, from, to),
};
