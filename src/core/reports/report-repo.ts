import type { ReadableDB } from '../db/handles';
import { prepared } from '../db/statements';
import { planParams, type RangePlan } from '../rollups/ranges';

// Every query here reads the rollup tables (never leads/payments/expenses), grouped by month so each
// amount can be converted with its month's rate. A range is read as planned in rollups/ranges.ts:
// whole months from a month table (@m1..@m2), plus days added from the day table (@a1..@a2,
// @b1..@b2), minus days subtracted (@s1..@s2, @u1..@u2: the days outside the range of an edge month
// read whole). One GROUP BY over the parts gives exactly the groups (and their order) of a day-table
// read of the whole range; a group whose record count sums to 0 lies wholly outside and is dropped.
// See reports-service.ts.

type PeriodRead = {
  day: string;
  month: string;
  /** Key columns besides source_id and month. */
  keys: readonly string[];
  /** [column, output name]; the first counts records. */
  values: readonly (readonly [string, string])[];
  /** Extra condition on both tables. */
  filter?: string;
  /** false: sum over the months too (one row per source_id and keys). */
  perMonth?: boolean;
};

/**
 * Parameters of a read. `collapse` (the base currency, or null): rows in that currency need no
 * month's rate, so they are summed over all months into one row with month '' (far fewer rows when
 * most money is in the base currency); other currencies stay per month.
 */
function params(plan: RangePlan, collapse: string | null = null) {
  return { ...planParams(plan), base: collapse };
}

function periodSql(r: PeriodRead): string {
  const keys = r.keys.map((k) => `, ${k}`).join('');
  const filter = r.filter ? ` AND ${r.filter}` : '';
  const values = r.values.map(([c]) => c).join(', ');
  const dayPart = (range: string, sign: '' | '-') =>
    `SELECT source_id, substr(day, 1, 7) AS month${keys}, ${r.values.map(([c]) => `${sign}${c} AS ${c}`).join(', ')} FROM ${r.day} WHERE day BETWEEN ${range}${filter}`;
  const perMonth = r.perMonth ?? true;
  // The month a row is summed under: '' for a collapsed base-currency row, else its month.
  const period = r.keys.includes('currency') ? `CASE WHEN currency = @base THEN '' ELSE month END` : 'month';
  const groups = ['source_id', ...(perMonth ? ['period'] : []), ...r.keys].join(', ');
  return `SELECT source_id${perMonth ? ', period AS month' : ''}${keys}, ${r.values.map(([c, name]) => `SUM(${c}) AS ${name}`).join(', ')} FROM (
      SELECT source_id, ${period} AS period${keys}, ${values} FROM (
        SELECT source_id, month${keys}, ${values} FROM ${r.month} WHERE month BETWEEN @m1 AND @m2${filter}
        UNION ALL ${dayPart('@a1 AND @a2', '')}
        UNION ALL ${dayPart('@b1 AND @b2', '')}
        UNION ALL ${dayPart('@s1 AND @s2', '-')}
        UNION ALL ${dayPart('@u1 AND @u2', '-')}))
    GROUP BY ${groups} HAVING SUM(${r.values[0]![0]}) != 0`;
}

const same = (columns: string) => columns.split(', ').map((c) => [c, c] as const);

