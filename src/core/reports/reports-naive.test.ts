import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelReport } from '../../shared/api/schemas/reports';
import { daysBetween } from '../../shared/dates';
import { Converter, parseRate, rateKey } from '../../shared/reports/fx';
import { channelMetrics, emptySums, hasActivity, type ChannelSums } from '../../shared/reports/metrics';
import { type LedgerEvent, nextMonth, runLedger } from '../../shared/reports/ledger';
import { expandSubscription } from '../../shared/reports/subscriptions';
import { type CreditSourceRecord, creditSources } from '../connects/ledger-repo';
import { uncoveredWarning } from '../connects/ledger-service';
import type { Ctx } from '../context';
import { dispatch } from '../dispatch';
import { openTempCtx, sourceId } from '../../../test-support/temp-db';
import { channelReport } from './reports-service';
import { loadSampleData } from '../app/sample-data';

/**
 * An independent, slow recomputation straight from leads/payments/expenses/subscriptions, row by row,
 * to prove the rollup-based report equals the definitions. Sums per channel, month and currency
 * before converting (expenses of all counted categories together), as the report documents.
 */
function naiveReport(ctx: Ctx, from: string, to: string, basis: 'cash' | 'usage'): ChannelReport {
  const { db } = ctx;
  const rates = new Map(
    (
      db.prepare(`SELECT * FROM fx_rates WHERE base = 'USD'`).all() as {
        currency: string;
        month: string;
        rate: string;
      }[]
    ).map((r) => [rateKey(r.currency, r.month), parseRate(r.rate)!]),
  );
  const converter = new Converter('USD', rates);
  const sources = db.prepare(`SELECT id, name FROM sources ORDER BY sort_order, name`).all() as {
    id: number;
    name: string;
  }[];
  const sums = new Map<number, ChannelSums>();
  const get = (id: number) => sums.get(id) ?? (sums.set(id, emptySums()), sums.get(id)!);
  // Groups (kind, source, month, currency) -> [amount, records], converted at the end.
  const groups = new Map<
    string,
    { kind: string; sourceId: number; month: string; currency: string; amount: number; records: number }
  >();
  const add = (kind: string, sourceId: number, day: string, currency: string, amount: number, records: number) => {
    const key = [kind, sourceId, day.slice(0, 7), currency].join('|');
    const g = groups.get(key) ?? { kind, sourceId, month: day.slice(0, 7), currency, amount: 0, records: 0 };
    g.amount += amount;
    g.records += records;
    groups.set(key, g);
  };
  const credit = new Map(creditSources(db).map((c) => [c.id, c]));
  const prices = db.prepare(`SELECT * FROM credit_prices ORDER BY effective_from`).all() as {
    source_id: number;
    effective_from: string;
    unit_price_minor: number;
    currency: string;
  }[];
  const leads = db.prepare(`SELECT * FROM leads WHERE created_on BETWEEN ? AND ?`).all(from, to) as Record<
    string,
    never
  >[];
  for (const lead of leads as unknown as {
    source_id: number;
    created_on: string;
    applied_on: string | null;
    closed_on: string | null;
    stage: string;
    furthest_rank: number;
    connects: number;
    boost_connects: number;
    connects_refunded: number;
    value_minor: number | null;
    currency: string;
    boost_outcome: string | null;
  }[]) {
    const s = get(lead.source_id);
    s.leads++;
    if (lead.applied_on) s.proposals++;
    if (lead.furthest_rank >= 2) s.replies++;
    if (lead.furthest_rank >= 3) s.interviews++;
    // docs/domain.md §8: an outbid boost is not charged.
    const charged = lead.connects + (lead.boost_outcome === 'outbid' ? 0 : lead.boost_connects);
    s.connectsSpent += charged;
    s.connectsRefunded += lead.connects_refunded;
    if (lead.stage === 'won') {
      s.wins++;
      if (lead.value_minor) add('booked', lead.source_id, lead.created_on, lead.currency, lead.value_minor, 1);
      if (lead.closed_on) {
        const days = daysBetween(lead.applied_on ?? lead.created_on, lead.closed_on);
        s.daysToWin.set(days, (s.daysToWin.get(days) ?? 0) + 1);
      }
    }
    const net = charged - lead.connects_refunded;
    const price = prices.filter((p) => p.source_id === lead.source_id && p.effective_from <= lead.created_on).at(-1);
    if (basis === 'usage' && net !== 0 && price && !credit.has(lead.source_id))
      add(`cost|${price.currency}`, lead.source_id, lead.created_on, price.currency, net * price.unit_price_minor, 1);
  }
  // Credit channels: the §5 ledger from raw rows (one event per lead and per purchase, not per day).
  const warnings: string[] = [];
  for (const source of credit.values()) {
    const { events, start } = rawLedgerEvents(ctx, source, to);
    const priceOn = (day: string) => {
      const p = prices.filter((x) => x.source_id === source.id && x.effective_from <= day).at(-1);
      return p ? { unitMinor: p.unit_price_minor, currency: p.currency } : null;
    };
    if (start === null) continue;
    const run = runLedger(events, to, priceOn);
    const inRange = (day: string) => day >= from && day <= to;
    for (const e of run.expiredOn) if (inRange(e.date)) get(source.id).connectsExpired += e.count;
    if (basis !== 'usage') continue;
    for (const c of run.costs)
      if (inRange(c.date)) add(`cost|ledger|${c.currency}`, source.id, c.date, c.currency, c.minor, 1);
    const uncovered = run.uncoveredOn.filter((u) => inRange(u.date));
    warnings.push(
      ...uncoveredWarning(
        source,
        uncovered.filter((u) => !u.adjustment).reduce((n, u) => n + u.count, 0),
        uncovered.filter((u) => !priceOn(u.date)).reduce((n, u) => n + u.count, 0),
      ),
    );
  }
  for (const p of db.prepare(`SELECT * FROM payments WHERE date BETWEEN ? AND ?`).all(from, to) as {
    source_id: number;
    date: string;
    currency: string;
    gross_minor: number;
    fee_minor: number;
  }[]) {
    add('gross', p.source_id, p.date, p.currency, p.gross_minor, 1);
    add('fee', p.source_id, p.date, p.currency, p.fee_minor, 0);
  }
  for (const e of db.prepare(`SELECT * FROM expenses WHERE date BETWEEN ? AND ?`).all(from, to) as {
    source_id: number | null;
    date: string;
    category: string;
    currency: string;
    amount_minor: number;
  }[]) {
    if (basis === 'usage' && e.category === 'connects') continue;
    add('cost|expense', e.source_id ?? 0, e.date, e.currency, e.amount_minor, 1);
  }
  for (const plan of db.prepare(`SELECT * FROM subscriptions`).all() as {
    source_id: number;
    period: 'monthly' | 'yearly';
    amount_minor: number;
    currency: string;
    starts_on: string;
    ends_on: string | null;
  }[]) {
    for (const c of expandSubscription(
      { period: plan.period, amountMinor: plan.amount_minor, startsOn: plan.starts_on, endsOn: plan.ends_on },
      from,
      to,
    )) {
      add('cost|plan', plan.source_id, c.date, plan.currency, c.amountMinor, 1);
    }
  }
  // §6: the hours of the time entries dated in the range (the sample logs the time bids took).
  for (const t of db
    .prepare(`SELECT source_id, kind, minutes FROM time_entries WHERE date BETWEEN ? AND ?`)
    .all(from, to) as { source_id: number; kind: string; minutes: number }[]) {
    if (t.kind === 'sales') get(t.source_id).salesMinutes += t.minutes;
    else get(t.source_id).deliveryMinutes += t.minutes;
  }
  for (const g of groups.values()) {
    const value = converter.convert(g.amount, g.currency, g.month, g.records);
    if (value === undefined) continue;
    const s = get(g.sourceId);
    if (g.kind === 'booked') s.booked += value;
    else if (g.kind === 'gross') s.revenue += value;
    else if (g.kind === 'fee') s.fees += value;
    else s.costs += value;
  }
  const totals = emptySums();
  const channels: ChannelReport['channels'] = [];
  for (const source of [...sources, { id: 0, name: '(no channel)' }]) {
    const s = sums.get(source.id);
    if (!s || !hasActivity(s)) continue;
    channels.push({ source: source.name, ...channelMetrics(s) });
    for (const k of [
      'leads',
      'proposals',
      'replies',
      'interviews',
      'wins',
      'connectsSpent',
      'connectsRefunded',
      'connectsExpired',
      'revenue',
      'fees',
      'costs',
      'booked',
      'salesMinutes',
      'deliveryMinutes',
    ] as const)
      totals[k] += s[k];
    for (const [d, n] of s.daysToWin) totals.daysToWin.set(d, (totals.daysToWin.get(d) ?? 0) + n);
  }
  return {
    from,
    to,
    basis,
    currency: 'USD',
    channels,
    totals: channelMetrics(totals),
    warnings: [...converter.warnings, ...warnings],
  };
}

