import { AppError } from '../../shared/api/result';
import type { LeadMoney } from '../../shared/api/schemas/lead-money';
import { Converter } from '../../shared/reports/fx';
import type { ReadCtx } from '../context';
import { getLeadRecord } from '../leads/leads-repo';
import { creditPriceHistory } from '../connects/ledger-repo';
import { rateTable } from '../rates/rates-repo';
import { baseCurrency } from '../db/settings-repo';
import { listPayments } from './payments-service';

/**
 * Per-lead money: its payments (gross and fees, converted with their month's rate), the connects it
 * spent valued at the credit price of its created day, and profit = revenue − fees − connects.
 * Subscriptions are the channel's, not the lead's: left out here (the report counts them).
 */
export function leadMoney(ctx: ReadCtx, leadId: number): LeadMoney {
  const lead = getLeadRecord(ctx.db, leadId);
  if (!lead) throw new AppError('not_found', `Lead ${leadId} does not exist`);
  const base = baseCurrency(ctx.db);
  const converter = new Converter(base, rateTable(ctx.db, base));
  const payments = listPayments(ctx, { leadId, limit: 1000, offset: 0 }).items;
  let revenue = 0;
  let fees = 0;
  for (const p of payments) {
    revenue += converter.convert(p.grossMinor, p.currency, p.date.slice(0, 7)) ?? 0;
    fees += converter.convert(p.feeMinor, p.currency, p.date.slice(0, 7), 0) ?? 0;
  }
  // docs/domain.md §8: an outbid boost is not charged.
  const spent = lead.connects + (lead.boost_outcome === 'outbid' ? 0 : lead.boost_connects);
  const net = Math.max(0, spent - lead.connects_refunded);
  const price =
    creditPriceHistory(ctx.db, lead.source_id)
      .filter((p) => p.effective_from <= lead.created_on)
      .at(-1) ?? null;
  const connectsCost = price
    ? (converter.convert(net * price.unit_price_minor, price.currency, lead.created_on.slice(0, 7)) ?? 0)
    : 0;
  return {
    leadId,
    currency: base,
    payments,
    connects: {
      spent,
      refunded: lead.connects_refunded,
      net,
      unitPriceMinor: price?.unit_price_minor ?? null,
      priceCurrency: price?.currency ?? null,
    },
    revenue,
    fees,
    connectsCost,
    profit: revenue - fees - connectsCost,
    warnings: converter.warnings,
  };
}
