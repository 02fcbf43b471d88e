import type { Model, ModelLead, OracleQuery } from './model';

// The channel report computed from docs/domain.md §4 (fields), §5 (the credits ledger), §6 (hours and
// attribution) alone: plain loops over the records, exact rational conversion, no rollups, no SQL.
// Written without reading the report code; where DOMAIN leaves a rounding granularity open, the rule
// used here is said next to it.

const DAY = 86_400_000;
const toDay = (iso: string) =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY;
const fromDay = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);
export const addDays = (iso: string, n: number) => fromDay(toDay(iso) + n);
const month = (iso: string) => iso.slice(0, 7);
const digits = (currency: string) => (currency === 'JPY' || currency === 'KRW' ? 0 : 2);

/** Integer division rounded half to even (bigint). */
function halfEven(n: bigint, d: bigint): bigint {
  if (d < 0n) return halfEven(-n, -d);
  const neg = n < 0n;
  const a = neg ? -n : n;
  const q = a / d;
  const r2 = (a % d) * 2n;
  const out = r2 > d || (r2 === d && q % 2n === 1n) ? q + 1n : q;
  return neg ? -out : out;
}
const div = (n: number, d: number) => Number(halfEven(BigInt(n), BigInt(d)));

/** An exact rational n/d. */
type Q = { n: bigint; d: bigint };
const q0: Q = { n: 0n, d: 1n };
const qadd = (a: Q, b: Q): Q => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });
const qround = (a: Q) => Number(halfEven(a.n, a.d));

/** An amount in base units as an exact rational, or null without the month's rate (left out, §4 warnings). */
function toBase(m: Model, amount: number, currency: string, rateMonth: string): Q | null {
  if (currency === m.base) return { n: BigInt(amount), d: 1n };
  const text = m.rates[`${currency}|${rateMonth}`];
  if (text === undefined) return null;
  const [w, f = ''] = text.split('.');
  const rn = BigInt(w! + f);
  const rd = 10n ** BigInt(f.length);
  return { n: BigInt(amount) * rn * 10n ** BigInt(digits(m.base)), d: rd * 10n ** BigInt(digits(currency)) };
}

/**
 * Sums converted per group (DOMAIN: money is converted with its month's rate; this oracle rounds each
 * channel x month x currency sum once, as one conversion of that month's amount).
 */
class Groups {
  readonly sums = new Map<
    string,
    { source: string; month: string; currency: string; rateMonth: string; amount: number }
  >();
  add(source: string, m: string, currency: string, amount: number, rateMonth = m) {
    const key = `${source}|${m}|${currency}|${rateMonth}`;
    const g = this.sums.get(key) ?? { source, month: m, currency, rateMonth, amount: 0 };
    g.amount += amount;
    this.sums.set(key, g);
  }
  /** Per channel: the converted, rounded sums. */
  perChannel(model: Model): Map<string, number> {
    const out = new Map<string, number>();
    for (const g of this.sums.values()) {
      const b = toBase(model, g.amount, g.currency, g.rateMonth);
      if (b) out.set(g.source, (out.get(g.source) ?? 0) + qround(b));
    }
    return out;
  }
}

const rank: Record<string, number> = { new: 0, applied: 1, replied: 2, interview: 3, won: 4, lost: 0 };
function furthest(l: ModelLead): number {
  return Math.max(rank[l.stage]!, l.appliedOn !== null ? 1 : 0);
}

type LedgerOut = {
  expired: { date: string; count: number }[];
  costs: { date: string; currency: string; rateMonth: string; minor: number }[];
};

