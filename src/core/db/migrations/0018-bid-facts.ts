import type { Migration } from './types';

// docs/domain.md §8: the facts of a bid, optional on every lead. `invited` 0/1; `minutes_after_post`
// whole minutes between the job's posting and the proposal; `proposals_when_bid` the platform's
// count bucket as Upwork words it; `viewed_on` the day the client opened the proposal;
// `boost_outcome` 'top' (charged) or 'outbid' (not charged: the rollups count its boost as 0).
// Existing leads get none of them, so no rollup changes: an outbid boost is only ever set from now on.
export const migration0018: Migration = {
  version: 18,
  name: 'bid-facts',
  up: `
    ALTER TABLE leads ADD COLUMN invited INTEGER NOT NULL DEFAULT 0 CHECK (invited IN (0, 1));
    ALTER TABLE leads ADD COLUMN minutes_after_post INTEGER CHECK (minutes_after_post IS NULL OR minutes_after_post >= 0);
    ALTER TABLE leads ADD COLUMN proposals_when_bid TEXT
      CHECK (proposals_when_bid IS NULL OR proposals_when_bid IN ('<5', '5-10', '10-15', '15-20', '20-50', '50+'));
    ALTER TABLE leads ADD COLUMN viewed_on TEXT;
    ALTER TABLE leads ADD COLUMN boost_outcome TEXT CHECK (boost_outcome IS NULL OR boost_outcome IN ('top', 'outbid'));
  `,
};
