import type { Database } from 'better-sqlite3';
import { movePurchaseChanges } from '../db/change-counters';
import { hasColumn, hasTable } from '../db/statements';

const timeRebuild = `
  DELETE FROM time_rollup;
  INSERT INTO time_rollup (source_id, day, entries, sales_minutes, delivery_minutes)
  SELECT source_id, date, COUNT(*), SUM(CASE WHEN kind = 'sales' THEN minutes ELSE 0 END), SUM(CASE WHEN kind = 'delivery' THEN minutes ELSE 0 END)
  FROM time_entries GROUP BY source_id, date;
  DELETE FROM time_rollup_month;
  INSERT INTO time_rollup_month (month, source_id, entries, sales_minutes, delivery_minutes)
  SELECT substr(day, 1, 7) AS month, source_id, SUM(entries), SUM(sales_minutes), SUM(delivery_minutes)
  FROM time_rollup GROUP BY month, source_id;
`;

const stageRebuild = `
  DELETE FROM lead_stage_rollup;
  INSERT INTO lead_stage_rollup (stage, source_id, closed_on, currency, leads, valued, value_minor)
  SELECT stage, source_id, COALESCE(closed_on, ''), currency, COUNT(*), COUNT(value_minor), COALESCE(SUM(value_minor), 0)
  FROM leads GROUP BY stage, source_id, COALESCE(closed_on, ''), currency;
`;

/** Rollups that came with later migrations (time: 0007, stages: 0012); the migration tests also check older schemas. */
const laterRebuilds = [
  ['time_rollup', timeRebuild],
  ['lead_stage_rollup', stageRebuild],
] as const;

/**
 * Recomputes every rollup from the base tables. Used by `leadledger check --repair`
 * and by tests that prove the incremental path equals this one.
 */
export function rebuildRollups(db: Database): void {
  // A database older than the bid facts (migration 0018) has no boost_outcome: every boost was charged.
  const spent = hasColumn(db, 'leads', 'boost_outcome')
    ? `connects + iif(boost_outcome = 'outbid', 0, boost_connects)`
    : 'connects + boost_connects';
  db.transaction(() => {
    db.exec(`
      DELETE FROM lead_rollup;
      INSERT INTO lead_rollup (source_id, day, currency, leads, proposals, replies, interviews, wins, connects_spent, connects_refunded, booked_minor)
      SELECT source_id, created_on, currency, COUNT(*),
             SUM(applied_on IS NOT NULL), SUM(furthest_rank >= 2), SUM(furthest_rank >= 3), SUM(stage = 'won'),
             SUM(${spent}), SUM(connects_refunded),
             SUM(CASE WHEN stage = 'won' THEN COALESCE(value_minor, 0) ELSE 0 END)
      FROM leads GROUP BY source_id, created_on, currency;

      DELETE FROM win_rollup;
      INSERT INTO win_rollup (source_id, day, days_to_win, wins)
      SELECT source_id, created_on,
             CAST(julianday(closed_on) - julianday(COALESCE(applied_on, created_on)) AS INTEGER) AS days_to_win, COUNT(*)
      FROM leads WHERE stage = 'won' AND closed_on IS NOT NULL GROUP BY source_id, created_on, days_to_win;

      DELETE FROM payment_rollup;
      INSERT INTO payment_rollup (source_id, day, currency, payments, gross_minor, fee_minor)
      SELECT source_id, date, currency, COUNT(*), SUM(gross_minor), SUM(fee_minor) FROM payments GROUP BY source_id, date, currency;

      DELETE FROM expense_rollup;
      INSERT INTO expense_rollup (source_id, day, category, currency, expenses, amount_minor, connects_bought)
      SELECT COALESCE(source_id, 0), date, category, currency, COUNT(*), SUM(amount_minor), SUM(connects)
      FROM expenses GROUP BY COALESCE(source_id, 0), date, category, currency;

      -- Month rollups: the day rows just rebuilt, summed per month.
      DELETE FROM lead_rollup_month;
      INSERT INTO lead_rollup_month (month, source_id, currency, leads, proposals, replies, interviews, wins, connects_spent, connects_refunded, booked_minor)
      SELECT substr(day, 1, 7) AS month, source_id, currency, SUM(leads), SUM(proposals), SUM(replies), SUM(interviews), SUM(wins),
             SUM(connects_spent), SUM(connects_refunded), SUM(booked_minor)
      FROM lead_rollup GROUP BY month, source_id, currency;

      DELETE FROM win_rollup_month;
      INSERT INTO win_rollup_month (month, source_id, days_to_win, wins)
      SELECT substr(day, 1, 7) AS month, source_id, days_to_win, SUM(wins)
      FROM win_rollup GROUP BY month, source_id, days_to_win;

      DELETE FROM payment_rollup_month;
      INSERT INTO payment_rollup_month (month, source_id, currency, gross_minor, fee_minor, payments)
      SELECT substr(day, 1, 7) AS month, source_id, currency, SUM(gross_minor), SUM(fee_minor), SUM(payments)
      FROM payment_rollup GROUP BY month, source_id, currency;

      DELETE FROM expense_rollup_month;
      INSERT INTO expense_rollup_month (month, source_id, category, currency, amount_minor, connects_bought, expenses)
      SELECT substr(day, 1, 7) AS month, source_id, category, currency, SUM(amount_minor), SUM(connects_bought), SUM(expenses)
      FROM expense_rollup GROUP BY month, source_id, category, currency;
    `);
    for (const [table, rebuild] of laterRebuilds) if (hasTable(db, table)) db.exec(rebuild);
    // The credits ledger remembers purchases read partly from expense_rollup under this counter (0013).
    if (hasTable(db, 'change_counters')) movePurchaseChanges(db);
  })();
}

export const rollupTables = [
  'lead_rollup',
  'win_rollup',
  'payment_rollup',
  'expense_rollup',
  'lead_rollup_month',
  'win_rollup_month',
  'payment_rollup_month',
  'expense_rollup_month',
  'time_rollup',
  'time_rollup_month',
  'lead_stage_rollup',
] as const;

/** Rows where the stored rollups differ from a fresh computation (empty when consistent). */
export function rollupDrift(db: Database): string[] {
  const tables = rollupTables.filter((t) => hasTable(db, t));
  const dump = (t: string) => JSON.stringify(db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2, 3, 4`).all());
  const before = tables.map(dump);
  const drift: string[] = [];
  const savepoint = db.transaction(() => {
    rebuildRollups(db);
    tables.forEach((t, i) => {
      const after = dump(t);
      if (after !== before[i]) drift.push(t);
    });
    throw new RollbackSignal();
  });
  try {
    savepoint();
  } catch (error) {
    if (!(error instanceof RollbackSignal)) throw error;
  }
  return drift;
}

class RollbackSignal extends Error {}
