import type { Migration } from './types';

// Money: payments, expenses, subscriptions, exchange rates, with day rollups for reports.
export const migration0002: Migration = {
  version: 2,
  name: 'money',
  up: `
    CREATE TABLE payments (
      id INTEGER PRIMARY KEY,
      ref TEXT NOT NULL UNIQUE,
      date TEXT NOT NULL,
      source_id INTEGER NOT NULL REFERENCES sources(id),
      lead_id INTEGER REFERENCES leads(id) ON DELETE SET NULL,
      description TEXT NOT NULL DEFAULT '',
      gross_minor INTEGER NOT NULL,
      fee_minor INTEGER NOT NULL DEFAULT 0,
      fee_computed INTEGER NOT NULL DEFAULT 0 CHECK (fee_computed IN (0, 1)),
      currency TEXT NOT NULL,
      import_id INTEGER,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX payments_date ON payments(date);
    CREATE INDEX payments_source_date ON payments(source_id, date);
    CREATE INDEX payments_lead ON payments(lead_id) WHERE lead_id IS NOT NULL;

    CREATE TABLE expenses (
      id INTEGER PRIMARY KEY,
      ref TEXT NOT NULL UNIQUE,
      date TEXT NOT NULL,
      source_id INTEGER REFERENCES sources(id),
      category TEXT NOT NULL CHECK (category IN ('connects','subscription','advertising','fee','tax','other')),
      description TEXT NOT NULL DEFAULT '',
      amount_minor INTEGER NOT NULL,
      currency TEXT NOT NULL,
      connects INTEGER NOT NULL DEFAULT 0 CHECK (connects >= 0),
      import_id INTEGER,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX expenses_date ON expenses(date);
    CREATE INDEX expenses_source_date ON expenses(source_id, date);

    CREATE TABLE subscriptions (
      id INTEGER PRIMARY KEY,
      source_id INTEGER NOT NULL REFERENCES sources(id),
      name TEXT NOT NULL,
      period TEXT NOT NULL CHECK (period IN ('monthly','yearly')),
      amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
      currency TEXT NOT NULL,
      starts_on TEXT NOT NULL,
      ends_on TEXT,
      free_credits_monthly INTEGER NOT NULL DEFAULT 0 CHECK (free_credits_monthly >= 0),
      created_at TEXT NOT NULL,
      CHECK (ends_on IS NULL OR ends_on >= starts_on)
    ) STRICT;
    CREATE INDEX subscriptions_source ON subscriptions(source_id, starts_on);

    -- rate: base-currency units per one unit of currency, for the month YYYY-MM.
    CREATE TABLE fx_rates (
      currency TEXT NOT NULL,
      month TEXT NOT NULL,
      rate TEXT NOT NULL,
      PRIMARY KEY (currency, month)
    ) STRICT, WITHOUT ROWID;

    ALTER TABLE leads ADD COLUMN import_id INTEGER;

    CREATE TABLE payment_rollup (
      source_id INTEGER NOT NULL,
      day TEXT NOT NULL,
      currency TEXT NOT NULL,
      gross_minor INTEGER NOT NULL DEFAULT 0,
      fee_minor INTEGER NOT NULL DEFAULT 0,
      payments INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (source_id, day, currency)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX payment_rollup_day ON payment_rollup(day);

    -- source_id 0: expenses not tied to a channel.
    CREATE TABLE expense_rollup (
      source_id INTEGER NOT NULL,
      day TEXT NOT NULL,
      category TEXT NOT NULL,
      currency TEXT NOT NULL,
      amount_minor INTEGER NOT NULL DEFAULT 0,
      connects_bought INTEGER NOT NULL DEFAULT 0,
      expenses INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (source_id, day, category, currency)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX expense_rollup_day ON expense_rollup(day);
  `,
};
