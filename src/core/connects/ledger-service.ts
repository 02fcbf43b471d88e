import type { z } from 'zod';
import { AppError, fieldError } from '../../shared/api/result';
import type {
  AdjustInput,
  ConnectsLedger,
  ConnectsQuery,
  CreditEntry,
  OpeningInput,
} from '../../shared/api/schemas/connects';
import { toIsoDate } from '../../shared/dates';
import { formatMinorPlain } from '../../shared/money';
import {
  addDaysIso,
  type LedgerCost,
  type LedgerEvent,
  type LedgerRun,
  nextMonth,
  runLedger,
  type UnitPrice,
} from '../../shared/reports/ledger';
import type { Ctx, ReadCtx } from '../context';
import { purchaseChanges } from '../db/change-counters';
import { probe } from '../probes';
import { ledgerOfInputs, ledgerUntilWrite, purchaseLots } from './ledger-cache';
import type { UncountedPurchase } from './purchase-lots';
import {
  type CreditEntryRecord,
  type CreditSourceRecord,
  creditEntries,
  creditPlans,
  creditPriceHistory,
  creditSources,
  dailySpends,
  deleteCreditEntry,
  firstCreditDay,
  getCreditEntry,
  insertAdjustment,
  replaceOpening,
} from './ledger-repo';
import { findSourceByName, getSourceRecord } from '../sources/sources-repo';

export type ChannelLedger = {
  source: CreditSourceRecord;
  start: string | null;
  startAssumed: boolean;
  run: LedgerRun;
  entries: CreditEntryRecord[];
  /** Days with an uncovered part but no credit price to value it. */
  unpricedUncovered: number;
  /** Connects purchases without a count (not in the ledger: the user is asked for it). */
  uncounted: UncountedPurchase[];
  /**
   * Spends dated before the ledger's start (an opening balance entered after months of bids): outside the
   * ledger, neither covered nor uncovered, but still a usage cost at their day's credit price (docs/domain.md §5).
   */
  beforeStart: LedgerCost[];
};

export type { UncountedPurchase } from './purchase-lots';

/** The credit price in force on a day (the latest effective on or before it). */
function priceLookup(
  prices: { effective_from: string; unit_price_minor: number; currency: string }[],
): (day: string) => UnitPrice | null {
  return (day) => {
    let found: UnitPrice | null = null;
    for (const p of prices) {
      if (p.effective_from > day) break;
      found = { unitMinor: p.unit_price_minor, currency: p.currency };
    }
    return found;
  };
}

/**
 * The ledger of one channel up to `upTo` (docs/domain.md §5). `entries` replaces the stored opening balance and
 * adjustments (to test a change before saving it). With the stored ones, the ledger is remembered as ledger-cache.ts
 * says. Callers must not change what it returns.
 */
export function channelLedger(
  ctx: ReadCtx,
  source: CreditSourceRecord,
  upTo: string,
  entries?: CreditEntryRecord[],
): ChannelLedger {
  if (entries) return computeLedger(ctx, source, upTo, entries);
  return ledgerUntilWrite(ctx.db, `${source.id}|${upTo}`, () =>
    computeLedger(ctx, source, upTo, creditEntries(ctx.db, source.id)),
  );
}