/** DOMAIN §5: the ledger of a credit channel up to `upTo`, its usage costs and expiries. */
export function ledger(m: Model, source: string, upTo: string): LedgerOut {
  const ch = m.channels.find((c) => c.name === source)!;
  const price = ch.creditPrice ?? 0;
  const spendOf = (l: ModelLead) => l.connects + l.boostConnects - l.connectsRefunded;
  const leads = m.leads.filter((l) => l.source === source);
  const purchases = m.expenses.filter((e) => e.source === source && e.category === 'connects' && e.connects > 0);
  const opening = m.opening?.source === source ? m.opening : null;
  let start: string | null = opening?.on ?? null;
  if (!start) {
    const firsts = [
      ...leads.filter((l) => l.connects + l.boostConnects > 0).map((l) => l.createdOn),
      ...purchases.map((p) => p.date),
    ].sort();
    start = firsts.length ? `${firsts[0]!.slice(0, 7)}-01` : null;
  }
  const out: LedgerOut = { expired: [], costs: [] };
  if (start === null) return out;
  // Spends before the start: outside the ledger, valued at their day's price.
  for (const l of leads) {
    const s = spendOf(l);
    if (s > 0 && l.createdOn < start && l.createdOn <= upTo && price > 0)
      out.costs.push({ date: l.createdOn, currency: 'USD', rateMonth: month(l.createdOn), minor: s * price });
  }
  type Ev = {
    date: string;
    order: number;
    seq: number;
    kind: 'in' | 'spend';
    count: number;
    cost: number;
    currency: string;
  };
  const events: Ev[] = [];
  let seq = 0;
  if (opening && opening.count > 0)
    events.push({
      date: opening.on,
      order: 0,
      seq: seq++,
      kind: 'in',
      count: opening.count,
      cost: price * opening.count,
      currency: 'USD',
    });
  for (let d = `${start.slice(0, 7)}-01`; d <= upTo; d = `${addDays(`${d.slice(0, 7)}-28`, 4).slice(0, 7)}-01`) {
    if (d < start) continue;
    const plan = m.plans.find(
      (p) => p.source === source && p.credits > 0 && p.startsOn <= d && (p.endsOn === null || p.endsOn >= d),
    );
    const count = plan ? plan.credits : ch.freeMonthly;
    if (count > 0) events.push({ date: d, order: 1, seq: seq++, kind: 'in', count, cost: 0, currency: 'USD' });
  }
  purchases.forEach((p) => {
    if (p.date >= start! && p.date <= upTo)
      events.push({
        date: p.date,
        order: 2,
        seq: seq++,
        kind: 'in',
        count: p.connects,
        cost: p.amount,
        currency: p.currency,
      });
  });
  for (const l of leads) {
    const s = spendOf(l);
    if (s > 0 && l.createdOn >= start && l.createdOn <= upTo)
      events.push({ date: l.createdOn, order: 4, seq: seq++, kind: 'spend', count: s, cost: 0, currency: 'USD' });
  }
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order || a.seq - b.seq));
  type Lot = { date: string; expires: string; left: number; costLeft: number; currency: string };
  const lots: Lot[] = [];
  const expire = (day: string) => {
    for (const lot of lots) {
      if (lot.left > 0 && lot.expires <= day) {
        const last = out.expired.at(-1);
        if (last?.date === lot.expires) last.count += lot.left;
        else out.expired.push({ date: lot.expires, count: lot.left });
        if (lot.costLeft !== 0)
          out.costs.push({
            date: lot.expires,
            currency: lot.currency,
            rateMonth: month(lot.date),
            minor: lot.costLeft,
          });
        lot.left = 0;
        lot.costLeft = 0;
      }
    }
  };
  for (const e of events) {
    expire(e.date);
    if (e.kind === 'in') {
      lots.push({ date: e.date, expires: addDays(e.date, 365), left: e.count, costLeft: e.cost, currency: e.currency });
      continue;
    }
    let need = e.count;
    for (const lot of lots) {
      if (need === 0) break;
      if (lot.left === 0) continue;
      const n = Math.min(need, lot.left);
      const share = n === lot.left ? lot.costLeft : div(lot.costLeft * n, lot.left);
      lot.left -= n;
      lot.costLeft -= share;
      need -= n;
      if (share !== 0)
        out.costs.push({ date: e.date, currency: lot.currency, rateMonth: month(lot.date), minor: share });
    }
    if (need > 0 && price > 0)
      out.costs.push({ date: e.date, currency: 'USD', rateMonth: month(e.date), minor: need * price });
  }
  expire(upTo);
  return out;
}

