import { z } from 'zod';
import { op } from '../define';
import { id } from '../fields';
import { DateRange } from './money-fields';

export const Basis = z.enum(['cash', 'usage'], { error: 'Basis is cash or usage' });
export type Basis = z.infer<typeof Basis>;
/** docs/domain.md §6: last counts a payment for its own channel, first for its lead's client's first source. */
export const Attribution = z.enum(['last', 'first'], { error: 'Attribution is last or first' });
export type Attribution = z.infer<typeof Attribution>;

const metricFields = {
  leads: z.number().int(),
  proposals: z.number().int(),
  replies: z.number().int(),
  interviews: z.number().int(),
  wins: z.number().int(),
  winRate: z.number().nullable(),
  connectsSpent: z.number().int(),
  connectsRefunded: z.number().int(),
  connectsExpired: z.number().int(),
  connectsPerWin: z.number().int().nullable(),
  revenue: z.number().int(),
  fees: z.number().int(),
  costs: z.number().int(),
  profit: z.number().int(),
  roi: z.number().nullable(),
  costPerLead: z.number().int().nullable(),
  costPerWin: z.number().int().nullable(),
  revenuePerConnect: z.number().int().nullable(),
  booked: z.number().int(),
  medianDaysToWin: z.number().nullable(),
  // docs/domain.md §6: hours of time entries dated in the range, profit per hour in minor units.
  salesHours: z.number(),
  deliveryHours: z.number(),
  profitPerHour: z.number().int().nullable(),
  salesHoursPerWin: z.number().nullable(),
};

export const ChannelTotals = z.object(metricFields);
export const ChannelRow = z.object({ source: z.string(), ...metricFields });
export type ChannelRow = z.infer<typeof ChannelRow>;

/** docs/domain.md §4, key order included: this is what `leadledger report --json` prints. */
export const ChannelReport = z.object({
  from: z.string(),
  to: z.string(),
  basis: Basis,
  currency: z.string(),
  channels: z.array(ChannelRow),
  totals: ChannelTotals,
  warnings: z.array(z.string()),
});
export type ChannelReport = z.infer<typeof ChannelReport>;

export const ReportInput = DateRange.and(z.object({ basis: Basis.optional(), attribution: Attribution.optional() }));

/** Extras for the Reports page: ids for drill-down, monthly profit and cost breakdown. */
export const ReportDetail = z.object({
  report: ChannelReport,
  sources: z.array(z.object({ source: z.string(), sourceId: id.nullable(), color: z.string() })),
  monthly: z.array(z.object({ month: z.string(), profit: z.record(z.string(), z.number().int()) })),
  costBreakdown: z.array(z.object({ source: z.string(), category: z.string(), amount: z.number().int() })),
  /**
   * App only (never in `report --json`): per channel, the range's payments and how many fall in a month
   * with no time logged on the channel, so a profit per hour built on missing hours shows it.
   */
  hoursCoverage: z
    .array(
      z.object({
        source: z.string(),
        payments: z.number().int(),
        withoutHours: z.number().int(),
        firstTimeOn: z.string().nullable(),
      }),
    )
    .default([]),
});
export type ReportDetail = z.infer<typeof ReportDetail>;

const BoostGroup = z.object({
  proposals: z.number().int(),
  wins: z.number().int(),
  winRate: z.number().nullable(),
  connectsPerWin: z.number().nullable(),
  costPerWin: z.number().int().nullable(),
});

export const BoostReport = z.object({
  sourceId: id,
  source: z.string(),
  creditName: z.string(),
  creditPriceMinor: z.number().int().nullable(),
  currency: z.string(),
  boosted: BoostGroup,
  unboosted: BoostGroup,
  /** Win rate boosted − not boosted and its 95% interval (Wilson/Newcombe); null when a group is empty. */
  uplift: z.object({ estimate: z.number(), low: z.number(), high: z.number() }).nullable(),
  notEnoughData: z.boolean(),
  averageBoostBid: z.number().nullable(),
  averageNetRevenuePerWin: z.number().int().nullable(),
  breakEvenBoostConnects: z.number().int().nullable(),
  warnings: z.array(z.string()),
});
export type BoostReport = z.infer<typeof BoostReport>;

export const reportsContract = {
  'reports:channels': op.read(
    ReportInput,
    ChannelReport,
    'Per-channel profit report for a date range (cash or usage basis)',
  ),
  'reports:detail': op.read(
    ReportInput,
    ReportDetail,
    'The channel report with monthly profit and cost breakdown for the Reports page',
  ),
  'reports:boost': op.read(
    DateRange.and(z.object({ sourceId: id })),
    BoostReport,
    'What boosted bids cost and won on one channel',
  ),
};
