import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-money';
import { migration0003 } from './0003-imports';
import { migration0004 } from './0004-month-rollups';
import { migration0005 } from './0005-credits-ledger';
import { migration0006 } from './0006-activity';
import { migration0007 } from './0007-time-entries';
import { migration0008 } from './0008-clients';
import { migration0009 } from './0009-subscription-expenses-index';
import { migration0010 } from './0010-connects-purchases-index';
import { migration0011 } from './0011-board-totals-index';
import { migration0012 } from './0012-stage-rollup';
import { migration0013 } from './0013-purchase-changes';
import { migration0014 } from './0014-purchase-days';
import { migration0015 } from './0015-undo-snapshots';
import { migration0016 } from './0016-import-reconciliation';
import { migration0017 } from './0017-time-projects';
import { migration0018 } from './0018-bid-facts';
import type { Migration } from './types';

/** Append-only: never edit a shipped migration; add the next file. */
export const migrations: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
  migration0014,
  migration0015,
  migration0016,
  migration0017,
  migration0018,
];

export const latestVersion = migrations.length;
