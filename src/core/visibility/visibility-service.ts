import type { z } from 'zod';
import { fieldError } from '../../shared/api/result';
import type {
  FunnelQuery,
  FunnelView,
  PlanQuery,
  PlanView,
  ProposalRow,
  ProposalsQuery,
} from '../../shared/api/schemas/visibility';
import { addDays } from 'date-fns';
import { fromIsoDate, toIsoDate } from '../../shared/dates';
import { type FactorName } from '../../shared/domain/bid-facts';
import { Converter } from '../../shared/reports/fx';
import type { ReadCtx } from '../context';
import { dataStamp } from '../db/data-stamp';
import { creditPriceOn } from '../costs/cost-rules-repo';
import { creditPlans, creditSources } from '../connects/ledger-repo';
import { rateTable } from '../rates/rates-repo';
import { baseCurrency } from '../db/settings-repo';
import { findSourceByName, getSourceRecord, type SourceRecord } from '../sources/sources-repo';
import { channelLedger } from '../connects/ledger-service';
import { channelFunnel, emptyCounts, type FunnelCell } from './funnel';
import { planMonth, type PlannerHistory, type PlannerMoney } from './planner';
import { funnelRows, planGroups, pricedSources, proposalsBehind, salesMinutes, wonInWindow } from './visibility-repo';

// docs/domain.md §8. Both answers are remembered until the data changes (dataStamp) or the day does:
// at 100,000 proposals the grouping pass is tens of milliseconds, asked again by every render.

const remembered = new WeakMap<ReadCtx['db'], { stamp: string; answers: Map<string, unknown> }>();

function remember<T>(ctx: ReadCtx, key: string, compute: () => T): T {
  if (ctx.db.inTransaction) return compute();
  const stamp = dataStamp(ctx.db);
  let cache = remembered.get(ctx.db);
  if (!cache || cache.stamp !== stamp) remembered.set(ctx.db, (cache = { stamp, answers: new Map() }));
  if (cache.answers.has(key)) return cache.answers.get(key) as T;
  const answer = compute();
  if (cache.answers.size >= 32) cache.answers.delete(cache.answers.keys().next().value!);
  cache.answers.set(key, answer);
  return answer;
}

function channelOf(
  ctx: ReadCtx,
  ref: { source?: string | undefined; sourceId?: number | undefined },
): SourceRecord | undefined {
  if (ref.sourceId !== undefined) {
    const s = getSourceRecord(ctx.db, ref.sourceId);
    if (!s) throw fieldError('sourceId', `Unknown channel (id ${ref.sourceId})`);
    return s;
  }
  if (ref.source !== undefined) {
    const s = findSourceByName(ctx.db, ref.source);
    if (!s) throw fieldError('source', `No channel named "${ref.source}"`);
    return s;
  }
  return undefined;
}

export function funnelReport(ctx: ReadCtx, query: z.output<typeof FunnelQuery>): FunnelView {
  const today = toIsoDate(ctx.now());
  return remember(ctx, `funnel|${today}|${JSON.stringify(query)}`, () => computeFunnel(ctx, query));
}

function computeFunnel(ctx: ReadCtx, query: z.output<typeof FunnelQuery>): FunnelView {
  const { db } = ctx;
  const only = channelOf(ctx, query);
  const base = baseCurrency(db);
  const converter = new Converter(base, rateTable(db, base));
  const rows = funnelRows(db, { sourceId: only?.id, from: query.from, to: query.to });
  const priced = pricedSources(db);
  const cellsBySource = new Map<number, FunnelCell[]>();
  let first: string | null = null;
  let last: string | null = null;
  for (const r of rows) {
    // The Connects of these bids valued at the credit price of each lead's day, in base units.
    const cost =
      r.price === null || r.price_currency === null
        ? 0
        : (converter.convert(r.spent * r.price, r.price_currency, r.month) ?? 0);
    const counts = {
      ...emptyCounts(),
      proposals: r.proposals,
      viewed: r.viewed,
      replied: r.replied,
      interviews: r.interviews,
      wins: r.wins,
      cost,
      priced: priced.has(r.source_id),
    };
    const levels: Record<FactorName, string> = {
      speed: r.speed,
      competition: r.competition,
      boost: r.boost,
      invited: r.invited ? 'invited' : 'not invited',
    };
    const list = cellsBySource.get(r.source_id) ?? [];
    list.push({ levels, counts });
    cellsBySource.set(r.source_id, list);
    if (first === null || r.first < first) first = r.first;
    if (last === null || r.last > last) last = r.last;
  }
  const order = db.prepare(`SELECT id, name FROM sources ORDER BY archived, sort_order, name`).all() as {
    id: number;
    name: string;
  }[];
  const shown = order.filter((s) => cellsBySource.has(s.id));
  return {
    from: query.from ?? first,
    to: query.to ?? last,
    channels: shown.map((s) => ({ source: s.name, ...channelFunnel(cellsBySource.get(s.id)!) })),
    currency: base,
    sources: shown.map((s) => ({ source: s.name, sourceId: s.id })),
  };
}

