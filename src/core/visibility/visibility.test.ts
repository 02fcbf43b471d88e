import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callOk, openTempCtx, sourceId } from '../../../test-support/temp-db';
import { FunnelReport, type FunnelView, PlanReport, type PlanView } from '../../shared/api/schemas/visibility';
import type { Ctx } from '../context';
import { betaPpf, halfEven, newcombeRef, probit, wilsonRef } from './reference-stats.test-helper';

// docs/domain.md §8 checked field by field against a reference computed here from the hand-made
// history itself (its own level rules, Wilson/Newcombe/Beta from reference-stats), never from the
// implementation's code.

/** What `leadledger funnel --json` / `plan --json` print: the contract's keys, in its order. */
const funnelJson = (v: FunnelView) => FunnelReport.parse(v);
const planJson = (v: PlanView) => PlanReport.parse(v);

type Bid = {
  title: string;
  applied: string;
  stage: 'applied' | 'replied' | 'interview' | 'won' | 'lost';
  reached?: 'replied' | 'interview';
  minutes: number | null;
  bucket: string | null;
  boost: number;
  outcome: 'top' | 'outbid' | null;
  invited: boolean;
  viewed: string | null;
  connects: number;
  refunded: number;
  value?: string;
  paid?: { gross: string; fee: string; date: string };
  salesMinutes?: number;
};

/** The hand-made history: 50 Upwork proposals (fast ones viewed far more often), 3 LinkedIn ones, 2 leads never sent. */
function history(): Bid[] {
  const bids: Bid[] = [];
  const day = (i: number) => `2026-07-${String(1 + (i % 30)).padStart(2, '0')}`;
  for (let i = 0; i < 20; i++) {
    // Fast: within the first hour; 16 of 20 viewed (12 with a viewed day, 4 through a reply).
    const replied = i < 6;
    bids.push({
      title: `fast ${i}`,
      applied: day(i),
      stage: i < 2 ? 'won' : replied ? 'lost' : 'applied',
      reached: replied && i >= 2 ? (i < 4 ? 'interview' : 'replied') : undefined,
      minutes: 5 + i * 2,
      bucket: i % 2 ? '<5' : '20-50',
      boost: i < 3 ? 10 : 0,
      outcome: i < 3 ? 'top' : null,
      invited: i >= 17,
      viewed: !replied && i < 18 ? day(i + 1) : null,
      connects: i >= 17 ? 0 : 8,
      refunded: i === 10 ? 8 : 0,
      value: i === 0 ? '1000.00' : i === 1 ? '500.00' : undefined,
      paid: i === 0 ? { gross: '800.00', fee: '80.00', date: '2026-07-20' } : undefined,
      salesMinutes: i < 10 ? 30 : undefined,
    });
  }
  for (let i = 0; i < 20; i++) {
    // Slow: 6 to 24 hours; 4 of 20 viewed; 6 outbid boosts (their boost not charged).
    bids.push({
      title: `slow ${i}`,
      applied: day(i + 3),
      stage: i === 0 ? 'won' : i === 1 ? 'lost' : 'applied',
      reached: i === 1 ? 'replied' : undefined,
      minutes: 400 + i * 10,
      bucket: i % 2 ? '<5' : '20-50',
      boost: i >= 14 ? 8 : 0,
      outcome: i >= 14 ? 'outbid' : null,
      invited: false,
      viewed: i >= 2 && i < 5 ? day(i + 4) : null,
      connects: 6,
      refunded: 0,
      value: i === 0 ? '300.00' : undefined,
    });
  }
  for (let i = 0; i < 3; i++) {
    bids.push({
      title: `middle ${i}`,
      applied: '2026-08-02',
      stage: 'applied',
      minutes: 120,
      bucket: '50+',
      boost: 0,
      outcome: null,
      invited: false,
      viewed: i === 0 ? '2026-08-03' : null,
      connects: 4,
      refunded: 0,
    });
  }
  for (let i = 0; i < 7; i++) {
    bids.push({
      title: `unknown ${i}`,
      applied: '2026-08-05',
      stage: 'applied',
      minutes: null,
      bucket: null,
      boost: i < 2 ? 5 : 0,
      outcome: null,
      invited: false,
      viewed: i < 3 ? '2026-08-06' : null,
      connects: 2,
      refunded: 0,
    });
  }
  return bids;
}

