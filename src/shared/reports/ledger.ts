import { divideHalfEven } from '../money';

/** A unit price in force on a day (the channel's credit price). */
export type UnitPrice = { unitMinor: number; currency: string };

/**
 * One ledger event (docs/domain.md §5). Inflows carry their total cost (`costMinor` in `currency`; allowance and
 * positive adjustments cost 0). `count` of an adjustment is signed; every other count is > 0.
 */
export type LedgerEvent =
  | {
      date: string;
      kind: 'opening' | 'allowance' | 'purchase';
      count: number;
      costMinor: number;
      currency: string | null;
    }
  | { date: string; kind: 'adjustment'; count: number }
  | { date: string; kind: 'spend'; count: number };

/** A usage cost on a day: covered spends (FIFO), uncovered spends, expired credits, negative adjustments. */
export type LedgerCost = {
  date: string;
  kind: 'spend' | 'uncovered' | 'expired' | 'adjustment' | 'before-start';
  currency: string;
  minor: number;
  /** The month whose rate converts it (docs/domain.md §5): its lot's purchase month; a cost valued at a day's price, that day's month. */
  rateMonth: string;
};

export type LedgerMonth = { month: string; in: number; out: number; expired: number; balance: number };

export type LedgerRun = {
  opening: number;
  bought: number;
  allowance: number;
  /** Net of both signs. */
  adjustments: number;
  /** Spends only, covered and uncovered. */
  spent: number;
  expired: number;
  /** Spends (and negative adjustments) no credit covered. */
  uncovered: number;
  balance: number;
  expiringIn30Days: number;
  /** The day each uncovered count happened (spends and negative adjustments). */
  uncoveredOn: { date: string; count: number; adjustment: boolean }[];
  expiredOn: { date: string; count: number }[];
  costs: LedgerCost[];
  months: LedgerMonth[];
};

type Lot = { expires: string; left: number; costLeft: number; currency: string | null; month: string };

// Same day: opening, allowance, purchases, positive adjustments, then spends, then negative adjustments.
function order(e: LedgerEvent): number {
  if (e.kind === 'opening') return 0;
  if (e.kind === 'allowance') return 1;
  if (e.kind === 'purchase') return 2;
  if (e.kind === 'adjustment') return e.count > 0 ? 3 : 5;
  return 4;
}

export const expiryDays = 365;

/**
 * Runs the ledger up to the end of `upTo`: FIFO over lots that expire `expiryDays` after their date
 * (expired at the start of that day). A take costs its share of the lot's remaining cost, rounded half
 * to even, so a lot used up costs exactly what it was bought for. Uncovered parts are valued with
 * `priceOn(day)` (nothing when no price is known: the caller warns).
 */