export function bidPlan(ctx: ReadCtx, query: z.output<typeof PlanQuery>): PlanView {
  const today = toIsoDate(ctx.now());
  const source = channelOf(ctx, query)!;
  const from = query.from ?? toIsoDate(addDays(fromIsoDate(today), -179));
  const to = query.to ?? today;
  // The history is read once per channel, window and data: typing other inputs only reruns the arithmetic.
  const facts = remember(ctx, `plan-history|${today}|${source.id}|${from}|${to}`, () =>
    planFacts(ctx, source, from, to, today),
  );
  const inputs = { proposals: query.proposals, boosted: query.boosted, boost: query.boost, fast: query.fast ?? null };
  return {
    source: source.name,
    history: { from, to, proposals: facts.proposals },
    notEnoughHistory: facts.proposals < 5,
    month: planMonth(facts.history, inputs, facts.money),
    currency: facts.currency,
    creditName: source.credit_name,
  };
}

type PlanFacts = { proposals: number; history: PlannerHistory; money: PlannerMoney; currency: string };

function planFacts(ctx: ReadCtx, source: SourceRecord, from: string, to: string, today: string): PlanFacts {
  const { db } = ctx;
  const base = baseCurrency(db);
  const converter = new Converter(base, rateTable(db, base));
  const groups = planGroups(db, source.id, from, to);
  // Net revenue per won proposal: its payments (gross − fee, each at its month's rate), else its booked value.
  const won = new Map<number, number>();
  for (const w of wonInWindow(db, source.id, from, to)) {
    const net =
      w.paid_currency !== null && w.paid_month !== null
        ? (converter.convert(w.paid_net ?? 0, w.paid_currency, w.paid_month) ?? 0)
        : w.value_minor === null
          ? 0
          : (converter.convert(w.value_minor, w.currency, w.day.slice(0, 7)) ?? 0);
    won.set(w.id, (won.get(w.id) ?? 0) + net);
  }
  const history: PlannerHistory = {
    groups: groups.map((g) => ({ boosted: g.boosted === 1, fast: g.fast === 1, proposals: g.proposals, wins: g.wins })),
    connects: groups.reduce((n, g) => n + g.connects, 0),
    top: groups.reduce((n, g) => n + g.top, 0),
    outbid: groups.reduce((n, g) => n + g.outbid, 0),
    wonRevenue: [...won.values()],
    salesMinutes: salesMinutes(db, source.id, from, to),
  };
  const price = creditPriceOn(db, source.id, today);
  const creditPrice = price ? (converter.convert(price.unitPriceMinor, price.currency, today.slice(0, 7)) ?? 0) : 0;
  const credit = creditSources(db).find((s) => s.id === source.id);
  const balance = credit ? channelLedger(ctx, credit, today).run.balance : 0;
  const nextFirst = `${toIsoDate(addDays(fromIsoDate(`${today.slice(0, 7)}-01`), 32)).slice(0, 7)}-01`;
  const plan = credit
    ? creditPlans(db, source.id).find((p) => p.starts_on <= nextFirst && (p.ends_on === null || p.ends_on >= nextFirst))
    : undefined;
  const nextAllowance = !credit ? 0 : plan ? plan.free_credits_monthly : credit.free_credits_monthly;
  return {
    proposals: groups.reduce((n, g) => n + g.proposals, 0),
    history,
    money: { creditPrice, balance, nextAllowance },
    currency: base,
  };
}

/** The proposals behind a number of the "Being seen" panel. */
export function proposalsFor(
  ctx: ReadCtx,
  query: z.output<typeof ProposalsQuery>,
): { total: number; rows: ProposalRow[] } {
  const { total, rows } = proposalsBehind(ctx.db, query);
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      title: r.title,
      client: r.client,
      stage: r.stage,
      appliedOn: r.applied_on,
      minutesAfterPost: r.minutes_after_post,
      proposalsWhenBid: r.proposals_when_bid,
      boostConnects: r.boost_connects,
      boostOutcome: r.boost_outcome,
      invited: r.invited === 1,
      viewedOn: r.viewed_on,
    })),
  };
}
