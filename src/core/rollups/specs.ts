import type { RollupSpec } from './rollup-batch';

// The rollup tables. What a row adds to them is next to the row's repository (addLead in leads-repo.ts,
// addPayment, addExpense, addTime likewise), its facts typed from the table's column descriptor.

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