export function runLedger(
  events: readonly LedgerEvent[],
  upTo: string,
  priceOn: (day: string) => UnitPrice | null,
): LedgerRun {
  // ISO dates sort by code unit: a plain comparison (localeCompare was a third of the ledger at 1M expenses).
  const sorted = events
    .filter((e) => e.date <= upTo && e.count !== 0)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : order(a) - order(b)));
  const run: LedgerRun = {
    opening: 0,
    bought: 0,
    allowance: 0,
    adjustments: 0,
    spent: 0,
    expired: 0,
    uncovered: 0,
    balance: 0,
    expiringIn30Days: 0,
    uncoveredOn: [],
    expiredOn: [],
    costs: [],
    months: [],
  };
  const lots: Lot[] = [];
  let head = 0;
  let live = 0;
  const monthOf = (day: string) => day.slice(0, 7);
  const months = new Map<string, LedgerMonth>();
  const month = (day: string) => {
    const key = monthOf(day);
    let m = months.get(key);
    if (!m) months.set(key, (m = { month: key, in: 0, out: 0, expired: 0, balance: 0 }));
    return m;
  };
  const closeMonth = (key: string) => {
    const m = months.get(key);
    if (m) m.balance = live;
  };
  const cost = (
    date: string,
    kind: LedgerCost['kind'],
    currency: string | null,
    minor: number,
    rateMonth = date.slice(0, 7),
  ) => {
    if (currency !== null && minor !== 0) run.costs.push({ date, kind, currency, minor, rateMonth });
  };
  let current: string | null = null;
  // Moving into another month closes the one before with its balance.
  const enterMonth = (day: string) => {
    const key = monthOf(day);
    if (key === current) return;
    if (current !== null) closeMonth(current);
    current = key;
  };
  const expireUpTo = (day: string) => {
    // Lots are pushed in date order, so they expire in order too; a lot is gone from the start of its expiry day.
    while (head < lots.length && lots[head]!.expires <= day) {
      const lot = lots[head]!;
      if (lot.left > 0) {
        enterMonth(lot.expires);
        run.expired += lot.left;
        live -= lot.left;
        month(lot.expires).expired += lot.left;
        const last = run.expiredOn.at(-1);
        if (last?.date === lot.expires) last.count += lot.left;
        else run.expiredOn.push({ date: lot.expires, count: lot.left });
        cost(lot.expires, 'expired', lot.currency, lot.costLeft, lot.month);
        lot.left = 0;
      }
      head++;
    }
  };
  /** Takes `need` credits FIFO; returns what no lot covered. */
  const take = (date: string, need: number, kind: 'spend' | 'adjustment'): number => {
    for (let i = head; i < lots.length && need > 0; i++) {
      const lot = lots[i]!;
      if (lot.left === 0) continue;
      const n = Math.min(need, lot.left);
      const share = n === lot.left ? lot.costLeft : divideHalfEven(lot.costLeft * n, lot.left);
      lot.left -= n;
      lot.costLeft -= share;
      live -= n;
      need -= n;
      cost(date, kind, lot.currency, share, lot.month);
    }
    // FIFO empties lots in order: skip the used-up ones once, not on every later spend (a ledger short of
    // credits would walk every lot of the year on every day).
    while (head < lots.length && lots[head]!.left === 0) head++;
    return need;
  };

  let lotDay = '';
  let expires = '';
  for (const event of sorted) {
    expireUpTo(event.date);
    enterMonth(event.date);
    const m = month(event.date);
    if (event.kind === 'spend' || (event.kind === 'adjustment' && event.count < 0)) {
      const count = Math.abs(event.count);
      m.out += count;
      if (event.kind === 'spend') run.spent += count;
      else run.adjustments += event.count;
      const uncovered = take(event.date, count, event.kind);
      if (uncovered > 0) {
        run.uncovered += uncovered;
        run.uncoveredOn.push({ date: event.date, count: uncovered, adjustment: event.kind === 'adjustment' });
        const price = priceOn(event.date);
        if (price)
          cost(
            event.date,
            event.kind === 'spend' ? 'uncovered' : 'adjustment',
            price.currency,
            price.unitMinor * uncovered,
          );
      }
      continue;
    }
    m.in += event.count;
    if (event.kind === 'adjustment') run.adjustments += event.count;
    else if (event.kind === 'opening') run.opening += event.count;
    else if (event.kind === 'allowance') run.allowance += event.count;
    else run.bought += event.count;
    const costMinor = event.kind === 'adjustment' ? 0 : event.costMinor;
    const currency = event.kind === 'adjustment' ? null : event.currency;
    // Events come in date order: a day's lots share one expiry date, worked out once.
    if (event.date !== lotDay) expires = addDaysIso((lotDay = event.date), expiryDays);
    lots.push({ expires, left: event.count, costLeft: costMinor, currency, month: event.date.slice(0, 7) });
    live += event.count;
  }
  expireUpTo(upTo);
  if (current !== null) closeMonth(current);
  run.balance = live;
  const soon = addDaysIso(upTo, 30);
  for (let i = head; i < lots.length; i++)
    if (lots[i]!.left > 0 && lots[i]!.expires <= soon) run.expiringIn30Days += lots[i]!.left;
  run.months = fillMonths(
    [...months.values()].sort((a, b) => a.month.localeCompare(b.month)),
    upTo,
  );
  return run;
}

/** Every month from the first to `upTo`'s, quiet months carrying the balance forward. */
function fillMonths(months: LedgerMonth[], upTo: string): LedgerMonth[] {
  if (months.length === 0) return months;
  const out: LedgerMonth[] = [];
  const byMonth = new Map(months.map((m) => [m.month, m]));
  let balance = 0;
  for (let key = months[0]!.month; key <= upTo.slice(0, 7); key = nextMonth(key)) {
    const m = byMonth.get(key) ?? { month: key, in: 0, out: 0, expired: 0, balance };
    balance = m.balance;
    out.push(m);
  }
  return out;
}

const dayMs = 86_400_000;

/** `day` + n calendar days, in UTC so no time zone shifts a day. */
export function addDaysIso(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + n * dayMs).toISOString().slice(0, 10);
}

export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
