import { addMonths, addYears, getDaysInMonth } from 'date-fns';
import { fromIsoDate, toIsoDate } from '../dates';

export type SubscriptionPlan = {
  period: 'monthly' | 'yearly';
  amountMinor: number;
  startsOn: string;
  endsOn: string | null;
};

/**
 * The n-th charge date of a plan: monthly on the start's day of month, yearly on its anniversary,
 * clamped to the month's last day (31 Jan -> 28 Feb -> 31 Mar; 29 Feb -> 28 Feb next year).
 */
export function chargeDate(plan: Pick<SubscriptionPlan, 'period' | 'startsOn'>, n: number): string {
  const start = fromIsoDate(plan.startsOn);
  const day = start.getDate();
  const month =
    plan.period === 'monthly'
      ? addMonths(new Date(start.getFullYear(), start.getMonth(), 1), n)
      : addYears(new Date(start.getFullYear(), start.getMonth(), 1), n);
  month.setDate(Math.min(day, getDaysInMonth(month)));
  return toIsoDate(month);
}

/**
 * Dated cost entries of a plan inside [from, to] (inclusive): one charge per period, from its start,
 * while the charge date is on or before `endsOn`.
 */
export function expandSubscription(
  plan: SubscriptionPlan,
  from: string,
  to: string,
): { date: string; amountMinor: number }[] {
  const last = plan.endsOn !== null && plan.endsOn < to ? plan.endsOn : to;
  const entries: { date: string; amountMinor: number }[] = [];
  if (plan.startsOn > last) return entries;
  // Skip whole periods before `from` without walking them one by one.
  const months = plan.period === 'monthly' ? 1 : 12;
  const gap =
    from > plan.startsOn
      ? (Number(from.slice(0, 4)) - Number(plan.startsOn.slice(0, 4))) * 12 +
        Number(from.slice(5, 7)) -
        Number(plan.startsOn.slice(5, 7))
      : 0;
  let n = Math.max(0, Math.floor(gap / months) - 1);
  for (;;) {
    const date = chargeDate(plan, n);
    if (date > last) break;
    if (date >= from) entries.push({ date, amountMinor: plan.amountMinor });
    n++;
  }
  return entries;
}

/** Two plans overlap when each starts before the other ends (open end = forever). */
export function plansOverlap(
  a: Pick<SubscriptionPlan, 'startsOn' | 'endsOn'>,
  b: Pick<SubscriptionPlan, 'startsOn' | 'endsOn'>,
): boolean {
  return (a.endsOn === null || b.startsOn <= a.endsOn) && (b.endsOn === null || a.startsOn <= b.endsOn);
}