const rank = (b: Bid) =>
  b.stage === 'won'
    ? 4
    : b.reached === 'interview' || b.stage === 'interview'
      ? 3
      : b.reached === 'replied' || b.stage === 'replied'
        ? 2
        : 1;
const spend = (b: Bid) => Math.max(0, b.connects + (b.outcome === 'outbid' ? 0 : b.boost) - b.refunded);

// The level rules, typed again from docs/domain.md §8 (en dashes included).
const speedOf = (m: number | null) =>
  m === null ? 'unknown' : m < 60 ? '< 1 h' : m < 360 ? '1–6 h' : m < 1440 ? '6–24 h' : '> 1 day';
const boostOf = (b: Bid) =>
  b.boost <= 0
    ? 'not boosted'
    : b.outcome === 'top'
      ? 'top'
      : b.outcome === 'outbid'
        ? 'outbid'
        : 'boosted, outcome unknown';
const levels = {
  speed: ['< 1 h', '1–6 h', '6–24 h', '> 1 day', 'unknown'],
  competition: ['<5', '5-10', '10-15', '15-20', '20-50', '50+', 'unknown'],
  boost: ['not boosted', 'top', 'outbid', 'boosted, outcome unknown'],
  invited: ['invited', 'not invited'],
} as const;
const levelOf: Record<keyof typeof levels, (b: Bid) => string> = {
  speed: (b) => speedOf(b.minutes),
  competition: (b) => b.bucket ?? 'unknown',
  boost: boostOf,
  invited: (b) => (b.invited ? 'invited' : 'not invited'),
};

const z95 = probit(0.975);

function refFunnel(bids: Bid[], pricePerConnect: number | null) {
  const n = bids.length;
  const viewed = bids.filter((b) => b.viewed !== null || rank(b) >= 2).length;
  const replied = bids.filter((b) => rank(b) >= 2).length;
  const interviews = bids.filter((b) => rank(b) >= 3).length;
  const wins = bids.filter((b) => b.stage === 'won').length;
  const rate = (k: number) => (n < 5 ? null : { value: k / n, ...wilsonRef(k, n, z95) });
  const cost = bids.reduce((s, b) => s + spend(b), 0) * (pricePerConnect ?? 0);
  const per = (k: number) => (pricePerConnect === null || k === 0 ? null : halfEven(cost / k));
  return {
    proposals: n,
    viewed,
    replied,
    interviews,
    wins,
    viewRate: rate(viewed),
    replyRate: rate(replied),
    winRate: rate(wins),
    costPerView: per(viewed),
    costPerReply: per(replied),
    costPerWin: per(wins),
  };
}

function refFindings(bids: Bid[]) {
  const out: {
    factor: string;
    level: string;
    levelRate: number;
    othersRate: number;
    difference: { estimate: number; low: number; high: number };
    proposals: number;
  }[] = [];
  for (const factor of Object.keys(levels) as (keyof typeof levels)[]) {
    const comparable = levels[factor]
      .filter((l) => l !== 'unknown' && l !== 'boosted, outcome unknown')
      .map((l) => {
        const own = bids.filter((b) => levelOf[factor](b) === l);
        return { level: l, n: own.length, k: own.filter((b) => b.viewed !== null || rank(b) >= 2).length };
      })
      .filter((l) => l.n >= 5);
    if (comparable.length < 2) continue;
    const best = comparable.reduce((a, l) => (l.k / l.n > a.k / a.n ? l : a));
    const others = comparable.filter((l) => l !== best);
    const n2 = others.reduce((s, l) => s + l.n, 0);
    const k2 = others.reduce((s, l) => s + l.k, 0);
    const d = newcombeRef(best.k, best.n, k2, n2, probit(1 - 0.025 / comparable.length));
    if (d.low > 0 || d.high < 0)
      out.push({
        factor,
        level: best.level,
        levelRate: best.k / best.n,
        othersRate: k2 / n2,
        difference: d,
        proposals: best.n + n2,
      });
  }
  return out;
}

