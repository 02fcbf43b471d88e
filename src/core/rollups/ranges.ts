/**
 * How a report reads an inclusive day range [from, to]: the whole calendar months inside it from
 * the month rollups, and the partial months at its edges (at most one at each end) from the day
 * rollups. Every month of the range comes from exactly one of the three parts, so sums per month
 * are the same as a day-only read.
 */
export type RangePlan = {
  /** Days before the first whole month (inclusive), or null. */
  head: readonly [string, string] | null;
  /** Whole months 'YYYY-MM' (inclusive), or null when the range holds no whole month. */
  months: readonly [string, string] | null;
  /** Days after the last whole month (inclusive), or null. */
  tail: readonly [string, string] | null;
};

function monthParts(month: string): [number, number] {
  return [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
}

function monthText(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function nextMonth(month: string): string {
  const [y, m] = monthParts(month);
  return m === 12 ? monthText(y + 1, 1) : monthText(y, m + 1);
}

export function previousMonth(month: string): string {
  const [y, m] = monthParts(month);
  return m === 1 ? monthText(y - 1, 12) : monthText(y, m - 1);
}

export function lastDayOf(month: string): string {
  const [y, m] = monthParts(month);
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** Splits [from, to] (ISO days, from <= to). `dayOnly` reads everything from the day tables (the reference path). */
export function planRange(from: string, to: string, dayOnly = false): RangePlan {
  const fromMonth = from.slice(0, 7);
  const toMonth = to.slice(0, 7);
  const firstWhole = from.endsWith('-01') ? fromMonth : nextMonth(fromMonth);
  const lastWhole = to === lastDayOf(toMonth) ? toMonth : previousMonth(toMonth);
  if (dayOnly || firstWhole > lastWhole) return { head: [from, to], months: null, tail: null };
  return {
    head: firstWhole === fromMonth ? null : [from, lastDayOf(fromMonth)],
    months: [firstWhole, lastWhole],
    tail: lastWhole === toMonth ? null : [`${toMonth}-01`, to],
  };
}

export type PlanParams = { h1: string | null; h2: string | null; m1: string | null; m2: string | null; t1: string | null; t2: string | null };

/** Named parameters @h1 @h2 (head days), @m1 @m2 (whole months), @t1 @t2 (tail days) of the report queries; NULL matches nothing. */
export function planParams(plan: RangePlan): PlanParams {
  return {
    h1: plan.head?.[0] ?? null, h2: plan.head?.[1] ?? null,
    m1: plan.months?.[0] ?? null, m2: plan.months?.[1] ?? null,
    t1: plan.tail?.[0] ?? null, t2: plan.tail?.[1] ?? null,
  };
}
