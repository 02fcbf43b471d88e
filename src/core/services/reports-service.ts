import { fieldError } from '../../shared/api/result';
import type { Attribution, Basis, ChannelReport, ReportDetail } from '../../shared/api/schemas/reports';
import { toIsoDate } from '../../shared/dates';
import { Converter } from '../../shared/reports/fx';
import { addSums, type ChannelSums, channelMetrics, emptySums, hasActivity } from '../../shared/reports/metrics';
import type { Ctx } from '../context';
import { rateTable } from '../repos/rates-repo';
import { connectsByPrice, expenseMonths, expenseTotals, leadMonths, paymentMonths, recordSpan, timeMonths, winHistogram } from '../repos/report-repo';
import { baseCurrency } from '../repos/settings-repo';
import { reportSources } from '../repos/sources-repo';
import { planRange } from '../rollups/ranges';
import { creditSources } from '../repos/ledger-repo';
import { channelLedger, uncountedWarning, uncoveredWarning } from './ledger-service';
import { planCharges } from '../repos/plan-charges';
import { attributionShifts } from '../repos/attribution-repo';

const noChannelName = '(no channel)';

export type ReportQuery = { from?: string | null; to?: string | null; basis?: Basis; attribution?: Attribution };

/**
 * The range a report covers. A missing `from` starts at the earliest record; a missing `to` ends
 * at the later of today and the latest record (so open subscriptions are charged up to today).
 * An empty store with no bounds gives today..today. The range used is printed in the report.
 */
export function resolveRange(ctx: Ctx, query: ReportQuery): { from: string; to: string } {
  const today = toIsoDate(ctx.now());
  if (query.from && query.to && query.to < query.from) throw fieldError('to', 'The end date is before the start date');
  if (query.from && query.to) return { from: query.from, to: query.to };
  const span = recordSpan(ctx.db);
  let to = query.to ?? (span.last && span.last > today ? span.last : today);
  let from = query.from ?? span.first ?? to;
  if (from > to) {
    if (query.from) to = from;
    else from = to;
  }
  return { from, to };
}

type Cell = { sums: ChannelSums; costsByCategory: Map<string, number> };

/**
 * Builds the channel report from the rollup tables (DOMAIN.md §4). Amounts are summed per
 * channel, month and currency in SQL (revenue, fees, booked value, expenses of the counted
 * categories together, subscription charges, connects used valued at each day's price), each sum
 * converted with its month's rate (left out and listed in warnings without one), then added up per
 * channel and in total. `withDetail` adds the chart data of the Reports page.
 */