/** Numbers compared to 1e-9 (floating sums in another order), everything else exactly. */
function expectClose(actual: unknown, expected: unknown, path = '$'): void {
  if (typeof expected === 'number' && typeof actual === 'number' && !Number.isInteger(expected)) {
    expect(Math.abs(actual - expected), `${path}: ${actual} vs ${expected}`).toBeLessThan(1e-9);
  } else if (expected !== null && typeof expected === 'object') {
    expect(actual, path).toBeTypeOf('object');
    expect(Object.keys(actual as object), `${path} keys`).toEqual(Object.keys(expected));
    for (const key of Object.keys(expected))
      expectClose(
        (actual as Record<string, unknown>)[key],
        (expected as Record<string, unknown>)[key],
        `${path}.${key}`,
      );
  } else {
    expect(actual, path).toEqual(expected);
  }
}

let ctx: Ctx & { close: () => void };
let upwork: number;
let linkedIn: number;
const bids = history();
const linkedInBids: Bid[] = [0, 1, 2].map((i) => ({
  title: `li ${i}`,
  applied: '2026-07-10',
  stage: i === 0 ? 'won' : 'applied',
  minutes: null,
  bucket: null,
  boost: 0,
  outcome: null,
  invited: true,
  viewed: null,
  connects: 0,
  refunded: 0,
}));

async function addBid(source: number, b: Bid): Promise<void> {
  const closed = b.stage === 'won' || b.stage === 'lost' ? '2026-08-12' : null;
  const created = await callOk<{ id: number }>(ctx, 'leads:create', {
    sourceId: source,
    title: b.title,
    stage: b.reached ?? b.stage,
    createdOn: b.applied,
    appliedOn: b.applied,
    connects: b.connects,
    boostConnects: b.boost,
    connectsRefunded: b.refunded,
    value: b.value ?? null,
    currency: 'USD',
    invited: b.invited,
    minutesAfterPost: b.minutes,
    proposalsWhenBid: b.bucket,
    viewedOn: b.viewed,
    boostOutcome: b.outcome,
    ...(b.reached ? {} : closed ? { closedOn: closed } : {}),
  });
  if (b.reached)
    await callOk(ctx, 'leads:update', { id: created.id, stage: b.stage, ...(closed ? { closedOn: closed } : {}) });
  if (b.paid)
    await callOk(ctx, 'payments:create', {
      date: b.paid.date,
      sourceId: source,
      leadId: created.id,
      gross: b.paid.gross,
      fee: b.paid.fee,
      currency: 'USD',
    });
  if (b.salesMinutes)
    await callOk(ctx, 'time:create', { date: b.applied, leadId: created.id, kind: 'sales', minutes: b.salesMinutes });
}

beforeEach(async () => {
  ctx = openTempCtx(new Date('2026-08-15T12:00:00Z'));
  upwork = sourceId(ctx, 'Upwork');
  linkedIn = sourceId(ctx, 'LinkedIn');
  for (const b of bids) await addBid(upwork, b);
  for (const b of linkedInBids) await addBid(linkedIn, b);
  // Not proposals: never sent.
  await callOk(ctx, 'leads:create', { sourceId: upwork, title: 'draft', createdOn: '2026-07-03', connects: 0 });
  // Outside the planner's window and the funnel's range below; a sales entry outside the window, a delivery one inside.
  await addBid(upwork, {
    title: 'old',
    applied: '2025-12-01',
    stage: 'won',
    minutes: 3,
    bucket: '<5',
    boost: 0,
    outcome: null,
    invited: false,
    viewed: '2025-12-02',
    connects: 4,
    refunded: 0,
    value: '9999.00',
  });
  await callOk(ctx, 'time:create', { date: '2025-12-01', sourceId: upwork, kind: 'sales', minutes: 600 });
  // 500 Connects bought in June: every spend is covered, so today's balance is 500 + 3 allowances − the spends.
  await callOk(ctx, 'expenses:create', {
    date: '2026-06-01',
    sourceId: upwork,
    category: 'connects',
    amount: '75.00',
    currency: 'USD',
    connects: 500,
  });
});
afterEach(() => ctx.close());

