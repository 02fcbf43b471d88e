import { divideHalfEven } from '../money';

export type CommissionRule = { percentBp: number; minFeeMinor: number | null; currency: string };

/**
 * The platform fee on a payment: percent of gross (half to even), at least the rule's minimum
 * when the currencies match. A refund (negative gross) gives back the proportional fee, no minimum.
 */
export function commissionFee(
  grossMinor: number,
  currency: string,
  rule: CommissionRule | undefined,
  overrideBp?: number | null,
): number {
  const bp = overrideBp ?? rule?.percentBp;
  if (bp === undefined || bp === null || grossMinor === 0) return 0;
  const proportional = divideHalfEven(Math.abs(grossMinor) * bp, 10000);
  if (grossMinor < 0) return -proportional;
  const minimum = overrideBp == null && rule?.minFeeMinor != null && rule.currency === currency ? rule.minFeeMinor : 0;
  return Math.max(proportional, minimum);
}
