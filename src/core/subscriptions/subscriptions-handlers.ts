import { createSubscription, deleteSubscription, listSubscriptions, updateSubscription } from './subscriptions-service';
import type { HandlersFor } from '../handler-types';

export const subscriptionsHandlers: HandlersFor<'subscriptions'> = {
  'subscriptions:list': (ctx, { sourceId }) => listSubscriptions(ctx, sourceId),
  'subscriptions:create': (ctx, input) => createSubscription(ctx, input),
  'subscriptions:update': (ctx, input) => updateSubscription(ctx, input),
  'subscriptions:delete': (ctx, input) => deleteSubscription(ctx, input),
};