describe('the funnel (docs/domain.md §8)', () => {
  it('matches the reference for every field: levels under 5 proposals, findings only where the interval excludes 0', async () => {
    const view = await callOk<FunnelView>(ctx, 'visibility:funnel', { from: '2026-07-01', to: '2026-08-31' });
    const up = bids;
    const expected = {
      from: '2026-07-01',
      to: '2026-08-31',
      channels: [
        {
          source: 'Upwork',
          funnel: refFunnel(up, 15),
          factors: Object.fromEntries(
            (Object.keys(levels) as (keyof typeof levels)[]).map((f) => [
              f,
              levels[f].map((level) => ({
                level,
                ...refFunnel(
                  up.filter((b) => levelOf[f](b) === level),
                  15,
                ),
              })),
            ]),
          ),
          findings: refFindings(up),
        },
        {
          source: 'LinkedIn',
          funnel: refFunnel(linkedInBids, null),
          factors: Object.fromEntries(
            (Object.keys(levels) as (keyof typeof levels)[]).map((f) => [
              f,
              levels[f].map((level) => ({
                level,
                ...refFunnel(
                  linkedInBids.filter((b) => levelOf[f](b) === level),
                  null,
                ),
              })),
            ]),
          ),
          findings: [],
        },
      ],
    };
    const json = funnelJson(view);
    // The text is checked apart (below); every other field here.
    const withoutText = {
      ...json,
      channels: json.channels.map((c) => ({ ...c, findings: c.findings.map(({ text: _text, ...f }) => f) })),
    };
    expectClose(withoutText, expected);
    // The history covers both cases: speed's interval excludes 0, competition's (2 comparable levels) includes it.
    const upFindings = view.channels[0]!.findings;
    expect(upFindings.map((f) => f.factor)).toContain('speed');
    expect(upFindings.map((f) => f.factor)).not.toContain('competition');
    // Under 5 proposals: counts given, rates null (1–6 h has 3, invited 3, top 3).
    expect(view.channels[0]!.factors.speed[1]).toMatchObject({
      level: '1–6 h',
      proposals: 3,
      viewed: 1,
      viewRate: null,
      replyRate: null,
      winRate: null,
    });
    const speed = upFindings.find((f) => f.factor === 'speed')!;
    const pct = (x: number) => `${Math.round(x * 100)}%`;
    const pts = (x: number) => `${x > 0 ? '+' : '−'}${Math.abs(Math.round(x * 100))}`;
    expect(speed.text).toBe(
      `Bids sent within the first hour were viewed more often: ${pct(speed.levelRate)} against ${pct(speed.othersRate)} (95% interval ${pts(speed.difference.low)} to ${pts(speed.difference.high)} points, ${speed.proposals} proposals)`,
    );
  });

  it('takes from/to from the proposals shown when not given, one channel with --source', async () => {
    const view = await callOk<FunnelView>(ctx, 'visibility:funnel', { source: 'LinkedIn' });
    expect(funnelJson(view)).toMatchObject({
      from: '2026-07-10',
      to: '2026-07-10',
      channels: [{ source: 'LinkedIn' }],
    });
    const all = await callOk<FunnelView>(ctx, 'visibility:funnel', {});
    expect([all.from, all.to]).toEqual(['2025-12-01', '2026-08-05']);
    expect(all.channels.map((c) => c.source)).toEqual(['Upwork', 'LinkedIn']);
  });
});

describe('the proposals behind each number', () => {
  it('lists exactly as many proposals as every count of the funnel and its levels', async () => {
    const range = { from: '2026-07-01', to: '2026-08-31' };
    const view = await callOk<FunnelView>(ctx, 'visibility:funnel', range);
    const measures = ['proposals', 'viewed', 'replied', 'interviews', 'wins'] as const;
    const up = view.channels[0]!;
    for (const measure of measures) {
      const all = await callOk<{ total: number }>(ctx, 'visibility:proposals', { sourceId: upwork, ...range, measure });
      expect(all.total, measure).toBe(up.funnel[measure]);
      for (const factor of Object.keys(levels) as (keyof typeof levels)[]) {
        for (const l of up.factors[factor]) {
          const behind = await callOk<{ total: number; rows: { id: number }[] }>(ctx, 'visibility:proposals', {
            sourceId: upwork,
            ...range,
            factor,
            level: l.level,
            measure,
          });
          expect(behind.total, `${factor} ${l.level} ${measure}`).toBe(l[measure]);
          expect(behind.rows).toHaveLength(Math.min(200, l[measure]));
        }
      }
    }
  });
});

