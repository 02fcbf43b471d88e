import { daysBetween } from '../../shared/dates';

export type DayRange = readonly [string, string];

/**
 * How a report reads an inclusive day range [from, to] from the rollups. The whole calendar months
 * inside it come from the month tables. A partial month at an edge is read either day by day from
 * the day table (`add`), or whole from the month table minus its days outside the range
 * (`subtract`), whichever reads fewer days; days outside the span of the records cost nothing, so
 * "all time" reads month rows only. Sums are integers, so both ways give the same sums per month.
 */
export type RangePlan = {
  /** Months 'YYYY-MM' read whole from the month tables (inclusive), or null. */
  months: readonly [string, string] | null;
  /** Day ranges added from the day tables (at most two). */
  add: readonly DayRange[];
  /** Day ranges subtracted: the days outside the range of an edge month read whole (at most two). */
  subtract: readonly DayRange[];
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

function shiftDay(day: string, by: 1 | -1): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + by)).toISOString().slice(0, 10);
}

/** The span of days holding records (recordSpan); days outside it hold no rollup rows. */
export type RecordSpan = { first: string | null; last: string | null };

/** Days of [a, b] inside the span (a rough cost of reading them from a day table). */
function cost([a, b]: DayRange, span: RecordSpan): number {
  if (span.first === null || span.last === null) return 0;
  const lo = a > span.first ? a : span.first;
  const hi = b < span.last ? b : span.last;
  return lo > hi ? 0 : daysBetween(lo, hi) + 1;
}

/**
 * Splits [from, to] (ISO days, from <= to). `dayOnly` reads everything from the day tables: the
 * reference path the tests compare with.
 */
export function planRange(from: string, to: string, span: RecordSpan, dayOnly = false): RangePlan {
  if (dayOnly) return { months: null, add: [[from, to]], subtract: [] };
  const fromMonth = from.slice(0, 7);
  const toMonth = to.slice(0, 7);
  let first: string | null = from.endsWith('-01') ? fromMonth : nextMonth(fromMonth);
  let last: string | null = to === lastDayOf(toMonth) ? toMonth : previousMonth(toMonth);
  if (first > last) first = last = null;
  const add: DayRange[] = [];
  const subtract: DayRange[] = [];
  const edges = fromMonth === toMonth ? [fromMonth] : [fromMonth, toMonth];
  for (const month of edges) {
    const start = `${month}-01`;
    const end = lastDayOf(month);
    const inside: DayRange = [from > start ? from : start, to < end ? to : end];
    if (inside[0] === start && inside[1] === end) continue; // a whole month, already in [first, last]
    const outside: DayRange[] = [];
    if (inside[0] > start) outside.push([start, shiftDay(inside[0], -1)]);
    if (inside[1] < end) outside.push([shiftDay(inside[1], 1), end]);
    if (outside.reduce((n, r) => n + cost(r, span), 0) < cost(inside, span)) {
      subtract.push(...outside);
      if (first === null || month < first) first = month;
      if (last === null || month > last) last = month;
    } else {
      add.push(inside);
    }
  }
  return { months: first !== null && last !== null ? [first, last] : null, add, subtract };
}

export type PlanParams = Record<'m1' | 'm2' | 'a1' | 'a2' | 'b1' | 'b2' | 's1' | 's2' | 'u1' | 'u2', string | null>;

/**
 * Named parameters of the report queries: @m1..@m2 whole months, @a1..@a2 and @b1..@b2 days added,
 * @s1..@s2 and @u1..@u2 days subtracted. A missing part is NULL, which matches nothing.
 */
export function planParams(plan: RangePlan): PlanParams {
  const [a, b] = plan.add;
  const [s, u] = plan.subtract;
  return {
    m1: plan.months?.[0] ?? null,
    m2: plan.months?.[1] ?? null,
    a1: a?.[0] ?? null,
    a2: a?.[1] ?? null,
    b1: b?.[0] ?? null,
    b2: b?.[1] ?? null,
    s1: s?.[0] ?? null,
    s2: s?.[1] ?? null,
    u1: u?.[0] ?? null,
    u2: u?.[1] ?? null,
  };
}
