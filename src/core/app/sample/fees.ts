import type { ReadableDB } from '../../db/handles';
import { commissionFee } from '../../../shared/domain/fees';
import { listCommissionRules } from '../../costs/cost-rules-repo';

type Rule = { from: string; bp: number; min: number | null };
/** Each channel's commission rules, oldest first. */
export type SampleRules = Map<number, Rule[]>;

export function loadRules(db: ReadableDB): SampleRules {
  const rules: SampleRules = new Map();
  // Oldest first: feeFor takes the last rule in force.
  for (const r of listCommissionRules(db).reverse()) {
    const list = rules.get(r.source_id) ?? [];
    list.push({ from: r.effective_from, bp: r.percent_bp, min: r.min_fee_minor });
    rules.set(r.source_id, list);
  }
  return rules;
}

/** The channel's fee on a payment of `gross` on `day`, as the rule in force that day sets it. */
export function feeFor(rules: SampleRules, sourceId: number, day: string, gross: number): number {
  const rule = rules
    .get(sourceId)
    ?.filter((r) => r.from <= day)
    .at(-1);
  return commissionFee(gross, 'USD', rule && { percentBp: rule.bp, minFeeMinor: rule.min, currency: 'USD' });
}
