import type { Migration } from './types';

// Plan-charge matching (docs/domain.md §5) reads a channel's subscription expenses of the plan's amount on every usage report; with
// only expenses(source_id, date) it walked every expense of the channel (docs/performance.md).
export const migration0009: Migration = {
  version: 9,
  name: 'subscription-expenses-index',
  up: `CREATE INDEX expenses_subscription ON expenses(source_id, currency, amount_minor, date) WHERE category = 'subscription';`,
};
