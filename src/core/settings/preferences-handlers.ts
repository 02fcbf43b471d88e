import { readPreferences, updatePreferences } from './preferences-service';
import type { HandlersFor } from '../handler-types';

export const preferencesHandlers: HandlersFor<'preferences'> = {
  'preferences:get': (ctx) => readPreferences(ctx),
  'preferences:update': (ctx, input) => updatePreferences(ctx, input),
};
