import type { ReadableDB } from '../db/handles';
import type { LedgerEvent } from '../../shared/reports/ledger';
import { dailyPurchases, purchasesBetween } from './ledger-repo';

// The credits ledger's purchase lots (docs/domain.md §5: each connects purchase its own lot), read from the rollups.
// What is kept of them across writes, and when it is read again, is in ledger-cache.ts.

export type UncountedPurchase = { date: string; amount: number; currency: string };
export type PurchaseLots = { events: LedgerEvent[]; uncounted: UncountedPurchase[] };

/**
 * A channel's connects purchases from `from` to `upTo`, read from the rollups: a day-and-currency row
 * that sums one expense is that expense; a day with more is read expense by expense, in the order
 * entered, so two purchases on one day at different prices stay two lots. Purchases without a count
 * are returned apart: they cannot enter the ledger.
 */
export function readPurchases(db: ReadableDB, sourceId: number, from: string, upTo: string): PurchaseLots {
  const rows = dailyPurchases(db, sourceId, from, upTo);
  const perDay = new Map<string, number>();
  for (const r of rows) perDay.set(r.day, (perDay.get(r.day) ?? 0) + r.expenses);
  const events: LedgerEvent[] = [];
  const uncounted: UncountedPurchase[] = [];
  const add = (date: string, p: { count: number; amount: number; currency: string }) => {
    if (p.count > 0) events.push({ date, kind: 'purchase', count: p.count, costMinor: p.amount, currency: p.currency });
    else if (p.amount > 0) uncounted.push({ date, amount: p.amount, currency: p.currency });
  };
  // Days of several purchases are read one by one (in entry order), all in one query; a day of one
  // purchase is its rollup row.
  const several = rows.filter((r) => perDay.get(r.day)! > 1);
  const singles = rows.filter((r) => perDay.get(r.day) === 1);
  const each =
    several.length === 0 ? [] : purchasesBetween(db, sourceId, several[0]!.day, several[several.length - 1]!.day);
  let s = 0;
  let e = 0;
  // Merge by day: the rollup rows and the read rows are both in day order.
  while (s < singles.length || e < each.length) {
    const p = each[e];
    if (p && (perDay.get(p[0]) ?? 0) <= 1) {
      e++; // a day of one purchase inside the range: its rollup row stands for it
      continue;
    }
    if (s < singles.length && (!p || singles[s]!.day <= p[0])) {
      add(singles[s]!.day, singles[s]!);
      s++;
    } else if (p) {
      add(p[0], { currency: p[1], count: p[2], amount: p[3] });
      e++;
    }
  }
  return { events, uncounted };
}
