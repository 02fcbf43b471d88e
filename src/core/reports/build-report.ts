import type { Attribution, Basis, ChannelReport, ReportDetail } from '../../shared/api/schemas/reports';
import { Converter } from '../../shared/reports/fx';
import { addSums, channelMetrics, emptySums, hasActivity } from '../../shared/reports/metrics';
import type { ReadCtx } from '../context';
import { rateTable } from '../rates/rates-repo';
import { recordSpan } from './report-repo';
import { baseCurrency } from '../db/settings-repo';
import { reportSources } from '../sources/sources-repo';
import { planRange } from '../rollups/ranges';
import { addExpenseBreakdown, addExpenses, addPlanCharges } from './cash-costs';
import { ReportCells } from './cells';
import { addCohort, winDays } from './cohort';
import { addHours } from './hours';
import type { ReportInput } from './parts';
import { plannedChargesNote, resolveRange } from './range';
import { addRevenue, moveToFirstTouch } from './revenue';
import { addExpiredCredits, addLedgerUsage, addPricedConnects, rangeLedgers } from './usage-costs';

const noChannelName = '(no channel)';

export type ReportQuery = { from?: string | null; to?: string | null; basis?: Basis; attribution?: Attribution };

/**
 * The channel report (docs/domain.md §4-§6), built from its parts: the cohort, revenue (and first-touch
 * attribution), cash costs (expenses, plan charges), usage costs (the credits ledger), hours. Each part
 * adds into a channel x month grid, which is then summed per channel and in total. `withDetail` adds
 * the chart data of the Reports page.
 */
export function buildReport(
  ctx: ReadCtx,
  query: ReportQuery,
  withDetail = true,
  options: { dayOnly?: boolean } = {},
): { report: ChannelReport; detail: Omit<ReportDetail, 'report' | 'hoursCoverage'> } {
  const { db } = ctx;
  const { from, to } = resolveRange(ctx, query);
  const base = baseCurrency(db);
  const rates = rateTable(db, base);
  const input: ReportInput = {
    ctx,
    from,
    to,
    base,
    rates,
    // Whole months from the month rollups, partial edge months by day (rollups/ranges.ts); dayOnly: the reference path for tests.
    plan: planRange(from, to, recordSpan(db), options.dayOnly),
    basis: query.basis ?? 'usage',
    collapse: withDetail ? null : base,
    converter: new Converter(base, rates),
    cells: new ReportCells(),
    warnings: [],
  };
  const sources = reportSources(db);

  addCohort(input);
  const ledgers = rangeLedgers(input);
  addExpiredCredits(input, ledgers);
  if (input.basis === 'usage') {
    addLedgerUsage(input, ledgers);
    addPricedConnects(input, ledgers, new Map(sources.map((s) => [s.id, s.name])));
  }
  addRevenue(input);
  if (query.attribution === 'first') moveToFirstTouch(input);
  addExpenses(input);
  if (withDetail) addExpenseBreakdown(input);
  addPlanCharges(input);
  addHours(input);
  const histograms = winDays(input);

  const ordered = [
    ...sources.map((s) => ({ id: s.id, name: s.name, color: s.color })),
    { id: 0, name: noChannelName, color: '#8a8f98' },
  ];
  const totals = emptySums();
  const channels: ChannelReport['channels'] = [];
  const detailSources: ReportDetail['sources'] = [];
  const monthly = new Map<string, Record<string, number>>();
  const breakdown: ReportDetail['costBreakdown'] = [];
  for (const source of ordered) {
    const months = input.cells.byChannel.get(source.id);
    if (!months) continue;
    const sums = emptySums();
    sums.daysToWin = histograms.get(source.id) ?? new Map();
    const byCategory = new Map<string, number>();
    for (const [month, c] of months) {
      addSums(sums, c.sums);
      for (const [category, amount] of c.costsByCategory)
        byCategory.set(category, (byCategory.get(category) ?? 0) + amount);
      const row = monthly.get(month) ?? {};
      row[source.name] = (row[source.name] ?? 0) + c.sums.revenue - c.sums.fees - c.sums.costs;
      monthly.set(month, row);
    }
    if (!hasActivity(sums)) continue;
    addSums(totals, sums);
    channels.push({ source: source.name, ...channelMetrics(sums) });
    detailSources.push({ source: source.name, sourceId: source.id === 0 ? null : source.id, color: source.color });
    for (const [category, amount] of byCategory)
      if (amount !== 0) breakdown.push({ source: source.name, category, amount });
  }
  const listed = new Set(channels.map((c) => c.source));
  const report: ChannelReport = {
    from,
    to,
    basis: input.basis,
    currency: base,
    channels,
    totals: channelMetrics(totals),
    warnings: [...input.converter.warnings, ...input.warnings, ...plannedChargesNote(ctx, from, to)],
  };
  const monthlyRows = [...monthly.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([month, profit]) => ({
      month,
      profit: Object.fromEntries(Object.entries(profit).filter(([name]) => listed.has(name))),
    }));
  return { report, detail: { sources: detailSources, monthly: monthlyRows, costBreakdown: breakdown } };
}
