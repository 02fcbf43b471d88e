import { AppError } from '../../shared/api/result';
import type { BoostReport } from '../../shared/api/schemas/reports';
import { toIsoDate } from '../../shared/dates';
import { commissionFee } from '../../shared/domain/fees';
import { analyseBoost, type BoostProposal } from '../../shared/reports/boost';
import { Converter } from '../../shared/reports/fx';
import type { ReadCtx } from '../context';
import { boostDays, wonProposals } from './boost-repo';
import { commissionRuleOn, creditPriceOn } from '../costs/cost-rules-repo';
import { rateTable } from '../rates/rates-repo';
import { baseCurrency } from '../db/settings-repo';
import { requireSource } from '../sources/sources-repo';
import { resolveRange } from './reports-service';

/**
 * Boost analysis of a credit channel over the proposals (leads with applied_on) created in the
 * range. Scans that channel's leads through the (source_id, created_on) index; not part of the
 * rollup-only main report.
 */
export function boostReport(
  ctx: ReadCtx,
  input: { sourceId: number; from?: string | null; to?: string | null },
): BoostReport {
  const { db } = ctx;
  const source = requireSource(db, input.sourceId);
  if (!source.credit_name)
    throw new AppError('invalid_input', `${source.name} has no bidding credits`, [
      { path: 'sourceId', message: 'Not a credit channel' },
    ]);
  const { from, to } = resolveRange(ctx, input);
  const base = baseCurrency(db);
  const converter = new Converter(base, rateTable(db, base));
  // Each day's net connects valued at that day's credit price.
  const byDay = boostDays(db, source.id, from, to);
  const cells = new Map<string, BoostProposal>();
  const cellOf = (boosted: boolean, won: boolean) => {
    const key = `${boosted}|${won}`;
    let cell = cells.get(key);
    if (!cell)
      cells.set(key, (cell = { boosted, won, proposals: 0, netConnects: 0, connectsCostMinor: 0, netRevenueMinor: 0 }));
    return cell;
  };
  for (const r of byDay) {
    const cell = cellOf(r.boosted === 1, r.won === 1);
    cell.proposals! += r.n;
    cell.netConnects += r.net;
    cell.boostConnects = (cell.boostConnects ?? 0) + r.bids;
    if (r.price !== null && r.price_currency !== null)
      cell.connectsCostMinor += converter.convert(r.net * r.price, r.price_currency, r.day.slice(0, 7)) ?? 0;
  }
  // Net revenue of each won proposal: its payments (gross - fee), else its booked value less the fee it would carry.
  const wonRows = wonProposals(db, source.id, from, to);
  for (const lead of wonRows) {
    let net: number;
    if (lead.paid_currency !== null && lead.paid_month !== null) {
      net = converter.convert(lead.paid_net ?? 0, lead.paid_currency, lead.paid_month) ?? 0;
    } else if (lead.value_minor) {
      const day = lead.closed_on ?? lead.created_on;
      const fee = commissionFee(
        lead.value_minor,
        lead.currency,
        commissionRuleOn(db, source.id, day),
        lead.fee_percent_bp,
      );
      net = converter.convert(lead.value_minor - fee, lead.currency, day.slice(0, 7)) ?? 0;
    } else net = 0;
    cellOf(lead.boosted === 1, true).netRevenueMinor += net;
  }
  const proposals = [...cells.values()];
  const today = toIsoDate(ctx.now());
  const current = creditPriceOn(db, source.id, today);
  const currentPrice = current
    ? (converter.convert(current.unitPriceMinor, current.currency, today.slice(0, 7)) ?? null)
    : null;
  const analysis = analyseBoost(proposals, currentPrice ?? 0);
  return {
    sourceId: source.id,
    source: source.name,
    creditName: source.credit_name,
    creditPriceMinor: currentPrice,
    currency: base,
    ...analysis,
    breakEvenBoostConnects: currentPrice ? analysis.breakEvenBoostConnects : null,
    warnings: converter.warnings,
  };
}
