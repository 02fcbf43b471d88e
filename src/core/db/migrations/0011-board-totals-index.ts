import type { Migration } from './types';

// The board's column totals (count and value per stage; Won and Lost only closed in the last 30
// days) read every lead of the stage through (stage, position) and looked each row up for
// closed_on, currency and value (docs/performance.md). Covering: no row lookups.
export const migration0011: Migration = {
  version: 11,
  name: 'board-totals-index',
  up: `CREATE INDEX leads_stage_closed ON leads(stage, closed_on, currency, value_minor);`,
};