/** docs/domain.md §5's ledger inputs read row by row from leads, expenses, plans and entries. */
function rawLedgerEvents(
  ctx: Ctx,
  source: CreditSourceRecord,
  upTo: string,
): { events: LedgerEvent[]; start: string | null } {
  const { db } = ctx;
  const firstLead = (
    db
      .prepare(
        `SELECT MIN(created_on) AS d FROM leads WHERE source_id = ? AND connects + iif(boost_outcome = 'outbid', 0, boost_connects) > 0`,
      )
      .get(source.id) as { d: string | null }
  ).d;
  const firstBuy = (
    db
      .prepare(`SELECT MIN(date) AS d FROM expenses WHERE source_id = ? AND category = 'connects' AND connects > 0`)
      .get(source.id) as { d: string | null }
  ).d;
  const first = [firstLead, firstBuy].filter((d): d is string => d !== null).sort()[0];
  if (!first) return { events: [], start: null };
  const start = `${first.slice(0, 7)}-01`;
  const events: LedgerEvent[] = [];
  const plans = db
    .prepare(`SELECT * FROM subscriptions WHERE source_id = ? AND free_credits_monthly > 0`)
    .all(source.id) as { starts_on: string; ends_on: string | null; free_credits_monthly: number }[];
  for (let month = start.slice(0, 7); `${month}-01` <= upTo; month = nextMonth(month)) {
    const day = `${month}-01`;
    const plan = plans.find((p) => p.starts_on <= day && (p.ends_on === null || p.ends_on >= day));
    const count = plan ? plan.free_credits_monthly : source.free_credits_monthly;
    if (count > 0) events.push({ date: day, kind: 'allowance', count, costMinor: 0, currency: null });
  }
  for (const e of db
    .prepare(
      `SELECT date, amount_minor, currency, connects FROM expenses WHERE source_id = ? AND category = 'connects' AND connects > 0 AND date BETWEEN ? AND ?`,
    )
    .all(source.id, start, upTo) as { date: string; amount_minor: number; currency: string; connects: number }[]) {
    events.push({ date: e.date, kind: 'purchase', count: e.connects, costMinor: e.amount_minor, currency: e.currency });
  }
  for (const l of db
    .prepare(
      `SELECT created_on, connects + iif(boost_outcome = 'outbid', 0, boost_connects) - connects_refunded AS net FROM leads WHERE source_id = ? AND created_on BETWEEN ? AND ?`,
    )
    .all(source.id, start, upTo) as { created_on: string; net: number }[]) {
    if (l.net > 0) events.push({ date: l.created_on, kind: 'spend', count: l.net });
  }
  return { events, start };
}

