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

type WonLead = { id: number; created_on: string; closed_on: string | null; boosted: number; value_minor: number | null; currency: string; fee_percent_bp: number | null };

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
  const converter = new Converter(base, rateTable(db, base));
  // Plain and boosted proposals summed per day in SQL (a channel can have 100,000s of leads), then
  // each day's net connects valued at that day's credit price.
  const byDay = db
    .prepare(
      `SELECT g.*, cp.unit_price_minor AS price, cp.currency AS price_currency
       FROM (SELECT created_on AS day, boost_connects > 0 AS boosted, stage = 'won' AS won, COUNT(*) AS n,
                    SUM(connects + boost_connects - connects_refunded) AS net
             FROM leads WHERE source_id = @source AND created_on BETWEEN @from AND @to AND applied_on IS NOT NULL GROUP BY 1, 2, 3) g
       LEFT JOIN credit_prices cp ON cp.id = (
         SELECT c.id FROM credit_prices c WHERE c.source_id = @source AND c.effective_from <= g.day ORDER BY c.effective_from DESC LIMIT 1)`,
    )
    .all({ source: source.id, from, to }) as { day: string; boosted: number; won: number; n: number; net: number; price: number | null; price_currency: string | null }[];
  const cells = new Map<string, BoostProposal>();
  const cellOf = (boosted: boolean, won: boolean) => {
    const key = `${boosted}|${won}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { boosted, won, proposals: 0, netConnects: 0, connectsCostMinor: 0, netRevenueMinor: 0 }));
    return cell;
  };
  for (const r of byDay) {
    const cell = cellOf(r.boosted === 1, r.won === 1);
    cell.proposals! += r.n;
    cell.netConnects += r.net;
    if (r.price !== null && r.price_currency !== null) cell.connectsCostMinor += converter.convert(r.net * r.price, r.price_currency, r.day.slice(0, 7)) ?? 0;
  }
  // Net revenue of each won proposal: its payments (gross - fee), else its booked value less the fee it would
  // carry. Won leads are found through the stage index (a few % of all leads), their payments by lead.
  const wonRows = db
    .prepare(
      `SELECT l.id, l.created_on, l.closed_on, l.boost_connects > 0 AS boosted, l.value_minor, l.currency, l.fee_percent_bp,
              p.currency AS paid_currency, substr(p.date, 1, 7) AS paid_month, SUM(p.gross_minor - p.fee_minor) AS paid_net
       FROM leads l INDEXED BY leads_stage_position LEFT JOIN payments p ON p.lead_id = l.id
       WHERE l.stage = 'won' AND l.source_id = ? AND l.created_on BETWEEN ? AND ? AND l.applied_on IS NOT NULL
       GROUP BY l.id, p.currency, paid_month`,
    )
    .all(source.id, from, to) as (WonLead & { paid_currency: string | null; paid_month: string | null; paid_net: number | null })[];
  for (const lead of wonRows) {
    let net: number;
    if (lead.paid_currency !== null && lead.paid_month !== null) {
      net = converter.convert(lead.paid_net ?? 0, lead.paid_currency, lead.paid_month) ?? 0;
    } else if (lead.value_minor) {
      const day = lead.closed_on ?? lead.created_on;
      const fee = commissionFee(lead.value_minor, lead.currency, commissionRuleOn(db, source.id, day), lead.fee_percent_bp);
      net = converter.convert(lead.value_minor - fee, lead.currency, day.slice(0, 7)) ?? 0;
    } else net = 0;
    cellOf(lead.boosted === 1, true).netRevenueMinor += net;
  }
  const proposals = [...cells.values()];
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