describe('the outbid rule in every spend', () => {
  it('leaves an outbid boost out of the report, the ledger and the funnel costs', async () => {
    const report = await callOk<{ channels: { source: string; connectsSpent: number; connectsRefunded: number }[] }>(
      ctx,
      'reports:channels',
      { from: '2026-07-01', to: '2026-08-31' },
    );
    const row = report.channels.find((c) => c.source === 'Upwork')!;
    expect(row.connectsSpent).toBe(bids.reduce((s, b) => s + b.connects + (b.outcome === 'outbid' ? 0 : b.boost), 0));
    const ledger = await callOk<{ channels: { source: string; spent: number; balance: number }[] }>(
      ctx,
      'connects:ledger',
      { source: 'Upwork', on: '2026-08-15' },
    );
    const spends = [...bids, { connects: 4, boost: 0, refunded: 0, outcome: null } as unknown as Bid].reduce(
      (s, b) => s + spend(b),
      0,
    );
    expect(ledger.channels[0]!.spent).toBe(spends);
    // Marking a boost outbid afterwards takes its Connects back out of the spends.
    const lead = (
      await callOk<{ rows: { id: number; title: string }[] }>(ctx, 'leads:list', { search: 'fast 1' })
    ).rows.find((r) => r.title === 'fast 1')!;
    await callOk(ctx, 'leads:update', { id: lead.id, boostOutcome: 'outbid' });
    const after = await callOk<typeof ledger>(ctx, 'connects:ledger', { source: 'Upwork', on: '2026-08-15' });
    expect(after.channels[0]!.spent).toBe(spends - 10);
  });
});

type PlanInput = {
  proposals: number;
  boosted: number;
  boost: number;
  fast?: number | null;
  from?: string;
  to?: string;
};

/** The planner of docs/domain.md §8 computed from the hand-made history. */
function refPlan(input: PlanInput, window: Bid[]) {
  const N = input.proposals;
  const B = input.boosted;
  const F = input.fast ?? null;
  const hist = window;
  const count = (f: (b: Bid) => boolean) => {
    const own = hist.filter(f);
    return { n: own.length, w: own.filter((b) => b.stage === 'won').length };
  };
  const whole = count(() => true);
  const groups: { m: number; h: { n: number; w: number } }[] = [];
  for (const boosted of [true, false]) {
    const parentOwn = count((b) => b.boost > 0 === boosted);
    const parent = parentOwn.n >= 5 ? parentOwn : whole;
    const planned = boosted ? B : N - B;
    if (F === null) groups.push({ m: planned, h: parent });
    else {
      const fastBoosted = N === 0 ? 0 : (F * B) / N;
      const fastPlanned = boosted ? fastBoosted : F - fastBoosted;
      for (const fast of [true, false]) {
        const own = count((b) => b.boost > 0 === boosted && (b.minutes !== null && b.minutes < 60) === fast);
        groups.push({ m: fast ? fastPlanned : planned - fastPlanned, h: own.n >= 5 ? own : parent });
      }
    }
  }
  const wins = { expected: 0, low: 0, high: 0 };
  for (const g of groups) {
    if (g.m === 0) continue;
    wins.expected += (g.m * (g.h.w + 0.5)) / (g.h.n + 1);
    wins.low += g.m * betaPpf(0.1, g.h.w + 0.5, g.h.n - g.h.w + 0.5);
    wins.high += g.m * betaPpf(0.9, g.h.w + 0.5, g.h.n - g.h.w + 0.5);
  }
  // Net revenue per won proposal: payments gross − fee, else the booked value (minor units).
  const won = hist.filter((b) => b.stage === 'won');
  const revenueOf = (b: Bid) =>
    b.paid
      ? Math.round(Number(b.paid.gross) * 100) - Math.round(Number(b.paid.fee) * 100)
      : Math.round(Number(b.value ?? 0) * 100);
  const R = won.reduce((s, b) => s + revenueOf(b), 0) / won.length;
  const top = hist.filter((b) => b.boost > 0 && b.outcome === 'top').length;
  const outbid = hist.filter((b) => b.boost > 0 && b.outcome === 'outbid').length;
  const share = top + outbid === 0 ? 1 : top / (top + outbid);
  const needed = (N * hist.reduce((s, b) => s + b.connects, 0)) / hist.length + B * input.boost * share;
  const cost = needed * 15;
  const hours = (N * hist.reduce((s, b) => s + (b.salesMinutes ?? 0), 0)) / hist.length / 60;
  const money = (f: (w: number) => number) => ({
    expected: halfEven(f(wins.expected)),
    low: halfEven(f(wins.low)),
    high: halfEven(f(wins.high)),
  });
  // Balance today: 500 bought + 10 a month from December 2025 (the first lead with Connects) to August − every spend so far; September brings 10.
  const balance =
    500 +
    90 -
    [...bids, { connects: 4, boost: 0, refunded: 0, outcome: null } as unknown as Bid].reduce(
      (s, b) => s + spend(b),
      0,
    );
  const toBuy = Math.max(0, Math.ceil((needed - (balance + 10)) / 10) * 10);
  return {
    proposals: N,
    boosted: B,
    fast: F,
    wins,
    connectsNeeded: needed,
    connectsCost: halfEven(cost),
    revenue: money((w) => w * R),
    profit: money((w) => w * R - cost),
    salesHours: hours,
    profitPerHour: hours === 0 ? null : money((w) => (w * R - cost) / hours),
    connectsToBuy: toBuy,
  };
}

