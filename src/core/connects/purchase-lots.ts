import type { Database } from 'better-sqlite3';
import type { LedgerEvent } from '../../shared/reports/ledger';
import { allPurchaseDays, changedPurchaseDays } from '../db/change-counters';
import { dailyPurchases, purchasesBetween } from './ledger-repo';

// The credits ledger's purchase lots (docs/domain.md §5: each connects purchase its own lot), kept per
// channel and day across writes. The counter of connects-purchase changes (migration 0013) says
// whether any changed since they were read; the days its triggers noted (0014) say which, and only
// those days are read again: saving one purchase costs one day's read, not the ~12,500 purchases of
// a channel at a million expenses. Nothing read inside a transaction is kept (it may be rolled back).

export type UncountedPurchase = { date: string; amount: number; currency: string };
export type PurchaseLots = { events: LedgerEvent[]; uncounted: UncountedPurchase[] };

type ChannelLots = { days: string[]; byDay: Map<string, PurchaseLots> };
type Kept = { changes: number; byChannel: Map<number, ChannelLots> };

const kept = new WeakMap<Database, Kept>();
/** Beyond this many changed days, reading the channels whole is as quick. */
const maxDaysToRead = 200;

/** Reads in this process (tests tell a day read again from a channel read whole). */
export const lotReads = { channels: 0, days: 0 };

/**
 * A channel's connects purchases from `from` to `upTo`, read from the rollups: a day-and-currency row
 * that sums one expense is that expense; a day with more is read expense by expense, in the order
 * entered, so two purchases on one day at different prices stay two lots. Purchases without a count
 * are returned apart: they cannot enter the ledger.
 */
function readPurchases(db: Database, sourceId: number, from: string, upTo: string): PurchaseLots {
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

function readChannel(db: Database, sourceId: number): ChannelLots {
  lotReads.channels++;
  const all = readPurchases(db, sourceId, '0000-01-01', '9999-12-31');
  const byDay = new Map<string, PurchaseLots>();
  const lotsOf = (day: string) => {
    let lots = byDay.get(day);
    if (!lots) byDay.set(day, (lots = { events: [], uncounted: [] }));
    return lots;
  };
  for (const e of all.events) lotsOf(e.date).events.push(e);
  for (const u of all.uncounted) lotsOf(u.date).uncounted.push(u);
  return { days: [...byDay.keys()].sort(), byDay };
}

/** The index of the first of the sorted `days` on or after `day`. */
function firstFrom(days: readonly string[], day: string): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function readDay(db: Database, sourceId: number, lots: ChannelLots, day: string): void {
  lotReads.days++;
  const now = readPurchases(db, sourceId, day, day);
  const at = firstFrom(lots.days, day);
  const listed = lots.days[at] === day;
  if (now.events.length === 0 && now.uncounted.length === 0) {
    lots.byDay.delete(day);
    if (listed) lots.days.splice(at, 1);
    return;
  }
  lots.byDay.set(day, now);
  if (!listed) lots.days.splice(at, 0, day);
}

/** Brings the kept lots up to `changes` by the days noted since; false when they must be read whole. */
function catchUp(db: Database, k: Kept, changes: number): boolean {
  if (changes < k.changes) return false;
  const moved = changedPurchaseDays(db, k.changes);
  if (moved.length > maxDaysToRead || moved.some((m) => m.source_id === allPurchaseDays)) return false;
  for (const m of moved) {
    const lots = k.byChannel.get(m.source_id);
    if (lots) readDay(db, m.source_id, lots, m.day);
  }
  k.changes = changes;
  return true;
}

function keptChannel(db: Database, sourceId: number, changes: number): ChannelLots {
  let k = kept.get(db);
  if (k && k.changes !== changes && !catchUp(db, k, changes)) k = undefined;
  if (!k) kept.set(db, (k = { changes, byChannel: new Map() }));
  let lots = k.byChannel.get(sourceId);
  if (!lots) k.byChannel.set(sourceId, (lots = readChannel(db, sourceId)));
  return lots;
}

/**
 * The purchase lots of a channel from `from` to `upTo`, in day order. `changes` is the counter of
 * purchase changes, read before anything else: lots read after it are at least as new as it says.
 * Callers must not change what it returns.
 */
export function purchaseLots(
  db: Database,
  sourceId: number,
  from: string,
  upTo: string,
  changes: number,
): PurchaseLots {
  if (db.inTransaction) return readPurchases(db, sourceId, from, upTo);
  const lots = keptChannel(db, sourceId, changes);
  const events: LedgerEvent[] = [];
  const uncounted: UncountedPurchase[] = [];
  for (let i = firstFrom(lots.days, from); i < lots.days.length && lots.days[i]! <= upTo; i++) {
    const day = lots.byDay.get(lots.days[i]!)!;
    for (const e of day.events) events.push(e);
    for (const u of day.uncounted) uncounted.push(u);
  }
  return { events, uncounted };
}