function computeLedger(
  ctx: ReadCtx,
  source: CreditSourceRecord,
  upTo: string,
  entries: CreditEntryRecord[],
): ChannelLedger {
  const { db } = ctx;
  // Read first: purchases read after it are at least as new as the counter they are remembered under.
  const changes = purchaseChanges(db);
  const opening = entries.find((e) => e.kind === 'opening');
  const first = opening ? null : firstCreditDay(db, source.id);
  const start = opening ? opening.on_date : first ? `${first.slice(0, 7)}-01` : null;
  const prices = creditPriceHistory(db, source.id);
  const open = start !== null && start <= upTo;
  const plans = open ? creditPlans(db, source.id) : [];
  const spends = open ? dailySpends(db, source.id, start, upTo) : [];
  const earlier =
    start === null ? [] : dailySpends(db, source.id, '0000-01-01', start <= upTo ? addDaysIso(start, -1) : upTo);
  const inputs = JSON.stringify([source, upTo, entries, start, prices, plans, spends, earlier, changes]);
  return ledgerOfInputs(db, inputs, () => {
    probe('ledgerRun');
    const priceOn = priceLookup(prices);
    const events: LedgerEvent[] = [];
    const uncounted: UncountedPurchase[] = [];
    if (open) {
      if (opening && opening.count > 0) {
        const price = priceOn(opening.on_date);
        events.push({
          date: opening.on_date,
          kind: 'opening',
          count: opening.count,
          costMinor: price ? price.unitMinor * opening.count : 0,
          currency: price?.currency ?? null,
        });
      }
      for (let month = start.slice(0, 7); `${month}-01` <= upTo; month = nextMonth(month)) {
        const first = `${month}-01`;
        if (first < start) continue;
        // A plan with included credits active on the 1st replaces the free allowance that month.
        const plan = plans.find((p) => p.starts_on <= first && (p.ends_on === null || p.ends_on >= first));
        const count = plan ? plan.free_credits_monthly : source.free_credits_monthly;
        if (count > 0) events.push({ date: first, kind: 'allowance', count, costMinor: 0, currency: null });
      }
      const purchases = purchaseLots(db, source.id, start, upTo, changes);
      events.push(...purchases.events);
      uncounted.push(...purchases.uncounted);
      for (const e of entries)
        if (e.kind === 'adjustment' && e.on_date >= start)
          events.push({ date: e.on_date, kind: 'adjustment', count: e.count });
      for (const s of spends) events.push({ date: s.day, kind: 'spend', count: s.count });
    }
    const run = runLedger(events, upTo, priceOn);
    const unpricedUncovered = run.uncoveredOn.filter((u) => priceOn(u.date) === null).reduce((n, u) => n + u.count, 0);
    return {
      source,
      start,
      startAssumed: !opening,
      run,
      entries,
      unpricedUncovered,
      uncounted,
      beforeStart: valuedAtTheirDay(earlier, priceOn),
    };
  });
}

/** Spends outside the ledger valued at their day's credit price (nothing when the day has none). */
function valuedAtTheirDay(
  spends: readonly { day: string; count: number }[],
  priceOn: (day: string) => UnitPrice | null,
): LedgerCost[] {
  const costs: LedgerCost[] = [];
  for (const s of spends) {
    const price = priceOn(s.day);
    if (price && price.unitMinor !== 0)
      costs.push({
        date: s.day,
        kind: 'before-start',
        currency: price.currency,
        minor: price.unitMinor * s.count,
        rateMonth: s.day.slice(0, 7),
      });
  }
  return costs;
}

function toEntry(r: CreditEntryRecord): CreditEntry {
  return { id: r.id, sourceId: r.source_id, kind: r.kind, on: r.on_date, count: r.count, note: r.note };
}

/** The "N Connects spent that no … covers" warning of docs/domain.md §5, for the spends counted. */
export function uncoveredWarning(source: CreditSourceRecord, uncovered: number, unpriced: number): string[] {
  const warnings: string[] = [];
  if (uncovered > 0)
    warnings.push(
      `${source.name}: ${uncovered} ${source.credit_name} spent that no opening balance, allowance or purchase covers`,
    );
  if (unpriced > 0)
    warnings.push(
      `${source.name}: ${unpriced} uncovered ${source.credit_name} have no credit price on their day: counted at 0`,
    );
  return warnings;
}

/** A connects purchase without a count is in no balance and no usage cost: say so, with the day and amount. */
export function uncountedWarning(source: CreditSourceRecord, uncounted: readonly UncountedPurchase[]): string[] {
  if (uncounted.length === 0) return [];
  const listed = uncounted
    .slice(0, 3)
    .map((u) => `${u.date} ${formatMinorPlain(u.amount, u.currency)} ${u.currency}`)
    .join(', ');
  const more = uncounted.length > 3 ? ` and ${uncounted.length - 3} more` : '';
  const what =
    uncounted.length === 1
      ? `1 ${source.credit_name} purchase has`
      : `${uncounted.length} ${source.credit_name} purchases have`;
  return [
    `${source.name}: ${what} no count (${listed}${more}): not in the balance or the usage costs; add how many ${source.credit_name} on the Costs page`,
  ];
}

