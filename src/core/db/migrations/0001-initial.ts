import type { Migration } from './types';

// Foundation: settings, channels with effective-dated cost rules, leads with stage history.
export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up: `
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

    CREATE TABLE sources (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL COLLATE NOCASE UNIQUE,
      color TEXT NOT NULL,
      archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
      credit_name TEXT,
      free_credits_monthly INTEGER NOT NULL DEFAULT 0 CHECK (free_credits_monthly >= 0),
      sort_order INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL
    ) STRICT;

    -- Effective-dated: the row with the latest effective_from <= day applies.
    CREATE TABLE credit_prices (
      id INTEGER PRIMARY KEY,
      source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
      effective_from TEXT NOT NULL,
      unit_price_minor INTEGER NOT NULL CHECK (unit_price_minor >= 0),
      currency TEXT NOT NULL,
      UNIQUE (source_id, effective_from)
    ) STRICT;

    -- percent_bp: basis points of a percent (10% = 1000), so no float is stored.
    CREATE TABLE commission_rules (
      id INTEGER PRIMARY KEY,
      source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
      effective_from TEXT NOT NULL,
      percent_bp INTEGER NOT NULL CHECK (percent_bp BETWEEN 0 AND 10000),
      min_fee_minor INTEGER CHECK (min_fee_minor IS NULL OR min_fee_minor >= 0),
      currency TEXT NOT NULL,
      UNIQUE (source_id, effective_from)
    ) STRICT;

    CREATE TABLE leads (
      id INTEGER PRIMARY KEY,
      ref TEXT NOT NULL UNIQUE,
      source_id INTEGER NOT NULL REFERENCES sources(id),
      title TEXT NOT NULL,
      client TEXT NOT NULL DEFAULT '',
      url TEXT NOT NULL DEFAULT '',
      stage TEXT NOT NULL CHECK (stage IN ('new','applied','replied','interview','won','lost')),
      furthest_rank INTEGER NOT NULL DEFAULT 0,
      created_on TEXT NOT NULL,
      applied_on TEXT,
      closed_on TEXT,
      connects INTEGER NOT NULL DEFAULT 0 CHECK (connects >= 0),
      boost_connects INTEGER NOT NULL DEFAULT 0 CHECK (boost_connects >= 0),
      connects_refunded INTEGER NOT NULL DEFAULT 0 CHECK (connects_refunded >= 0),
      value_minor INTEGER,
      currency TEXT NOT NULL,
      fee_percent_bp INTEGER CHECK (fee_percent_bp IS NULL OR fee_percent_bp BETWEEN 0 AND 10000),
      lost_reason TEXT NOT NULL DEFAULT '',
      tags TEXT NOT NULL DEFAULT '',
      notes TEXT NOT NULL DEFAULT '',
      follow_up_on TEXT,
      position REAL NOT NULL DEFAULT 0,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX leads_source_created ON leads(source_id, created_on);
    CREATE INDEX leads_created ON leads(created_on);
    CREATE INDEX leads_stage_position ON leads(stage, position);
    CREATE INDEX leads_follow_up ON leads(follow_up_on) WHERE follow_up_on IS NOT NULL;

    CREATE TABLE stage_changes (
      id INTEGER PRIMARY KEY,
      lead_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
      from_stage TEXT,
      to_stage TEXT NOT NULL,
      changed_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX stage_changes_lead ON stage_changes(lead_id, changed_at);

    -- Per channel, day (created_on) and lead currency: the cohort counts of the channel
    -- report, kept in the same transaction as every lead write (src/core/rollups).
    CREATE TABLE lead_rollup (
      source_id INTEGER NOT NULL,
      day TEXT NOT NULL,
      currency TEXT NOT NULL,
      leads INTEGER NOT NULL DEFAULT 0,
      proposals INTEGER NOT NULL DEFAULT 0,
      replies INTEGER NOT NULL DEFAULT 0,
      interviews INTEGER NOT NULL DEFAULT 0,
      wins INTEGER NOT NULL DEFAULT 0,
      connects_spent INTEGER NOT NULL DEFAULT 0,
      connects_refunded INTEGER NOT NULL DEFAULT 0,
      booked_minor INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (source_id, day, currency)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX lead_rollup_day ON lead_rollup(day);

    -- Wins by channel, created_on day and days from applied (else created) to closed: the median's histogram.
    CREATE TABLE win_rollup (
      source_id INTEGER NOT NULL,
      day TEXT NOT NULL,
      days_to_win INTEGER NOT NULL,
      wins INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (source_id, day, days_to_win)
    ) STRICT, WITHOUT ROWID;
  `,
};