let ctx: ReturnType<typeof openTempCtx>;
beforeAll(async () => {
  ctx = openTempCtx();
  loadSampleData(ctx, { leads: 3000, seed: 11 });
  const upwork = sourceId(ctx, 'Upwork');
  const fiverr = sourceId(ctx, 'Fiverr');
  const run = async (name: string, input: unknown) => {
    const r = await dispatch(ctx, name, input);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  };
  // A second currency (rates for some months only), a price change, a refund and channel-less costs.
  await run('costs:create-credit-price', { sourceId: upwork, effectiveFrom: '2026-01-01', unitPrice: '0.18' });
  await run('rates:set', { currency: 'EUR', month: '2026-03', rate: '1.0845' });
  await run('rates:set', { currency: 'EUR', month: '2026-05', rate: '1.12' });
  for (const [i, month] of ['2026-02', '2026-03', '2026-04', '2026-05', '2026-06'].entries()) {
    await run('payments:create', { date: `${month}-1${i}`, sourceId: fiverr, gross: `${333 + i}.33`, currency: 'EUR' });
    await run('payments:create', { date: `${month}-2${i}`, sourceId: fiverr, gross: '-50.01', currency: 'EUR' });
    await run('expenses:create', {
      date: `${month}-0${i + 1}`,
      category: 'advertising',
      amount: `1${i}.5`,
      currency: 'EUR',
    });
    await run('expenses:create', {
      date: `${month}-0${i + 2}`,
      sourceId: fiverr,
      category: 'tax',
      amount: '0.05',
      currency: 'EUR',
    });
    await run('expenses:create', {
      date: `${month}-0${i + 3}`,
      sourceId: fiverr,
      category: 'other',
      amount: '0.05',
      currency: 'EUR',
    });
    await run('leads:create', {
      sourceId: fiverr,
      title: 'EUR job',
      createdOn: `${month}-03`,
      appliedOn: `${month}-03`,
      closedOn: `${month}-09`,
      stage: 'won',
      value: '99.99',
      currency: 'EUR',
    });
  }
  await run('subscriptions:create', {
    sourceId: fiverr,
    name: 'Seller Plus',
    period: 'yearly',
    amount: '290.00',
    currency: 'EUR',
    startsOn: '2025-05-31',
  });
});
afterAll(() => ctx.close());

describe('rollup report equals a naive recomputation over sample data', () => {
  const ranges: [string, string][] = [
    ['2025-02-15', '2026-08-15'],
    ['2026-03-01', '2026-03-31'],
    ['2026-01-01', '2026-06-30'],
    ['2025-12-31', '2026-01-01'],
    ['2026-05-31', '2026-05-31'],
    ['2019-01-01', '2019-12-31'],
  ];
  for (const [from, to] of ranges) {
    for (const basis of ['cash', 'usage'] as const) {
      it(`${from}..${to} ${basis}`, () => {
        const fast = channelReport(ctx, { from, to, basis });
        const slow = naiveReport(ctx, from, to, basis);
        expect(fast.channels).toEqual(slow.channels);
        expect(fast.totals).toEqual(slow.totals);
        expect(fast.warnings).toEqual(slow.warnings);
      });
    }
  }
  it('has data worth comparing', () => {
    const r = channelReport(ctx, { from: '2025-02-15', to: '2026-08-15', basis: 'usage' });
    expect(r.totals.leads).toBeGreaterThan(2900);
    expect(r.totals.wins).toBeGreaterThan(10);
    expect(r.warnings.length).toBeGreaterThan(0);
    expect(r.channels.some((c) => c.source === '(no channel)')).toBe(true);
  });
});