export function ledgerView(l: ChannelLedger): ConnectsLedger {
  const { run, source } = l;
  return {
    source: source.name,
    balance: run.balance,
    expiringIn30Days: run.expiringIn30Days,
    spent: run.spent,
    bought: run.bought,
    allowance: run.allowance,
    adjustments: run.adjustments,
    expired: run.expired,
    uncovered: run.uncovered,
    start: l.start,
    startAssumed: l.startAssumed,
    sourceId: source.id,
    creditName: source.credit_name,
    opening: run.opening,
    months: run.months,
    entries: l.entries.map(toEntry),
    warnings: [
      ...(l.startAssumed && l.start ? [`${source.name}: assumed start ${l.start}; enter your opening balance`] : []),
      ...uncoveredWarning(source, run.uncovered, l.unpricedUncovered),
      ...uncountedWarning(source, l.uncounted),
    ],
  };
}

function resolveChannel(
  ctx: ReadCtx,
  ref: { sourceId?: number | undefined; source?: string | undefined },
): CreditSourceRecord {
  const record =
    ref.sourceId !== undefined ? getSourceRecord(ctx.db, ref.sourceId) : findSourceByName(ctx.db, ref.source ?? '');
  const field = ref.sourceId !== undefined ? 'sourceId' : 'source';
  if (!record)
    throw fieldError(
      field,
      ref.sourceId !== undefined ? `Unknown channel (id ${ref.sourceId})` : `No channel named "${ref.source}"`,
    );
  if (record.credit_name === null)
    throw fieldError(field, `${record.name} has no bidding credits (give it a credit name on the Channels page)`);
  return {
    id: record.id,
    name: record.name,
    credit_name: record.credit_name,
    free_credits_monthly: record.free_credits_monthly,
    archived: record.archived,
  };
}

export function connectsLedgers(
  ctx: ReadCtx,
  query: z.output<typeof ConnectsQuery>,
): { on: string; channels: ConnectsLedger[] } {
  const on = query.on ?? toIsoDate(ctx.now());
  const sources =
    query.sourceId !== undefined || query.source !== undefined
      ? [resolveChannel(ctx, query)]
      : creditSources(ctx.db).filter((s) => !s.archived);
  return { on, channels: sources.map((s) => ledgerView(channelLedger(ctx, s, on))) };
}

/** All uncovered counts up to each day, to compare a ledger with a changed one. */
function shortfalls(run: LedgerRun): Map<string, number> {
  const out = new Map<string, number>();
  for (const u of run.uncoveredOn) out.set(u.date, (out.get(u.date) ?? 0) + u.count);
  return out;
}

/** The first day on which the changed ledger is short where the current one was not, and by how much in all. */
function newShortfall(before: LedgerRun, after: LedgerRun): { day: string; count: number } | null {
  const b = shortfalls(before);
  const a = shortfalls(after);
  const days = [...new Set([...b.keys(), ...a.keys()])].sort();
  let sumA = 0;
  let sumB = 0;
  let first: string | null = null;
  for (const day of days) {
    sumA += a.get(day) ?? 0;
    sumB += b.get(day) ?? 0;
    if (first === null && sumA > sumB) first = day;
  }
  return first === null ? null : { day: first, count: Math.max(sumA - sumB, 1) };
}

/**
 * Refuses a change that leaves credits short where they were not: the first day on which more would be
 * uncovered than before is the day the balance would go negative.
 */
function refuseNegative(ctx: Ctx, source: CreditSourceRecord, changed: CreditEntryRecord[], today: string): void {
  const short = newShortfall(channelLedger(ctx, source, today).run, channelLedger(ctx, source, today, changed).run);
  if (short)
    throw fieldError(
      'count',
      `The ${source.credit_name} balance would go negative on ${short.day} (${short.count} short); nothing was saved`,
    );
}

/** The wording of a shortfall the user may accept (an edit or a delete of an entry or a purchase). */
export function shortfallMessage(source: CreditSourceRecord, short: { day: string; count: number }): string {
  return `${source.name} would be ${short.count} ${source.credit_name} short from ${short.day}: the balance goes below zero that day, and the spends no credit covers are valued at the day's credit price, with a warning in Reports. Confirm to save anyway`;
}