/** DOMAIN §5: charge dates of a monthly plan (the start's day of month; starts on days 1-28 here). */
function charges(p: { startsOn: string; endsOn: string | null }, to: string): string[] {
  const out: string[] = [];
  const [y, mo, d] = p.startsOn.split('-').map(Number) as [number, number, number];
  for (let n = 0; ; n++) {
    const date = new Date(Date.UTC(y, mo - 1 + n, d)).toISOString().slice(0, 10);
    if (date > to || (p.endsOn !== null && date > p.endsOn)) return out;
    out.push(date);
  }
}

export type OracleChannel = Record<string, number | null | string>;

/** The report as `leadledger report --json` prints it (warnings left out). */
export function oracleReport(
  m: Model,
  query: OracleQuery,
): { from: string; to: string; channels: OracleChannel[]; totals: OracleChannel } {
  // §4 range: without bounds, the earliest record to today; later records never extend it.
  const to = query.to ?? (query.from && query.from > m.today ? query.from : m.today);
  let from = query.from;
  if (!from) {
    const days = [
      ...m.leads.map((l) => l.createdOn),
      ...m.payments.map((p) => p.date),
      ...m.expenses.map((e) => e.date),
      ...m.plans.map((p) => p.startsOn),
      ...m.time.map((t) => t.date),
    ].sort();
    from = days.length && days[0]! <= to ? days[0]! : to;
  }
  const inRange = (d: string) => d >= from! && d <= to;
  type Sums = {
    leads: number;
    proposals: number;
    replies: number;
    interviews: number;
    wins: number;
    spent: number;
    refunded: number;
    expired: number;
    revenue: number;
    fees: number;
    costs: number;
    booked: number;
    sales: number;
    delivery: number;
    days: number[];
  };
  const empty = (): Sums => ({
    leads: 0,
    proposals: 0,
    replies: 0,
    interviews: 0,
    wins: 0,
    spent: 0,
    refunded: 0,
    expired: 0,
    revenue: 0,
    fees: 0,
    costs: 0,
    booked: 0,
    sales: 0,
    delivery: 0,
    days: [],
  });
  const sums = new Map(m.channels.map((c) => [c.name, empty()]));

  const booked = new Groups();
  for (const l of m.leads) {
    if (!inRange(l.createdOn)) continue;
    const s = sums.get(l.source)!;
    s.leads++;
    if (l.appliedOn !== null) s.proposals++;
    if (furthest(l) >= 2) s.replies++;
    if (furthest(l) >= 3) s.interviews++;
    if (l.stage === 'won') {
      s.wins++;
      if (l.value !== null) booked.add(l.source, month(l.createdOn), l.currency, l.value);
      s.days.push(toDay(l.closedOn!) - toDay(l.appliedOn ?? l.createdOn));
    }
    s.spent += l.connects + l.boostConnects;
    s.refunded += l.connectsRefunded;
  }
  for (const [k, v] of booked.perChannel(m)) sums.get(k)!.booked += v;

  // Revenue and fees; first touch moves gross to the first source of the lead's client (§6).
  const gross = new Groups();
  const fees = new Groups();
  const firstSource = (client: string) => {
    const own = m.leads
      .map((l, i) => ({ l, i }))
      .filter(({ l }) => client !== '' && l.client.toLowerCase() === client.toLowerCase());
    own.sort((a, b) => (a.l.createdOn < b.l.createdOn ? -1 : a.l.createdOn > b.l.createdOn ? 1 : a.i - b.i));
    return own[0]?.l.source ?? null;
  };
  for (const p of m.payments) {
    if (!inRange(p.date)) continue;
    fees.add(p.source, month(p.date), p.currency, p.fee);
    gross.add(p.source, month(p.date), p.currency, p.gross);
  }
  for (const [k, v] of gross.perChannel(m)) sums.get(k)!.revenue += v;
  for (const [k, v] of fees.perChannel(m)) sums.get(k)!.fees += v;
  if (query.attribution === 'first') {
    const moved = new Map<string, { from: string; to: string; month: string; currency: string; amount: number }>();
    for (const p of m.payments) {
      if (!inRange(p.date) || p.lead === null) continue;
      const target = firstSource(m.leads[p.lead]!.client);
      if (target === null || target === p.source) continue;
      const key = `${p.source}|${target}|${month(p.date)}|${p.currency}`;
      const g = moved.get(key) ?? { from: p.source, to: target, month: month(p.date), currency: p.currency, amount: 0 };
      g.amount += p.gross;
      moved.set(key, g);
    }
    for (const g of moved.values()) {
      const b = toBase(m, g.amount, g.currency, g.month);
      if (!b) continue;
      sums.get(g.from)!.revenue -= qround(b);
      sums.get(g.to)!.revenue += qround(b);
    }
  }

  // Costs: expenses in the range (usage leaves connects purchases to the ledger), plan charges, usage.
  const cash = new Groups();
  for (const e of m.expenses) {
    if (!inRange(e.date) || (query.basis === 'usage' && e.category === 'connects')) continue;
    cash.add(e.source, month(e.date), e.currency, e.amount);
  }
  for (const p of m.plans)
    for (const d of charges(p, to)) if (inRange(d)) cash.add(p.source, month(d), p.currency, p.amount);
  for (const [k, v] of cash.perChannel(m)) sums.get(k)!.costs += v;
  for (const c of m.channels) {
    if (c.creditPrice === null) continue;
    const l = ledger(m, c.name, to);
    for (const e of l.expired) if (inRange(e.date)) sums.get(c.name)!.expired += e.count;
    if (query.basis !== 'usage') continue;
    // §5: each cost at its rate month's rate, rounded once per channel and month of use.
    const byMonth = new Map<string, Q>();
    for (const x of l.costs) {
      if (!inRange(x.date)) continue;
      const b = toBase(m, x.minor, x.currency, x.rateMonth);
      if (b) byMonth.set(month(x.date), qadd(byMonth.get(month(x.date)) ?? q0, b));
    }
    for (const v of byMonth.values()) sums.get(c.name)!.costs += qround(v);
  }
  for (const t of m.time) {
    if (!inRange(t.date)) continue;
    const s = sums.get(t.source)!;
    if (t.kind === 'sales') s.sales += t.minutes;
    else s.delivery += t.minutes;
  }

  const metrics = (s: Sums): OracleChannel => {
    const profit = s.revenue - s.fees - s.costs;
    const net = s.spent - s.refunded;
    const days = [...s.days].sort((a, b) => a - b);
    const median =
      days.length === 0
        ? null
        : days.length % 2
          ? days[(days.length - 1) / 2]!
          : (days[days.length / 2 - 1]! + days[days.length / 2]!) / 2;
    const minutes = s.sales + s.delivery;
    return {
      leads: s.leads,
      proposals: s.proposals,
      replies: s.replies,
      interviews: s.interviews,
      wins: s.wins,
      winRate: s.leads === 0 ? null : s.wins / s.leads,
      connectsSpent: s.spent,
      connectsRefunded: s.refunded,
      connectsExpired: s.expired,
      connectsPerWin: s.wins === 0 ? null : div(net, s.wins),
      revenue: s.revenue,
      fees: s.fees,
      costs: s.costs,
      profit,
      roi: s.fees + s.costs === 0 ? null : profit / (s.fees + s.costs),
      costPerLead: s.leads === 0 ? null : div(s.costs, s.leads),
      costPerWin: s.wins === 0 ? null : div(s.costs, s.wins),
      revenuePerConnect: net === 0 ? null : div(s.revenue, net),
      booked: s.booked,
      medianDaysToWin: median,
      salesHours: s.sales / 60,
      deliveryHours: s.delivery / 60,
      profitPerHour: minutes === 0 ? null : div(profit * 60, minutes),
      salesHoursPerWin: s.wins === 0 ? null : s.sales / 60 / s.wins,
    };
  };
  const channels: OracleChannel[] = [];
  const total = empty();
  for (const c of m.channels) {
    const s = sums.get(c.name)!;
    const active = [
      s.leads,
      s.proposals,
      s.spent,
      s.refunded,
      s.expired,
      s.revenue,
      s.fees,
      s.costs,
      s.booked,
      s.sales,
      s.delivery,
    ].some((v) => v !== 0);
    if (!active) continue;
    for (const k of Object.keys(total) as (keyof Sums)[]) {
      if (k === 'days') total.days.push(...s.days);
      else total[k] += s[k];
    }
    channels.push({ source: c.name, ...metrics(s) });
  }
  return { from, to, channels, totals: metrics(total) };
}
