import type { Migration } from './types';

// The credits ledger reads the connects purchases of each day that has several (docs/domain.md §5); with only
// expenses(source_id, date) each read walked every expense of that day and looked each row up
// (docs/performance.md). Partial and covering: only purchases, no row lookups.
export const migration0010: Migration = {
  version: 10,
  name: 'connects-purchases-index',
  up: `CREATE INDEX expenses_connects ON expenses(source_id, date, id, currency, connects, amount_minor) WHERE category = 'connects';`,
};
