import type { ReadableDB } from '../db/handles';
import { commissionFee } from '../../shared/domain/fees';
import { prepared } from '../db/statements';
import { commissionRuleOn } from '../costs/cost-rules-repo';

export type PaymentFeeInput = {
  sourceId: number;
  /** Payment date YYYY-MM-DD: picks the commission rule in force that day. */
  date: string;
  grossMinor: number;
  currency: string;
  leadId?: number | null;
};

/**
 * The platform fee for a payment whose fee was not given: the linked lead's `fee_percent_bp`
 * override when set (and the lead is of the payment's channel), else the source's commission rule on the payment date (percent of gross,
 * half to even; minimum fee when the rule's currency matches; refunds give back the proportional fee).
 * Pure reads only, so it runs inside the caller's transaction (CSV import, payments service).
 */
export function resolvePaymentFee(db: ReadableDB, input: PaymentFeeInput): number {
  let overrideBp: number | null = null;
  if (input.leadId != null) {
    const lead = prepared(db, `SELECT fee_percent_bp, source_id FROM leads WHERE id = ?`).get(input.leadId) as
      { fee_percent_bp: number | null; source_id: number } | undefined;
    // The override is the lead's own channel's fee: a payment of another channel keeps its channel's rule.
    overrideBp = lead && lead.source_id === input.sourceId ? lead.fee_percent_bp : null;
  }
  const rule = commissionRuleOn(db, input.sourceId, input.date);
  return commissionFee(input.grossMinor, input.currency, rule, overrideBp);
}
