import type { LedgerCost } from '../../shared/reports/ledger';
import { creditSources } from '../connects/ledger-repo';
import { connectsByPrice } from './report-repo';
import { type ChannelLedger, channelLedger, uncountedWarning, uncoveredWarning } from '../connects/ledger-service';
import { ExactBaseSums } from './exact-sum';
import type { ReportInput } from './parts';

/** The credits ledger of every credit channel up to the range's end (docs/domain.md §5). */
export function rangeLedgers({ ctx, to }: ReportInput): ChannelLedger[] {
  return creditSources(ctx.db).map((source) => channelLedger(ctx, source, to));
}

const inRange = (input: ReportInput, day: string) => day >= input.from && day <= input.to;

/** Credits that expired unused in the range, and purchases without a count (both bases). */
export function addExpiredCredits(input: ReportInput, ledgers: readonly ChannelLedger[]): void {
  for (const l of ledgers) {
    for (const e of l.run.expiredOn)
      if (inRange(input, e.date)) input.cells.cell(l.source.id, e.date.slice(0, 7)).sums.connectsExpired += e.count;
    input.warnings.push(
      ...uncountedWarning(
        l.source,
        l.uncounted.filter((u) => inRange(input, u.date)),
      ),
    );
  }
}

/**
 * docs/domain.md §4/§5 usage costs of credit channels: the ledger's costs dated in the range (FIFO spends,
 * uncovered spends, expiries, negative adjustments) plus the spends before the ledger's start at their
 * day's price. Each cost is converted at its own rate month (a lot's purchase month), summed exactly per
 * channel and month of use, and rounded once.
 */
export function addLedgerUsage(input: ReportInput, ledgers: readonly ChannelLedger[]): void {
  const sums = new ExactBaseSums(input.base, input.rates, input.converter);
  const add = (sourceId: number, c: LedgerCost) => {
    if (inRange(input, c.date)) sums.add(`${sourceId}|${c.date.slice(0, 7)}`, c.minor, c.currency, c.rateMonth);
  };
  for (const l of ledgers) {
    for (const c of l.beforeStart) add(l.source.id, c);
    for (const c of l.run.costs) add(l.source.id, c);
    const uncovered = l.run.uncoveredOn.filter((u) => inRange(input, u.date));
    const priced = new Set(
      l.run.costs.filter((c) => c.kind === 'uncovered' || c.kind === 'adjustment').map((c) => c.date),
    );
    const unpriced = uncovered.filter((u) => !priced.has(u.date));
    input.warnings.push(
      ...uncoveredWarning(
        l.source,
        uncovered.filter((u) => !u.adjustment).reduce((n, u) => n + u.count, 0),
        unpriced.reduce((n, u) => n + u.count, 0),
      ),
    );
  }
  for (const [key, value] of sums.rounded()) {
    const [sourceId, month] = key.split('|') as [string, string];
    input.cells.addCost(Number(sourceId), month, 'connects used', value);
  }
}

/** Channels that bid with credits but keep no ledger: net connects valued at each day's credit price. */
export function addPricedConnects(
  input: ReportInput,
  ledgers: readonly ChannelLedger[],
  names: ReadonlyMap<number, string>,
): void {
  const creditIds = new Set(ledgers.map((l) => l.source.id));
  const sums = new ExactBaseSums(input.base, input.rates, input.converter);
  const unpriced = new Map<number, number>();
  for (const r of connectsByPrice(input.ctx.db, input.plan)) {
    if (creditIds.has(r.source_id)) continue;
    if (r.price === null || r.price_currency === null) {
      unpriced.set(r.source_id, (unpriced.get(r.source_id) ?? 0) + r.net);
      continue;
    }
    sums.add(`${r.source_id}|${r.month}`, r.net * r.price, r.price_currency, r.month);
  }
  for (const [key, value] of sums.rounded()) {
    const [sourceId, month] = key.split('|') as [string, string];
    input.cells.addCost(Number(sourceId), month, 'connects used', value);
  }
  for (const [sourceId, net] of unpriced) {
    if (net !== 0)
      input.warnings.push(
        `${names.get(sourceId) ?? `#${sourceId}`}: ${net} connects used before any credit price was set: counted at 0`,
      );
  }
}
