import { z } from 'zod';
import { op } from '../define';
import { count, id, isoDate } from '../fields';

// docs/domain.md §8: the "Being seen" funnel and the bid planner. Key order is the JSON contract of
// `leadledger funnel --json` and `leadledger plan --json`.

const Rate = z.object({ value: z.number(), low: z.number(), high: z.number() }).nullable();
const money = z.number().int().nullable();

const funnelFields = {
  proposals: z.number().int(),
  viewed: z.number().int(),
  replied: z.number().int(),
  interviews: z.number().int(),
  wins: z.number().int(),
  viewRate: Rate,
  replyRate: Rate,
  winRate: Rate,
  costPerView: money,
  costPerReply: money,
  costPerWin: money,
};
export const Funnel = z.object(funnelFields);
export type Funnel = z.infer<typeof Funnel>;

export const FunnelLevel = z.object({ level: z.string(), ...funnelFields });
export type FunnelLevel = z.infer<typeof FunnelLevel>;

export const Finding = z.object({
  factor: z.enum(['speed', 'competition', 'boost', 'invited']),
  level: z.string(),
  levelRate: z.number(),
  othersRate: z.number(),
  difference: z.object({ estimate: z.number(), low: z.number(), high: z.number() }),
  proposals: z.number().int(),
  text: z.string(),
});
export type Finding = z.infer<typeof Finding>;

export const FunnelChannel = z.object({
  source: z.string(),
  funnel: Funnel,
  factors: z.object({
    speed: z.array(FunnelLevel),
    competition: z.array(FunnelLevel),
    boost: z.array(FunnelLevel),
    invited: z.array(FunnelLevel),
  }),
  findings: z.array(Finding),
});
export type FunnelChannel = z.infer<typeof FunnelChannel>;

export const FunnelReport = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  channels: z.array(FunnelChannel),
});
export type FunnelReport = z.infer<typeof FunnelReport>;

/** The Reports page also needs each channel's id (drill-down) and the base currency; the CLI prints FunnelReport's keys only. */
export const FunnelView = FunnelReport.extend({
  currency: z.string(),
  sources: z.array(z.object({ source: z.string(), sourceId: id })),
});
export type FunnelView = z.infer<typeof FunnelView>;

const channelRef = { source: z.string().trim().min(1).max(200).optional(), sourceId: id.optional() };
const range = { from: isoDate.nullable().optional(), to: isoDate.nullable().optional() };
const fromBeforeTo = (r: { from?: string | null | undefined; to?: string | null | undefined }) =>
  !r.from || !r.to || r.from <= r.to;

export const FunnelQuery = z
  .object({ ...channelRef, ...range })
  .refine(fromBeforeTo, { path: ['to'], message: 'The end date is before the start date' });

const Estimate = z.object({ expected: z.number(), low: z.number(), high: z.number() }).nullable();

export const PlanReport = z.object({
  source: z.string(),
  history: z.object({ from: z.string(), to: z.string(), proposals: z.number().int() }),
  notEnoughHistory: z.boolean(),
  month: z.object({
    proposals: z.number().int(),
    boosted: z.number().int(),
    fast: z.number().int().nullable(),
    wins: Estimate,
    connectsNeeded: z.number().nullable(),
    connectsCost: money,
    revenue: Estimate,
    profit: Estimate,
    salesHours: z.number().nullable(),
    profitPerHour: Estimate,
    connectsToBuy: z.number().int().nullable(),
  }),
});
export type PlanReport = z.infer<typeof PlanReport>;

export const PlanView = PlanReport.extend({ currency: z.string(), creditName: z.string().nullable() });
export type PlanView = z.infer<typeof PlanView>;

export const PlanQuery = z
  .object({
    ...channelRef,
    ...range,
    proposals: count.max(100_000, 'At most 100,000 proposals a month'),
    boosted: count.default(0),
    boost: count.max(10_000).default(0),
    fast: count.nullable().optional(),
  })
  .refine(fromBeforeTo, { path: ['to'], message: 'The end date is before the start date' })
  .refine((q) => q.boosted <= q.proposals, {
    path: ['boosted'],
    message: 'Boosted proposals cannot be more than the proposals',
  })
  .refine((q) => q.fast == null || q.fast <= q.proposals, {
    path: ['fast'],
    message: 'Proposals within the first hour cannot be more than the proposals',
  })
  .refine((q) => q.source !== undefined || q.sourceId !== undefined, { path: ['source'], message: 'Name the channel' });

/** The proposals behind one number of the funnel: a channel, a range, optionally one factor's level, and the step counted. */
export const ProposalsQuery = z.object({
  sourceId: id,
  ...range,
  factor: z.enum(['speed', 'competition', 'boost', 'invited']).optional(),
  level: z.string().max(40).optional(),
  measure: z.enum(['proposals', 'viewed', 'replied', 'interviews', 'wins']).default('proposals'),
  limit: z.number().int().min(1).max(500).default(200),
});

export const ProposalRow = z.object({
  id,
  title: z.string(),
  client: z.string(),
  stage: z.string(),
  appliedOn: z.string(),
  minutesAfterPost: z.number().int().nullable(),
  proposalsWhenBid: z.string().nullable(),
  boostConnects: z.number().int(),
  boostOutcome: z.string().nullable(),
  invited: z.boolean(),
  viewedOn: z.string().nullable(),
});
export type ProposalRow = z.infer<typeof ProposalRow>;

export const visibilityContract = {
  'visibility:funnel': op.read(
    FunnelQuery,
    FunnelView,
    'Being seen: the proposal funnel per channel, by speed, competition, boost and invitation, with findings',
  ),
  'visibility:plan': op.read(
    PlanQuery,
    PlanView,
    "The bid planner: a month's expected wins, Connects, revenue, profit and hours from the channel's history",
  ),
  'visibility:proposals': op.read(
    ProposalsQuery,
    z.object({ total: z.number().int(), rows: z.array(ProposalRow) }),
    'The proposals behind a number of the funnel, newest first',
  ),
};
