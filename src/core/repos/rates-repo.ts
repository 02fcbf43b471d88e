import type { Database } from 'better-sqlite3';
import { parseRate, type RateTable, rateKey } from '../../shared/reports/fx';

export function listRates(db: Database): { currency: string; month: string; rate: string }[] {
  return db.prepare(`SELECT currency, month, rate FROM fx_rates ORDER BY month DESC, currency`).all() as { currency: string; month: string; rate: string }[];
}

/** All rates, parsed exactly, keyed "CUR|YYYY-MM" (a handful of rows per month: loaded whole). */
export function rateTable(db: Database): RateTable {
  const table = new Map<string, NonNullable<ReturnType<typeof parseRate>>>();
  for (const row of listRates(db)) {
    const rate = parseRate(row.rate);
    if (rate) table.set(rateKey(row.currency, row.month), rate);
  }
  return table;
}

export function setRate(db: Database, currency: string, month: string, rate: string): void {
  db.prepare(`INSERT INTO fx_rates (currency, month, rate) VALUES (?, ?, ?) ON CONFLICT (currency, month) DO UPDATE SET rate = excluded.rate`).run(currency, month, rate);
}

/** Deletes one month's rate; false when there was none. */
export function deleteRate(db: Database, currency: string, month: string): boolean {
  return db.prepare(`DELETE FROM fx_rates WHERE currency = ? AND month = ?`).run(currency, month).changes > 0;
}