// The report's reads, one named statement each (built once).
const leadMonthsSql = periodSql({
  day: 'lead_rollup',
  month: 'lead_rollup_month',
  keys: ['currency'],
  values: same('leads, proposals, replies, interviews, wins, connects_spent, connects_refunded, booked_minor'),
});
const winHistogramSql = periodSql({
  day: 'win_rollup',
  month: 'win_rollup_month',
  keys: ['days_to_win'],
  values: [['wins', 'wins']],
  perMonth: false,
});
const paymentMonthsSql = periodSql({
  day: 'payment_rollup',
  month: 'payment_rollup_month',
  keys: ['currency'],
  values: [
    ['payments', 'payments'],
    ['gross_minor', 'gross'],
    ['fee_minor', 'fee'],
  ],
});
const expenseMonthsSql = periodSql({
  day: 'expense_rollup',
  month: 'expense_rollup_month',
  keys: ['category', 'currency'],
  values: [
    ['expenses', 'expenses'],
    ['amount_minor', 'amount'],
  ],
});
const expenseTotalsSql = periodSql({
  day: 'expense_rollup',
  month: 'expense_rollup_month',
  keys: ['currency'],
  values: [
    ['expenses', 'expenses'],
    ['amount_minor', 'amount'],
  ],
});
const expenseTotalsUsageSql = periodSql({
  day: 'expense_rollup',
  month: 'expense_rollup_month',
  keys: ['currency'],
  values: [
    ['expenses', 'expenses'],
    ['amount_minor', 'amount'],
  ],
  filter: "category != 'connects'",
});
const timeMonthsSql = periodSql({
  day: 'time_rollup',
  month: 'time_rollup_month',
  keys: [],
  values: [
    ['entries', 'entries'],
    ['sales_minutes', 'sales'],
    ['delivery_minutes', 'delivery'],
  ],
});

export type LeadMonthRow = {
  source_id: number;
  month: string;
  currency: string;
  leads: number;
  proposals: number;
  replies: number;
  interviews: number;
  wins: number;
  connects_spent: number;
  connects_refunded: number;
  booked_minor: number;
};

export function leadMonths(db: ReadableDB, plan: RangePlan, collapse: string | null = null): LeadMonthRow[] {
  return prepared(db, leadMonthsSql).all(params(plan, collapse)) as LeadMonthRow[];
}

/** Net connects (spent - refunded) per channel, month and the credit price in force on each day. */
export type ConnectsValueRow = {
  source_id: number;
  month: string;
  price: number | null;
  price_currency: string | null;
  net: number;
};

// connectsByPrice's statement: a month read whole, the months with a price change by day, the days added and subtracted.
const priceOn = (day: string) =>
  `LEFT JOIN credit_prices cp ON cp.id = (
     SELECT c.id FROM credit_prices c WHERE c.source_id = r.source_id AND c.effective_from <= ${day} ORDER BY c.effective_from DESC LIMIT 1)`;
const priceColumns = (sign: '' | '-') =>
  `cp.unit_price_minor AS price, cp.currency AS price_currency, ${sign}r.connects_spent AS spent, ${sign}r.connects_refunded AS refunded`;
const used = `(r.connects_spent != 0 OR r.connects_refunded != 0)`;
const pricedDays = (range: string, sign: '' | '-') =>
  `SELECT r.source_id, substr(r.day, 1, 7) AS month, ${priceColumns(sign)} FROM lead_rollup r ${priceOn('r.day')} WHERE r.day BETWEEN ${range} AND ${used}`;
const connectsByPriceSql = `SELECT source_id, month, price, price_currency, SUM(spent) - SUM(refunded) AS net FROM (
    SELECT r.source_id, r.month, ${priceColumns('')} FROM lead_rollup_month r ${priceOn(`r.month || '-01'`)}
    WHERE r.month BETWEEN @m1 AND @m2 AND ${used}
      AND NOT EXISTS (SELECT 1 FROM credit_prices c WHERE c.source_id = r.source_id AND c.effective_from BETWEEN r.month || '-02' AND r.month || '-31')
    UNION ALL
    SELECT r.source_id, substr(r.day, 1, 7), ${priceColumns('')}
    FROM (SELECT DISTINCT source_id, substr(effective_from, 1, 7) AS month FROM credit_prices
          WHERE substr(effective_from, 1, 7) BETWEEN @m1 AND @m2 AND substr(effective_from, 9) != '01') s
    JOIN lead_rollup r ON r.source_id = s.source_id AND r.day BETWEEN s.month || '-01' AND s.month || '-31'
    ${priceOn('r.day')}
    WHERE ${used}
    UNION ALL ${pricedDays('@a1 AND @a2', '')}
    UNION ALL ${pricedDays('@b1 AND @b2', '')}
    UNION ALL ${pricedDays('@s1 AND @s2', '-')}
    UNION ALL ${pricedDays('@u1 AND @u2', '-')})
  GROUP BY source_id, month, price, price_currency HAVING SUM(spent) != 0 OR SUM(refunded) != 0`;