/**
 * Runs `change` (inside the caller's transaction) and checks the ledgers of `sourceIds` before and after:
 * a change that leaves credits short where they were not throws `needs_confirmation` (rolling the change
 * back) unless `confirmed`. Deletes and edits may be confirmed; new entries are refused (`refuseNegative`).
 */
export function guardShortfall<T>(
  ctx: Ctx,
  sourceIds: readonly (number | null)[],
  confirmed: boolean,
  change: () => T,
): T {
  if (confirmed) return change();
  const today = toIsoDate(ctx.now());
  const sources = creditSources(ctx.db).filter((s) => sourceIds.includes(s.id));
  const before = sources.map((s) => channelLedger(ctx, s, today).run);
  const result = change();
  sources.forEach((s, i) => {
    const short = newShortfall(before[i]!, channelLedger(ctx, s, today).run);
    if (short)
      throw new AppError('needs_confirmation', shortfallMessage(s, short), [
        { path: 'confirmShortfall', message: shortfallMessage(s, short) },
      ]);
  });
  return result;
}

function refuseFuture(on: string, today: string): void {
  if (on > today) throw fieldError('on', `${on} is in the future; use today (${today}) or an earlier day`);
}

export function setOpening(ctx: Ctx, input: z.output<typeof OpeningInput>): CreditEntry {
  const { db } = ctx;
  const today = toIsoDate(ctx.now());
  refuseFuture(input.on, today);
  const source = resolveChannel(ctx, input);
  const id = db.transaction(() => {
    const entries = creditEntries(db, source.id);
    const save = () => replaceOpening(db, source.id, input.on, input.count, ctx.now().toISOString());
    // Changing an opening balance is an edit (confirmable); a first one that leaves spends short is refused.
    if (entries.some((e) => e.kind === 'opening'))
      return guardShortfall(ctx, [source.id], input.confirmShortfall === true, save);
    const draft: CreditEntryRecord = {
      id: 0,
      source_id: source.id,
      kind: 'opening',
      on_date: input.on,
      count: input.count,
      note: '',
      created_at: '',
    };
    refuseNegative(ctx, source, [...entries, draft], today);
    return save();
  })();
  return toEntry(getCreditEntry(db, id)!);
}

export function adjustCredits(ctx: Ctx, input: z.output<typeof AdjustInput>): CreditEntry {
  const { db } = ctx;
  const today = toIsoDate(ctx.now());
  refuseFuture(input.on, today);
  const source = resolveChannel(ctx, input);
  const id = db.transaction(() => {
    const current = channelLedger(ctx, source, today);
    if (current.start === null)
      throw fieldError('on', `${source.name} has no ${source.credit_name} recorded yet; set an opening balance first`);
    if (input.on < current.start)
      throw fieldError(
        'on',
        `${input.on} is before the ledger's start (${current.start}); move the opening balance first`,
      );
    const draft: CreditEntryRecord = {
      id: 0,
      source_id: source.id,
      kind: 'adjustment',
      on_date: input.on,
      count: input.count,
      note: input.note,
      created_at: '',
    };
    refuseNegative(ctx, source, [...current.entries, draft], today);
    return insertAdjustment(db, source.id, input.on, input.count, input.note, ctx.now().toISOString());
  })();
  return toEntry(getCreditEntry(db, id)!);
}

/** Deletes an opening balance or an adjustment; one that leaves credits short needs `confirmShortfall`. */
export function deleteEntry(
  ctx: Ctx,
  input: { id: number; confirmShortfall?: boolean | undefined },
): { deleted: boolean } {
  const { db } = ctx;
  return db.transaction(() => {
    const entry = getCreditEntry(db, input.id);
    if (!entry) throw new AppError('not_found', `Ledger entry ${input.id} does not exist`);
    return {
      deleted: guardShortfall(ctx, [entry.source_id], input.confirmShortfall === true, () =>
        deleteCreditEntry(db, input.id),
      ),
    };
  })();
}
