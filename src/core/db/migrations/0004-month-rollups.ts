import type { Migration } from './types';

// Month rollups beside the day rollups: a report reads whole months from these (a few hundred rows
// at a million leads) and only the partial months at its range edges from the day tables. Keyed
// month first so a month range is a primary-key range. Filled here from the day rows; from now on
// kept in the same transaction as every write (src/core/rollups/specs.ts).
// Also the leads indexes for sorted paging by title and by value (leads-repo sortColumns).
export const migration0004: Migration = {
  version: 4,
  name: 'month-rollups',
  up: `
    CREATE TABLE lead_rollup_month (
      month TEXT NOT NULL,
      source_id INTEGER NOT NULL,
      currency TEXT NOT NULL,
      leads INTEGER NOT NULL DEFAULT 0,
      proposals INTEGER NOT NULL DEFAULT 0,
      replies INTEGER NOT NULL DEFAULT 0,
      interviews INTEGER NOT NULL DEFAULT 0,
      wins INTEGER NOT NULL DEFAULT 0,
      connects_spent INTEGER NOT NULL DEFAULT 0,
      connects_refunded INTEGER NOT NULL DEFAULT 0,
      booked_minor INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (month, source_id, currency)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO lead_rollup_month (month, source_id, currency, leads, proposals, replies, interviews, wins, connects_spent, connects_refunded, booked_minor)
    SELECT substr(day, 1, 7), source_id, currency, SUM(leads), SUM(proposals), SUM(replies), SUM(interviews), SUM(wins),
           SUM(connects_spent), SUM(connects_refunded), SUM(booked_minor)
    FROM lead_rollup GROUP BY 1, 2, 3;

    CREATE TABLE win_rollup_month (
      month TEXT NOT NULL,
      source_id INTEGER NOT NULL,
      days_to_win INTEGER NOT NULL,
      wins INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (month, source_id, days_to_win)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO win_rollup_month (month, source_id, days_to_win, wins)
    SELECT substr(day, 1, 7), source_id, days_to_win, SUM(wins) FROM win_rollup GROUP BY 1, 2, 3;
    -- The edge months of a range read win_rollup by day (it had only its (source_id, day, ...) key).
    CREATE INDEX win_rollup_day ON win_rollup(day);

    CREATE TABLE payment_rollup_month (
      month TEXT NOT NULL,
      source_id INTEGER NOT NULL,
      currency TEXT NOT NULL,
      gross_minor INTEGER NOT NULL DEFAULT 0,
      fee_minor INTEGER NOT NULL DEFAULT 0,
      payments INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (month, source_id, currency)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO payment_rollup_month (month, source_id, currency, gross_minor, fee_minor, payments)
    SELECT substr(day, 1, 7), source_id, currency, SUM(gross_minor), SUM(fee_minor), SUM(payments) FROM payment_rollup GROUP BY 1, 2, 3;

    -- source_id 0: expenses not tied to a channel (as in expense_rollup).
    CREATE TABLE expense_rollup_month (
      month TEXT NOT NULL,
      source_id INTEGER NOT NULL,
      category TEXT NOT NULL,
      currency TEXT NOT NULL,
      amount_minor INTEGER NOT NULL DEFAULT 0,
      connects_bought INTEGER NOT NULL DEFAULT 0,
      expenses INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (month, source_id, category, currency)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO expense_rollup_month (month, source_id, category, currency, amount_minor, connects_bought, expenses)
    SELECT substr(day, 1, 7), source_id, category, currency, SUM(amount_minor), SUM(connects_bought), SUM(expenses)
    FROM expense_rollup GROUP BY 1, 2, 3, 4;

    CREATE INDEX leads_title ON leads(title COLLATE NOCASE, id);
    CREATE INDEX leads_value ON leads(value_minor, id);
  `,
};
