import { parseArgs } from 'node:util';
import {
  type FunnelLevel,
  FunnelReport,
  type FunnelView,
  PlanReport,
  type PlanView,
} from '../../shared/api/schemas/visibility';
import { isIsoDate } from '../../shared/dates';
import { groupedAmount as money } from '../../shared/reports/format';
import { CliError } from '../cli-error';
import type { Command } from '../command';

// docs/domain.md §8: `leadledger funnel` and `leadledger plan`; --json prints exactly the contract's keys.

function parse<T extends Record<string, { type: 'string' | 'boolean' }>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, strict: true }).values as {
      [K in keyof T]?: T[K]['type'] extends 'string' ? string : boolean;
    };
  } catch (error) {
    throw new CliError((error as Error).message.split('\n')[0]!, 2);
  }
}

function date(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isIsoDate(value)) throw new CliError(`--${flag} needs a real date written YYYY-MM-DD (got "${value}")`, 2);
  return value;
}

function whole(flag: string, value: string | undefined, required: boolean): number | undefined {
  if (value === undefined) {
    if (required) throw new CliError(`--${flag} needs a whole number`, 2);
    return undefined;
  }
  if (!/^\d{1,9}$/.test(value.trim()))
    throw new CliError(`--${flag} needs a whole number, 0 or more (got "${value}")`, 2);
  return Number(value);
}

const pct = (r: { value: number; low: number; high: number } | null) =>
  r === null ? '—' : `${Math.round(r.value * 100)}% (${Math.round(r.low * 100)}–${Math.round(r.high * 100)})`;

/** The contract's keys only, in its order (the page's extras left out). */
export const funnelJson = (view: FunnelView): FunnelReport => FunnelReport.parse(view);
export const planJson = (view: PlanView): PlanReport => PlanReport.parse(view);

function levelLine(l: FunnelLevel & { level: string }, currency: string): string {
  return `  ${l.level.padEnd(26)}${String(l.proposals).padStart(9)}${String(l.viewed).padStart(8)}  ${pct(l.viewRate).padEnd(15)}${String(l.wins).padStart(6)}  ${pct(l.winRate).padEnd(15)}${money(l.costPerView, currency).padStart(10)}`;
}

export function formatFunnel(view: FunnelView): string {
  const out = [
    `Being seen: proposals ${view.from ?? '—'} to ${view.to ?? '—'}, rates with 95% intervals, costs in ${view.currency}`,
  ];
  if (view.channels.length === 0) out.push('', '(no proposals in this range)');
  for (const c of view.channels) {
    out.push(
      '',
      `${c.source}: ${c.funnel.proposals} proposals, ${c.funnel.viewed} viewed, ${c.funnel.replied} replied, ${c.funnel.interviews} interviews, ${c.funnel.wins} won`,
    );
    out.push(
      `  viewed ${pct(c.funnel.viewRate)}, replied ${pct(c.funnel.replyRate)}, won ${pct(c.funnel.winRate)}; per view ${money(c.funnel.costPerView, view.currency)}, per win ${money(c.funnel.costPerWin, view.currency)}`,
    );
    for (const f of c.findings) out.push(`  * ${f.text}`);
    if (c.findings.length === 0) out.push(`  No difference you can tell yet from ${c.funnel.proposals} proposals.`);
    for (const [name, levels] of Object.entries(c.factors)) {
      out.push(
        '',
        `  ${name.padEnd(26)}${'Proposals'.padStart(9)}${'Viewed'.padStart(8)}  ${'View rate'.padEnd(15)}${'Wins'.padStart(6)}  ${'Win rate'.padEnd(15)}${'Per view'.padStart(10)}`,
      );
      for (const l of levels) out.push(levelLine(l, view.currency));
    }
  }
  return `${out.join('\n')}\n`;
}

const range = (e: { expected: number; low: number; high: number } | null, f: (x: number) => string) =>
  e === null ? '—' : `${f(e.expected)} (80%: ${f(e.low)} to ${f(e.high)})`;

export function formatPlan(view: PlanView): string {
  const m = view.month;
  const credits = view.creditName ?? 'Connects';
  const head = `Bid plan for ${view.source}: ${m.proposals} proposals a month, ${m.boosted} boosted${m.fast === null ? '' : `, ${m.fast} within the first hour`}`;
  const from = `History: ${view.history.proposals} proposals applied ${view.history.from} to ${view.history.to}`;
  if (view.notEnoughHistory)
    return `${head}\n${from}\n\nNot enough history yet: the planner needs at least 5 proposals in the window.\n`;
  const c = (x: number) => money(x, view.currency);
  return [
    head,
    from,
    '',
    `Wins:             ${range(m.wins, (x) => x.toFixed(1))}`,
    `${credits} needed: ${m.connectsNeeded!.toFixed(1)}, costing ${c(m.connectsCost!)} ${view.currency}`,
    `Revenue:          ${range(m.revenue, c)}`,
    `Profit:           ${range(m.profit, c)}`,
    `Sales hours:      ${m.salesHours!.toFixed(1)}`,
    `Profit per hour:  ${range(m.profitPerHour, c)}`,
    `${credits} to buy:   ${m.connectsToBuy}`,
    '',
  ].join('\n');
}

export const funnelCommand: Command = {
  name: 'funnel',
  summary: 'Being seen: proposals viewed, replied, won per channel, by speed, competition, boost and invitation',
  usage:
    'leadledger funnel [--source NAME] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]\n\n' +
    '  Proposals are leads with an applied date in the range (all of them without one). Rates carry 95% intervals\n' +
    '  and need 5 proposals; findings say which speed, competition, boost or invitation got viewed more often.',
  async run(args, env) {
    const values = parse(args, {
      source: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      json: { type: 'boolean' },
    });
    const from = date('from', values.from);
    const to = date('to', values.to);
    if (from && to && to < from) throw new CliError(`--to ${to} is before --from ${from}`, 2);
    const view = await env.call('visibility:funnel', {
      ...(values.source !== undefined ? { source: values.source } : {}),
      from,
      to,
    });
    env.io.stdout(values.json ? `${JSON.stringify(funnelJson(view), null, 2)}\n` : formatFunnel(view));
    return 0;
  },
};

export const planCommand: Command = {
  name: 'plan',
  summary: "The bid planner: next month's wins, Connects to buy, revenue, profit and hours from your history",
  usage:
    'leadledger plan --source NAME --proposals N [--boosted B --boost K] [--fast F] [--from YYYY-MM-DD --to YYYY-MM-DD] [--json]\n\n' +
    '  N proposals a month, B of them boosted with a bid of K Connects, F sent within the first hour of the post.\n' +
    "  History: the channel's proposals of the last 180 days (or --from/--to); estimates carry 80% intervals.",
  async run(args, env) {
    const values = parse(args, {
      source: { type: 'string' },
      proposals: { type: 'string' },
      boosted: { type: 'string' },
      boost: { type: 'string' },
      fast: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (values.source === undefined) throw new CliError('--source needs the channel name', 2);
    const from = date('from', values.from);
    const to = date('to', values.to);
    if (from && to && to < from) throw new CliError(`--to ${to} is before --from ${from}`, 2);
    const view = await env.call('visibility:plan', {
      source: values.source,
      proposals: whole('proposals', values.proposals, true)!,
      boosted: whole('boosted', values.boosted, false) ?? 0,
      boost: whole('boost', values.boost, false) ?? 0,
      fast: whole('fast', values.fast, false) ?? null,
      from,
      to,
    });
    env.io.stdout(values.json ? `${JSON.stringify(planJson(view), null, 2)}\n` : formatPlan(view));
    return 0;
  },
};
