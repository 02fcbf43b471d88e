import { daysBetween } from '../../shared/dates';
import type { RollupBatch, RollupSpec } from './rollup-batch';

// Month rollups ('YYYY-MM', month first in the key: migration 0004): reports read whole months here
// and only the partial months at a range's edges from the day tables. RollupBatch.flush keeps them
// from the batch's day deltas (rollsUpTo), so adding a record costs no more than before.
export const leadRollupMonth: RollupSpec = {
  table: 'lead_rollup_month',
  keys: ['month', 'source_id', 'currency'],
  values: [
    'leads',
    'proposals',
    'replies',
    'interviews',
    'wins',
    'connects_spent',
    'connects_refunded',
    'booked_minor',
  ],
};
export const winRollupMonth: RollupSpec = {
  table: 'win_rollup_month',
  keys: ['month', 'source_id', 'days_to_win'],
  values: ['wins'],
};
export const paymentRollupMonth: RollupSpec = {
  table: 'payment_rollup_month',
  keys: ['month', 'source_id', 'currency'],
  values: ['payments', 'gross_minor', 'fee_minor'],
};
export const expenseRollupMonth: RollupSpec = {
  table: 'expense_rollup_month',
  keys: ['month', 'source_id', 'category', 'currency'],
  values: ['expenses', 'amount_minor', 'connects_bought'],
};

export const timeRollupMonth: RollupSpec = {
  table: 'time_rollup_month',
  keys: ['month', 'source_id'],
  values: ['entries', 'sales_minutes', 'delivery_minutes'],
};

/** Leads per stage, channel, closed day ('' while open) and currency: the board's column totals (migration 0012). */
export const stageRollup: RollupSpec = {
  table: 'lead_stage_rollup',
  keys: ['stage', 'source_id', 'closed_on', 'currency'],
  values: ['leads', 'valued', 'value_minor'],
};

/** Day key (source_id, day, ...rest) -> month key (month, source_id, ...rest). */
const toMonthKey = ([sourceId, day, ...rest]: readonly unknown[]) => [(day as string).slice(0, 7), sourceId, ...rest];

export const leadRollup: RollupSpec = {
  table: 'lead_rollup',
  keys: ['source_id', 'day', 'currency'],
  values: leadRollupMonth.values,
  rollsUpTo: { spec: leadRollupMonth, key: toMonthKey },
};

export const winRollup: RollupSpec = {
  table: 'win_rollup',
  keys: ['source_id', 'day', 'days_to_win'],
  values: winRollupMonth.values,
  rollsUpTo: { spec: winRollupMonth, key: toMonthKey },
};

export const paymentRollup: RollupSpec = {
  table: 'payment_rollup',
  keys: ['source_id', 'day', 'currency'],
  values: paymentRollupMonth.values,
  rollsUpTo: { spec: paymentRollupMonth, key: toMonthKey },
};

export const expenseRollup: RollupSpec = {
  table: 'expense_rollup',
  keys: ['source_id', 'day', 'category', 'currency'],
  values: expenseRollupMonth.values,
  rollsUpTo: { spec: expenseRollupMonth, key: toMonthKey },
};

export const timeRollup: RollupSpec = {
  table: 'time_rollup',
  keys: ['source_id', 'day'],
  values: timeRollupMonth.values,
  rollsUpTo: { spec: timeRollupMonth, key: toMonthKey },
};

/** The columns of a lead that the report counts. */
export type LeadFacts = {
  source_id: number;
  created_on: string;
  currency: string;
  stage: string;
  furthest_rank: number;
  applied_on: string | null;
  closed_on: string | null;
  connects: number;
  boost_connects: number;
  connects_refunded: number;
  value_minor: number | null;
  /** docs/domain.md §8: an `outbid` boost is not charged. */
  boost_outcome: string | null;
};

export type PaymentFacts = {
  source_id: number;
  date: string;
  currency: string;
  gross_minor: number;
  fee_minor: number;
};

export type ExpenseFacts = {
  source_id: number | null;
  date: string;
  category: string;
  currency: string;
  amount_minor: number;
  connects: number;
};

export function addLead(batch: RollupBatch, lead: LeadFacts, sign: 1 | -1): void {
  const won = lead.stage === 'won';
  const values = [
    1,
    lead.applied_on ? 1 : 0,
    lead.furthest_rank >= 2 ? 1 : 0,
    lead.furthest_rank >= 3 ? 1 : 0,
    won ? 1 : 0,
    lead.connects + (lead.boost_outcome === 'outbid' ? 0 : lead.boost_connects),
    lead.connects_refunded,
    won ? (lead.value_minor ?? 0) : 0,
  ];
  batch.add(leadRollup, [lead.source_id, lead.created_on, lead.currency], values, sign);
  if (won && lead.closed_on) {
    const days = daysBetween(lead.applied_on ?? lead.created_on, lead.closed_on);
    batch.add(winRollup, [lead.source_id, lead.created_on, days], [1], sign);
  }
  const value = lead.value_minor;
  batch.add(
    stageRollup,
    [lead.stage, lead.source_id, lead.closed_on ?? '', lead.currency],
    [1, value === null ? 0 : 1, value ?? 0],
    sign,
  );
}

export function addPayment(batch: RollupBatch, p: PaymentFacts, sign: 1 | -1): void {
  batch.add(paymentRollup, [p.source_id, p.date, p.currency], [1, p.gross_minor, p.fee_minor], sign);
}

export function addExpense(batch: RollupBatch, e: ExpenseFacts, sign: 1 | -1): void {
  batch.add(expenseRollup, [e.source_id ?? 0, e.date, e.category, e.currency], [1, e.amount_minor, e.connects], sign);
}

export type TimeFacts = { source_id: number; date: string; kind: 'sales' | 'delivery'; minutes: number };

export function addTime(batch: RollupBatch, t: TimeFacts, sign: 1 | -1): void {
  batch.add(
    timeRollup,
    [t.source_id, t.date],
    [1, t.kind === 'sales' ? t.minutes : 0, t.kind === 'delivery' ? t.minutes : 0],
    sign,
  );
}
