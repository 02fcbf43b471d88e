import type { ReadableDB, WritableDB } from '../db/handles';
import { parseRate, type RateTable, rateKey } from '../../shared/reports/fx';

export type RateRecord = { currency: string; month: string; rate: string };

/** The rates entered against `base` (rates of another base are kept, never reinterpreted). */
export function listRates(db: ReadableDB, base: string): RateRecord[] {
  return db
    .prepare(`SELECT currency, month, rate FROM fx_rates WHERE base = ? ORDER BY month DESC, currency`)
    .all(base) as RateRecord[];
}

/** How many rates were entered against other base currencies (the warning after a base change). */
export function ratesOfOtherBases(db: ReadableDB, base: string): { base: string; rates: number }[] {
  return db
    .prepare(`SELECT base, COUNT(*) AS rates FROM fx_rates WHERE base != ? GROUP BY base ORDER BY base`)
    .all(base) as { base: string; rates: number }[];
}

/** The rates of `base`, parsed exactly, keyed "CUR|YYYY-MM" (a handful of rows per month: loaded whole). */
export function rateTable(db: ReadableDB, base: string): RateTable {
  const table = new Map<string, NonNullable<ReturnType<typeof parseRate>>>();
  for (const row of listRates(db, base)) {
    const rate = parseRate(row.rate);
    if (rate) table.set(rateKey(row.currency, row.month), rate);
  }
  return table;
}

export function setRate(db: WritableDB, base: string, currency: string, month: string, rate: string): void {
  db.prepare(
    `INSERT INTO fx_rates (base, currency, month, rate) VALUES (?, ?, ?, ?) ON CONFLICT (base, currency, month) DO UPDATE SET rate = excluded.rate`,
  ).run(base, currency, month, rate);
}

/** Deletes one month's rate of `base`; false when there was none. */
export function deleteRate(db: WritableDB, base: string, currency: string, month: string): boolean {
  return (
    db.prepare(`DELETE FROM fx_rates WHERE base = ? AND currency = ? AND month = ?`).run(base, currency, month)
      .changes > 0
  );
}
