import type { Migration } from './types';

// The board's column totals from a rollup (counting and summing the columns through leads_stage_closed
// grew with the leads; docs/performance.md). One row per stage, channel,
// closed day ('' while open) and currency: the unfiltered board, a channel filter and the last-30-days
// cut of Won and Lost all read a few hundred rows, whatever the number of leads. Kept like the other
// rollups, in the transaction of every write (src/core/rollups). leads_stage_closed (0011) was built
// for those totals and was the most expensive index a million-row import built: dropped. The
// one other reader it had, the lost reasons of a period, gets a covering index of the lost leads alone.
export const migration0012: Migration = {
  version: 12,
  name: 'stage-rollup',
  up: `
    CREATE TABLE lead_stage_rollup (
      stage TEXT NOT NULL,
      source_id INTEGER NOT NULL,
      closed_on TEXT NOT NULL,
      currency TEXT NOT NULL,
      leads INTEGER NOT NULL DEFAULT 0,
      valued INTEGER NOT NULL DEFAULT 0,
      value_minor INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (stage, source_id, closed_on, currency)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO lead_stage_rollup (stage, source_id, closed_on, currency, leads, valued, value_minor)
    SELECT stage, source_id, COALESCE(closed_on, ''), currency, COUNT(*), COUNT(value_minor), COALESCE(SUM(value_minor), 0)
    FROM leads GROUP BY 1, 2, 3, 4;
    DROP INDEX leads_stage_closed;
    CREATE INDEX leads_lost ON leads(closed_on, source_id, lost_reason) WHERE stage = 'lost';
  `,
};
