import type { ReadableDB } from '../db/handles';
import type { LedgerEvent } from '../../shared/reports/ledger';
import { allPurchaseDays, changedPurchaseDays } from '../db/change-counters';
import { dataStamp } from '../db/data-stamp';
import { probe } from '../probes';
import { type PurchaseLots, readPurchases, type UncountedPurchase } from './purchase-lots';

// Everything the credits ledger remembers, per connection, in one place (docs/architecture.md, Design notes: "The
// credits ledger is remembered across writes").
//
// One freshness rule: a remembered value is used only while the stamp it was stored under still holds, the stamp
// read before anything the value is computed from; and nothing read inside a transaction is stored (it may be rolled
// back). The stamp of each value is the narrowest one that moves with everything it was computed from:
// - a channel's ledger on a day: the data stamp (db/data-stamp.ts), which moves with any write by anyone;
// - the ledger's FIFO run: its inputs themselves (the channel, the day, opening and adjustments, prices, plans, spends
//   per day), the counter of connects-purchase changes among them (db/change-counters.ts, moved by triggers);
// - the purchase lots of a channel, per day: that counter, caught up by reading again only the days its triggers
//   noted (every day, when a change no trigger saw noted "every day").
// So a write that changes none of a ledger's inputs (a note, a payment) costs the next ledger its few small reads;
// one that changes only the spends, the FIFO run; one that changes a purchase, that day's read and the run.

type ChannelLots = { days: string[]; byDay: Map<string, PurchaseLots> };

type Remembered = {
  /** The data stamp `ledgers` were stored under. */
  stamp: string;
  /** Ledgers by channel and day, under `stamp`. */
  ledgers: Map<string, unknown>;
  /** Ledgers by everything they were computed from (their stamp is their key). */
  runs: Map<string, unknown>;
  /** Purchase lots by channel, under the counter of purchase changes `changes`. */
  lots: { changes: number; byChannel: Map<number, ChannelLots> } | undefined;
};

const remembered = new WeakMap<ReadableDB, Remembered>();
/** How many ledgers are kept under one data stamp, and across writes (the oldest go first). */
const ledgersPerStamp = 32;
const runsKept = 8;
/** Beyond this many changed days, reading the channels whole is as quick. */
const maxDaysToRead = 200;

function of(db: ReadableDB): Remembered {
  let r = remembered.get(db);
  if (!r) remembered.set(db, (r = { stamp: '', ledgers: new Map(), runs: new Map(), lots: undefined }));
  return r;
}

function keep(map: Map<string, unknown>, key: string, value: unknown, max: number): void {
  if (map.size >= max) map.delete(map.keys().next().value!);
  map.set(key, value);
}

/** The ledger of a channel on a day (`key`), remembered until the next write. */
export function ledgerUntilWrite<T>(db: ReadableDB, key: string, compute: () => T): T {
  if (db.inTransaction) return compute();
  const stamp = dataStamp(db);
  const r = of(db);
  if (r.stamp !== stamp) {
    r.stamp = stamp;
    r.ledgers.clear();
  }
  if (r.ledgers.has(key)) return r.ledgers.get(key) as T;
  const value = compute();
  keep(r.ledgers, key, value, ledgersPerStamp);
  return value;
}

/** A ledger by everything it was computed from (`inputs`, the purchase counter among them), across writes. */
export function ledgerOfInputs<T>(db: ReadableDB, inputs: string, compute: () => T): T {
  if (db.inTransaction) return compute();
  const { runs } = of(db);
  if (runs.has(inputs)) return runs.get(inputs) as T;
  const value = compute();
  keep(runs, inputs, value, runsKept);
  return value;
}

function readChannel(db: ReadableDB, sourceId: number): ChannelLots {
  probe('lotChannelRead');
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

function readDay(db: ReadableDB, sourceId: number, lots: ChannelLots, day: string): void {
  probe('lotDayRead');
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
function catchUp(db: ReadableDB, kept: NonNullable<Remembered['lots']>, changes: number): boolean {
  if (changes < kept.changes) return false;
  const moved = changedPurchaseDays(db, kept.changes);
  if (moved.length > maxDaysToRead || moved.some((m) => m.source_id === allPurchaseDays)) return false;
  for (const m of moved) {
    const lots = kept.byChannel.get(m.source_id);
    if (lots) readDay(db, m.source_id, lots, m.day);
  }
  kept.changes = changes;
  return true;
}

/**
 * The purchase lots of a channel from `from` to `upTo`, in day order (docs/domain.md §5: each connects purchase its
 * own lot). `changes` is the counter of purchase changes, read before anything else: lots read after it are at least
 * as new as it says. Callers must not change what it returns.
 */
export function purchaseLots(
  db: ReadableDB,
  sourceId: number,
  from: string,
  upTo: string,
  changes: number,
): PurchaseLots {
  if (db.inTransaction) return readPurchases(db, sourceId, from, upTo);
  const r = of(db);
  if (r.lots && r.lots.changes !== changes && !catchUp(db, r.lots, changes)) r.lots = undefined;
  r.lots ??= { changes, byChannel: new Map() };
  let lots = r.lots.byChannel.get(sourceId);
  if (!lots) r.lots.byChannel.set(sourceId, (lots = readChannel(db, sourceId)));
  const events: LedgerEvent[] = [];
  const uncounted: UncountedPurchase[] = [];
  for (let i = firstFrom(lots.days, from); i < lots.days.length && lots.days[i]! <= upTo; i++) {
    const day = lots.byDay.get(lots.days[i]!)!;
    for (const e of day.events) events.push(e);
    for (const u of day.uncounted) uncounted.push(u);
  }
  return { events, uncounted };
}
