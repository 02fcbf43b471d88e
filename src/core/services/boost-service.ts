import { AppError } from '../../shared/api/result';
import type { BoostReport } from '../../shared/api/schemas/reports';
import { toIsoDate } from '../../shared/dates';
import { commissionFee } from '../../shared/domain/fees';
import { analyseBoost, type BoostProposal } from '../../shared/reports/boost';
import { Converter } from '../../shared/reports/fx';
import type { Ctx } from '../context';
import { commissionRuleOn, creditPriceOn } from '../repos/cost-rules-repo';
import { rateTable } from '../repos/rates-repo';
import { baseCurrency } from '../repos/settings-repo';
import { requireSource } from '../repos/sources-repo';
import { resolveRange } from './reports-service';

type LeadRow = {
  id: number; created_on: string; closed_on: string | null; stage: string; connects: number; boost_connects: number;
  connects_refunded: number; value_minor: number | null; currency: string; fee_percent_bp: number | null;
};

/**
 * Boost analysis of a credit channel over the proposals (leads with applied_on) created in the
 * range. Scans that channel's leads through the (source_id, created_on) index; not part of the
 * rollup-only main report.
 */
export function boostReport(ctx: Ctx, input: { sourceId: number; from?: string | null; to?: string | null }): BoostReport {
  const { db } = ctx;
  const source = requireSource(db, input.sourceId);
  if (!source.credit_name) throw new AppError('invalid_input', `${source.name} has no bidding credits`, [{ path: 'sourceId', message: 'Not a credit channel' }]);
  const { from, to } = resolveRange(ctx, input);
  const base = baseCurrency(db);
  const converter = new Converter(base, rateTable(db));
  const prices = db
    .prepare(`SELECT effective_from, unit_price_minor, currency FROM credit_prices WHERE source_id = ? ORDER BY effective_from`)
    .all(source.id) as { effective_from: string; unit_price_minor: number; currency: string }[];
  const priceOn = (day: string) => prices.filter((p) => p.effective_from <= day).at(-1);
  const leads = db
    .prepare(
      `SELECT id, created_on, closed_on, stage, connects, boost_connects, connects_refunded, value_minor, currency, fee_percent_bp
       FROM leads WHERE source_id = ? AND created_on BETWEEN ? AND ? AND applied_on IS NOT NULL`,
    )
    .all(source.id, from, to) as LeadRow[];
  // Net revenue of won leads from their payments, per currency and month for conversion.
  const netByLead = new Map<number, number>();
  const paid = db
    .prepare(
      `SELECT p.lead_id, p.currency, substr(p.date, 1, 7) AS month, SUM(p.gross_minor - p.fee_minor) AS net
       FROM payments p JOIN leads l ON l.id = p.lead_id
       WHERE l.source_id = ? AND l.stage = 'won' AND l.created_on BETWEEN ? AND ? GROUP BY 1, 2, 3`,
    )
    .all(source.id, from, to) as { lead_id: number; currency: string; month: string; net: number }[];
  for (const p of paid) netByLead.set(p.lead_id, (netByLead.get(p.lead_id) ?? 0) + (converter.convert(p.net, p.currency, p.month) ?? 0));
  const proposals: BoostProposal[] = leads.map((lead) => {
    const netConnects = lead.connects + lead.boost_connects - lead.connects_refunded;
    const price = priceOn(lead.created_on);
    const cost = price ? (converter.convert(netConnects * price.unit_price_minor, price.currency, lead.created_on.slice(0, 7)) ?? 0) : 0;
    const won = lead.stage === 'won';
    let netRevenue = 0;
    if (won) {
      if (netByLead.has(lead.id)) netRevenue = netByLead.get(lead.id)!;
      else if (lead.value_minor) {
        // Not paid yet: its booked value less the fee it would carry.
        const day = lead.closed_on ?? lead.created_on;
        const fee = commissionFee(lead.value_minor, lead.currency, commissionRuleOn(db, source.id, day), lead.fee_percent_bp);
        netRevenue = converter.convert(lead.value_minor - fee, lead.currency, day.slice(0, 7)) ?? 0;
      }
    }
    return { boosted: lead.boost_connects > 0, won, netConnects, connectsCostMinor: cost, netRevenueMinor: netRevenue };
  });
  const today = toIsoDate(ctx.now());
  const current = creditPriceOn(db, source.id, today);
  const currentPrice = current ? converter.convert(current.unitPriceMinor, current.currency, today.slice(0, 7)) ?? null : null;
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
