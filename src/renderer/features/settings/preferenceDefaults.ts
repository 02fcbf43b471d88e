import type { Preferences } from '../../../shared/api/schemas/preferences';

/**
 * What `Preferences.parse({})` gives, written out: the schema's module brings zod, which the board's first chunk
 * leaves out (docs/performance.md, First paint). preferenceDefaults.test.ts keeps the two equal.
 */
export const preferenceDefaults: Preferences = {
  theme: 'system',
  dateFormat: 'locale',
  weekStartsOn: 1,
  staleDays: 21,
  notifications: true,
  lostReasons: ['Price', 'No reply', 'Chose someone else', 'Job cancelled', 'Not a fit'],
};