/**
 * A month read whole is valued from the month table when the channel's credit price cannot change
 * inside it (no price effective from its 2nd day on): every day then has the price in force on the
 * 1st. Months with such a change are read from the day table, each day at its own price. Days
 * added or subtracted are valued at their own day's price, so they meet their month in its group.
 */
export function connectsByPrice(db: ReadableDB, plan: RangePlan): ConnectsValueRow[] {
  return prepared(db, connectsByPriceSql).all(params(plan)) as ConnectsValueRow[];
}

/** Days-to-win histogram per channel. */
export function winHistogram(db: ReadableDB, plan: RangePlan): { source_id: number; days: number; wins: number }[] {
  return (
    prepared(db, winHistogramSql).all(params(plan)) as { source_id: number; days_to_win: number; wins: number }[]
  ).map((r) => ({
    source_id: r.source_id,
    days: r.days_to_win,
    wins: r.wins,
  }));
}

export type PaymentMonthRow = {
  source_id: number;
  month: string;
  currency: string;
  gross: number;
  fee: number;
  payments: number;
};

export function paymentMonths(db: ReadableDB, plan: RangePlan, collapse: string | null = null): PaymentMonthRow[] {
  return prepared(db, paymentMonthsSql).all(params(plan, collapse)) as PaymentMonthRow[];
}

export type ExpenseMonthRow = {
  source_id: number;
  month: string;
  category: string;
  currency: string;
  amount: number;
  expenses: number;
};

export function expenseMonths(db: ReadableDB, plan: RangePlan): ExpenseMonthRow[] {
  return prepared(db, expenseMonthsSql).all(params(plan)) as ExpenseMonthRow[];
}

/**
 * Expenses per channel, month and currency, summed over the categories a basis counts (usage leaves
 * connects purchases out). Fewer groups than per category: the report's hot path.
 */
export function expenseTotals(
  db: ReadableDB,
  plan: RangePlan,
  withoutConnects: boolean,
  collapse: string | null = null,
): { source_id: number; month: string; currency: string; amount: number; expenses: number }[] {
  return prepared(db, withoutConnects ? expenseTotalsUsageSql : expenseTotalsSql).all(params(plan, collapse)) as {
    source_id: number;
    month: string;
    currency: string;
    amount: number;
    expenses: number;
  }[];
}

/** Minutes of time entries per channel and month (docs/domain.md §6), from the time rollups. */
export function timeMonths(
  db: ReadableDB,
  plan: RangePlan,
): { source_id: number; month: string; entries: number; sales: number; delivery: number }[] {
  return prepared(db, timeMonthsSql).all(params(plan)) as {
    source_id: number;
    month: string;
    entries: number;
    sales: number;
    delivery: number;
  }[];
}

/** Earliest and latest day of any record (for "all time"); one MIN or MAX per subquery so each is an index probe. */
export function recordSpan(db: ReadableDB): { first: string | null; last: string | null } {
  const row = prepared(
    db,
    `SELECT (SELECT MIN(day) FROM lead_rollup) AS l1, (SELECT MAX(day) FROM lead_rollup) AS l2,
            (SELECT MIN(day) FROM payment_rollup) AS p1, (SELECT MAX(day) FROM payment_rollup) AS p2,
            (SELECT MIN(day) FROM expense_rollup) AS e1, (SELECT MAX(day) FROM expense_rollup) AS e2,
            (SELECT MIN(starts_on) FROM subscriptions) AS s1, (SELECT MAX(COALESCE(ends_on, starts_on)) FROM subscriptions) AS s2,
            (SELECT MIN(day) FROM time_rollup) AS t1, (SELECT MAX(day) FROM time_rollup) AS t2`,
  ).get() as Record<string, string | null>;
  const pick = (keys: string[], better: (a: string, b: string) => boolean) =>
    keys
      .map((k) => row[k])
      .reduce<string | null>((best, v) => (v == null ? best : best === null || better(v, best) ? v : best), null);
  return {
    first: pick(['l1', 'p1', 'e1', 's1', 't1'], (a, b) => a < b),
    last: pick(['l2', 'p2', 'e2', 's2', 't2'], (a, b) => a > b),
  };
}