export function buildReport(
  ctx: Ctx,
  query: ReportQuery,
  withDetail = true,
  options: { dayOnly?: boolean } = {},
): { report: ChannelReport; detail: Omit<ReportDetail, 'report'> } {
  const { db } = ctx;
  const { from, to } = resolveRange(ctx, query);
  // Whole months from the month rollups, partial edge months by day (rollups/ranges.ts); dayOnly: the reference path for tests.
  const plan = planRange(from, to, recordSpan(db), options.dayOnly);
  const basis: Basis = query.basis ?? 'usage';
  const base = baseCurrency(db);
  // Without the monthly chart, base-currency sums need no month: one row per channel instead of one per month (month '').
  const collapse = withDetail ? null : base;
  const converter = new Converter(base, rateTable(db, base));
  const extraWarnings: string[] = [];
  const sources = reportSources(db);
  // Per channel and month: feeds the table (summed) and the monthly profit chart.
  const cells = new Map<number, Map<string, Cell>>();
  const cell = (sourceId: number, month: string): Cell => {
    let months = cells.get(sourceId);
    if (!months) cells.set(sourceId, (months = new Map()));
    let c = months.get(month);
    if (!c) months.set(month, (c = { sums: emptySums(), costsByCategory: new Map() }));
    return c;
  };
  const addCost = (c: Cell, category: string, amount: number) => {
    c.sums.costs += amount;
    c.costsByCategory.set(category, (c.costsByCategory.get(category) ?? 0) + amount);
  };

  for (const r of leadMonths(db, plan, collapse)) {
    const s = cell(r.source_id, r.month).sums;
    s.leads += r.leads;
    s.proposals += r.proposals;
    s.replies += r.replies;
    s.interviews += r.interviews;
    s.wins += r.wins;
    s.connectsSpent += r.connects_spent;
    s.connectsRefunded += r.connects_refunded;
    if (r.booked_minor !== 0) s.booked += converter.convert(r.booked_minor, r.currency, r.month, r.wins) ?? 0;
  }

  // Credit channels: the ledger up to the range's end (DOMAIN §5) gives expired credits and, on the usage
  // basis, the cost of the credits used; other channels value their connects at each day's price.
  const ledgers = creditSources(db).map((source) => channelLedger(ctx, source, to));
  const creditIds = new Set(ledgers.map((l) => l.source.id));
  const inRange = (day: string) => day >= from && day <= to;
  for (const l of ledgers) {
    for (const e of l.run.expiredOn) if (inRange(e.date)) cell(l.source.id, e.date.slice(0, 7)).sums.connectsExpired += e.count;
    extraWarnings.push(...uncountedWarning(l.source, l.uncounted.filter((u) => inRange(u.date))));
  }
  if (basis === 'usage') {
    const used = new Map<string, { sourceId: number; month: string; currency: string; value: number }>();
    const use = (sourceId: number, month: string, currency: string, value: number) => {
      const key = `${sourceId}|${month}|${currency}`;
      const entry = used.get(key) ?? { sourceId, month, currency, value: 0 };
      entry.value += value;
      used.set(key, entry);
    };
    for (const l of ledgers) {
      // Costs come in date order (one or more a day): consecutive ones of a month and currency are summed first.
      let month = '';
      let currency = '';
      let sum = 0;
      for (const c of l.run.costs) {
        if (!inRange(c.date)) continue;
        if (month === '' || c.currency !== currency || !c.date.startsWith(month)) {
          if (month !== '') use(l.source.id, month, currency, sum);
          month = c.date.slice(0, 7);
          currency = c.currency;
          sum = 0;
        }
        sum += c.minor;
      }
      if (month !== '') use(l.source.id, month, currency, sum);
      const uncovered = l.run.uncoveredOn.filter((u) => inRange(u.date));
      const priced = new Set(l.run.costs.filter((c) => c.kind === 'uncovered' || c.kind === 'adjustment').map((c) => c.date));
      const unpriced = uncovered.filter((u) => !priced.has(u.date));
      extraWarnings.push(...uncoveredWarning(l.source, uncovered.filter((u) => !u.adjustment).reduce((n, u) => n + u.count, 0), unpriced.reduce((n, u) => n + u.count, 0)));
    }
    const unpriced = new Map<number, number>();
    // Valued per day's price in SQL groups, then summed per channel, month and price currency before converting.
    for (const r of connectsByPrice(db, plan)) {
      if (creditIds.has(r.source_id)) continue;
      if (r.price === null || r.price_currency === null) {
        unpriced.set(r.source_id, (unpriced.get(r.source_id) ?? 0) + r.net);
        continue;
      }
      use(r.source_id, r.month, r.price_currency, r.net * r.price);
    }
    for (const u of used.values()) {
      const value = converter.convert(u.value, u.currency, u.month, 1);
      if (value !== undefined) addCost(cell(u.sourceId, u.month), 'connects used', value);
    }
    for (const [sourceId, net] of unpriced) {
      if (net === 0) continue;
      const name = sources.find((s) => s.id === sourceId)?.name ?? `#${sourceId}`;
      extraWarnings.push(`${name}: ${net} connects used before any credit price was set: counted at 0`);
    }
  }

  for (const r of paymentMonths(db, plan, collapse)) {
    const s = cell(r.source_id, r.month).sums;
    const gross = converter.convert(r.gross, r.currency, r.month, r.payments);
    const fee = converter.convert(r.fee, r.currency, r.month, 0);
    if (gross !== undefined) s.revenue += gross;
    if (fee !== undefined) s.fees += fee;
  }
  // First touch moves each shifted gross (converted once) from the payment's channel to its client's
  // first source: totals stay equal to last touch, fees and costs stay where they were charged.
  if (query.attribution === 'first') {
    for (const r of attributionShifts(db, from, to)) {
      const gross = converter.convert(r.gross, r.currency, r.month, 0);
      if (gross === undefined) continue;
      const month = collapse !== null && r.currency === collapse ? '' : r.month;
      cell(r.from_id, month).sums.revenue -= gross;
      cell(r.to_id, month).sums.revenue += gross;
    }
  }

  // Costs count expenses converted per channel, month and currency; the per-category split feeds
  // only the breakdown chart (its own conversions, so its rounding never changes the table).
  for (const r of expenseTotals(db, plan, basis === 'usage', collapse)) {
    const amount = converter.convert(r.amount, r.currency, r.month, r.expenses);
    if (amount !== undefined) cell(r.source_id, r.month).sums.costs += amount;
  }
  if (withDetail) {
    const chartConverter = new Converter(base, rateTable(db, base));
    for (const r of expenseMonths(db, plan)) {
      if (basis === 'usage' && r.category === 'connects') continue;
      const amount = chartConverter.convert(r.amount, r.currency, r.month, r.expenses);
      if (amount === undefined) continue;
      const c = cell(r.source_id, r.month);
      c.costsByCategory.set(r.category, (c.costsByCategory.get(r.category) ?? 0) + amount);
    }
  }

  // Subscription plans become dated charges, except those a recorded charge matches (counted as that
  // expense: DOMAIN §5); summed per channel, month and currency first.
  const charges = new Map<string, { sourceId: number; month: string; currency: string; amount: number; count: number }>();
  for (const charge of planCharges(db, from, to)) {
    if (charge.matched) continue;
    const month = charge.date.slice(0, 7);
    const key = `${charge.plan.source_id}|${month}|${charge.plan.currency}`;
    const entry = charges.get(key) ?? { sourceId: charge.plan.source_id, month, currency: charge.plan.currency, amount: 0, count: 0 };
    entry.amount += charge.amountMinor;
    entry.count++;
    charges.set(key, entry);
  }
  for (const e of charges.values()) {
    const amount = converter.convert(e.amount, e.currency, e.month, e.count);
    if (amount !== undefined) addCost(cell(e.sourceId, e.month), 'subscription', amount);
  }

  // Hours (DOMAIN §6): time entries dated in the range, per channel and month, from the time rollups.
  for (const r of timeMonths(db, plan)) {
    const s = cell(r.source_id, collapse === null ? r.month : '').sums;
    s.salesMinutes += r.sales;
    s.deliveryMinutes += r.delivery;
  }

  const histograms = new Map<number, Map<number, number>>();
  for (const w of winHistogram(db, plan)) {
    const h = histograms.get(w.source_id) ?? new Map<number, number>();
    h.set(w.days, (h.get(w.days) ?? 0) + w.wins);
    histograms.set(w.source_id, h);
  }

  const ordered = [...sources.map((s) => ({ id: s.id, name: s.name, color: s.color })), { id: 0, name: noChannelName, color: '#8a8f98' }];
  const totals = emptySums();
  const channels: ChannelReport['channels'] = [];
  const detailSources: ReportDetail['sources'] = [];
  const monthly = new Map<string, Record<string, number>>();
  const breakdown: ReportDetail['costBreakdown'] = [];
  for (const source of ordered) {
    const months = cells.get(source.id);
    if (!months) continue;
    const sums = emptySums();
    sums.daysToWin = histograms.get(source.id) ?? new Map();
    const byCategory = new Map<string, number>();
    for (const [month, c] of months) {
      addSums(sums, c.sums);
      for (const [category, amount] of c.costsByCategory) byCategory.set(category, (byCategory.get(category) ?? 0) + amount);
      const profit = c.sums.revenue - c.sums.fees - c.sums.costs;
      const row = monthly.get(month) ?? {};
      row[source.name] = (row[source.name] ?? 0) + profit;
      monthly.set(month, row);
    }
    if (!hasActivity(sums)) continue;
    addSums(totals, sums);
    channels.push({ source: source.name, ...channelMetrics(sums) });
    detailSources.push({ source: source.name, sourceId: source.id === 0 ? null : source.id, color: source.color });
    for (const [category, amount] of byCategory) if (amount !== 0) breakdown.push({ source: source.name, category, amount });
  }
  const listed = new Set(channels.map((c) => c.source));
  const report: ChannelReport = {
    from,
    to,
    basis,
    currency: base,
    channels,
    totals: channelMetrics(totals),
    warnings: [...converter.warnings, ...extraWarnings],
  };
  const monthlyRows = [...monthly.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([month, profit]) => ({ month, profit: Object.fromEntries(Object.entries(profit).filter(([name]) => listed.has(name))) }));
  return { report, detail: { sources: detailSources, monthly: monthlyRows, costBreakdown: breakdown } };
}

export function channelReport(ctx: Ctx, query: ReportQuery): ChannelReport {
  return buildReport(ctx, query, false).report;
}

export function reportDetail(ctx: Ctx, query: ReportQuery): ReportDetail {
  const { report, detail } = buildReport(ctx, query);
  return { report, ...detail };
}
