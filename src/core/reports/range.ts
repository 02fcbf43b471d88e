import { fieldError } from '../../shared/api/result';
import { toIsoDate } from '../../shared/dates';
import type { ReadCtx } from '../context';
import { planCharges } from '../subscriptions/plan-charges';
import { recordSpan } from './report-repo';

export type RangeQuery = { from?: string | null; to?: string | null };

/**
 * The range a report covers (docs/domain.md §4). A missing `from` starts at the earliest record; a missing `to`
 * is today. Anything dated after today is a projection and never extends the range. An empty store with
 * no bounds gives today..today.
 */
export function resolveRange(ctx: ReadCtx, query: RangeQuery): { from: string; to: string } {
  const today = toIsoDate(ctx.now());
  if (query.from && query.to && query.to < query.from) throw fieldError('to', 'The end date is before the start date');
  if (query.from && query.to) return { from: query.from, to: query.to };
  if (query.from) return { from: query.from, to: query.from > today ? query.from : today };
  const to = query.to ?? today;
  const first = recordSpan(ctx.db).first;
  return { from: first !== null && first <= to ? first : to, to };
}

/** docs/domain.md §4: a report reaching past today says how many planned charges it counts. */
export function plannedChargesNote(ctx: ReadCtx, from: string, to: string): string[] {
  const today = toIsoDate(ctx.now());
  if (to <= today) return [];
  const n = planCharges(ctx.db, from > today ? from : today, to).filter(
    (c) => c.date > today && c.matched === null,
  ).length;
  if (n === 0) return []; // nothing planned is counted: nothing to say
  return [`includes ${n} planned charge${n === 1 ? '' : 's'} after today`];
}