describe('the bid planner (docs/domain.md §8)', () => {
  const cases: PlanInput[] = [
    { proposals: 40, boosted: 10, boost: 12 },
    { proposals: 40, boosted: 10, boost: 12, fast: 20 },
    { proposals: 200, boosted: 0, boost: 0, fast: 200 },
    { proposals: 0, boosted: 0, boost: 0 },
  ];
  for (const input of cases) {
    it(`matches the reference for every field: ${JSON.stringify(input)}`, async () => {
      const view = await callOk<PlanView>(ctx, 'visibility:plan', { source: 'Upwork', ...input });
      expectClose(planJson(view), {
        source: 'Upwork',
        history: { from: '2026-02-17', to: '2026-08-15', proposals: bids.length },
        notEnoughHistory: false,
        month: refPlan(input, bids),
      });
    });
  }

  it("uses --from/--to as the history; the balance stays today's; too thin a history gives nulls", async () => {
    const input = { proposals: 30, boosted: 5, boost: 8, fast: 10, from: '2026-07-01', to: '2026-07-15' };
    const window = bids.filter((b) => b.applied >= '2026-07-01' && b.applied <= '2026-07-15');
    const view = await callOk<PlanView>(ctx, 'visibility:plan', { source: 'Upwork', ...input });
    expectClose(planJson(view), {
      source: 'Upwork',
      history: { from: '2026-07-01', to: '2026-07-15', proposals: window.length },
      notEnoughHistory: false,
      month: refPlan(input, window),
    });
    const thin = await callOk<PlanView>(ctx, 'visibility:plan', {
      source: 'LinkedIn',
      proposals: 10,
      boosted: 0,
      boost: 0,
    });
    expect(planJson(thin)).toEqual({
      source: 'LinkedIn',
      history: { from: '2026-02-17', to: '2026-08-15', proposals: 3 },
      notEnoughHistory: true,
      month: {
        proposals: 10,
        boosted: 0,
        fast: null,
        wins: null,
        connectsNeeded: null,
        connectsCost: null,
        revenue: null,
        profit: null,
        salesHours: null,
        profitPerHour: null,
        connectsToBuy: null,
      },
    });
  });

  it('refuses impossible inputs with the field named', async () => {
    const { dispatch } = await import('../dispatch');
    const r = await dispatch(ctx, 'visibility:plan', { source: 'Upwork', proposals: 5, boosted: 6, boost: 1 });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.fields?.[0]).toMatchObject({ path: 'boosted' });
    const unknown = await dispatch(ctx, 'visibility:plan', { source: 'Nowhere', proposals: 5 });
    expect(!unknown.ok && unknown.error.message).toBe('source: No channel named "Nowhere"');
  });
});
