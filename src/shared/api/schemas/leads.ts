import { z } from 'zod';
import { leadDateIssues } from '../../domain/lead-dates';
import { stages } from '../../domain/stages';
import { op } from '../define';
import { DeletedLead } from './undo';
import { amountText, checkAmount, count, countMax, currencyCode, id, isoDate, percent } from '../fields';
import { isIsoDate } from '../../dates';
import { isCurrencyCode, maxMinorUnits } from '../../money';
import { boostOutcomes, competitionBuckets } from '../../domain/bid-facts';

export const StageEnum = z.enum(stages);

/** Lengths the lead schemas allow; `leadImportRowIsValid` reads the same ones. */
const max = { ref: 200, title: 200, client: 200, url: 2000, lostReason: 500, tag: 40, tags: 30, notes: 20000 } as const;
const webAddress = /^https?:\/\/\S+$/i;

const title = z.string().trim().min(1, 'Give the lead a title').max(max.title, 'At most 200 characters');
const tag = z
  .string()
  .trim()
  .min(1)
  .max(max.tag, 'Tags are at most 40 characters')
  .regex(/^[^;]+$/, 'Tags cannot contain ";"');

export const Lead = z.object({
  id,
  ref: z.string(),
  sourceId: id,
  sourceName: z.string(),
  sourceColor: z.string(),
  title: z.string(),
  client: z.string(),
  url: z.string(),
  stage: StageEnum,
  createdOn: z.string(),
  appliedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  connects: z.number().int(),
  boostConnects: z.number().int(),
  connectsRefunded: z.number().int(),
  valueMinor: z.number().int().nullable(),
  currency: z.string(),
  feePercent: z.number().nullable(),
  lostReason: z.string(),
  tags: z.array(z.string()),
  notes: z.string(),
  followUpOn: z.string().nullable(),
  // docs/domain.md §8: the facts of a bid.
  invited: z.boolean(),
  minutesAfterPost: z.number().int().nullable(),
  proposalsWhenBid: z.enum(competitionBuckets).nullable(),
  viewedOn: z.string().nullable(),
  boostOutcome: z.enum(boostOutcomes).nullable(),
  position: z.number(),
  updatedAt: z.string(),
  /** When the latest logged activity happened (null: none logged). */
  lastActivityAt: z.string().nullable(),
  /** When it last moved between stages (its creation not counted). */
  lastMovedAt: z.string().nullable(),
});
export type Lead = z.infer<typeof Lead>;

export const StageChange = z.object({
  fromStage: StageEnum.nullable(),
  toStage: StageEnum,
  changedAt: z.string(),
});
export type StageChange = z.infer<typeof StageChange>;

export const LeadDetail = Lead.extend({ history: z.array(StageChange) });
export type LeadDetail = z.infer<typeof LeadDetail>;

const leadFields = {
  title,
  sourceId: id,
  client: z.string().trim().max(max.client, 'At most 200 characters').optional(),
  url: z
    .string()
    .trim()
    .max(max.url)
    .refine((u) => u === '' || webAddress.test(u), 'Use a web address starting with http:// or https://')
    .optional(),
  stage: StageEnum.optional(),
  createdOn: isoDate.optional(),
  appliedOn: isoDate.nullable().optional(),
  closedOn: isoDate.nullable().optional(),
  connects: count.optional(),
  boostConnects: count.optional(),
  connectsRefunded: count.optional(),
  value: amountText.nullable().optional().or(z.literal('')),
  currency: currencyCode.optional(),
  feePercent: percent.nullable().optional(),
  lostReason: z.string().trim().max(max.lostReason).optional(),
  tags: z.array(tag).max(max.tags, 'At most 30 tags').optional(),
  notes: z.string().max(max.notes, 'Notes are at most 20,000 characters').optional(),
  followUpOn: isoDate.nullable().optional(),
  invited: z.boolean().optional(),
  minutesAfterPost: count.nullable().optional(),
  proposalsWhenBid: z
    .enum(competitionBuckets, { error: 'Proposals on the job: <5, 5-10, 10-15, 15-20, 20-50 or 50+' })
    .nullable()
    .optional(),
  viewedOn: isoDate.nullable().optional(),
  boostOutcome: z.enum(boostOutcomes, { error: 'Boost outcome: top or outbid' }).nullable().optional(),
};

function refineLead(
  lead: {
    value?: string | null;
    currency?: string;
    createdOn?: string;
    appliedOn?: string | null;
    closedOn?: string | null;
    connectsRefunded?: number;
    connects?: number;
    boostConnects?: number;
    boostOutcome?: string | null;
  },
  ctx: z.RefinementCtx,
) {
  checkAmount(ctx, 'value', lead.value, lead.currency ?? 'USD');
  for (const issue of leadDateIssues(lead))
    ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.message });
  if (
    lead.connectsRefunded !== undefined &&
    lead.connects !== undefined &&
    lead.connectsRefunded > lead.connects + (lead.boostOutcome === 'outbid' ? 0 : (lead.boostConnects ?? 0))
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['connectsRefunded'],
      message: 'Cannot refund more connects than were spent',
    });
  }
}

const leadCreateFields = z.object({ ref: z.string().trim().min(1).max(max.ref).optional(), ...leadFields });
export const LeadCreate = leadCreateFields.superRefine(refineLead);
export type LeadCreate = z.input<typeof LeadCreate>;

/** A row of an imported file gets the same checks as the form; its channel comes by name, resolved later. */
export const LeadImportRow = leadCreateFields.omit({ sourceId: true }).superRefine(refineLead);

/** The input LeadImportRow gets from an imported row (check-draft.ts builds it). */
export type LeadImportInput = {
  ref: string;
  title: string;
  client: string;
  url: string;
  stage: string;
  createdOn: string;
  appliedOn: string | null;
  closedOn: string | null;
  connects: number;
  boostConnects: number;
  connectsRefunded: number;
  valueMinor: number | null;
  currency: string;
  lostReason: string;
  tags: string[];
  notes: string;
  followUpOn: string | null;
  invited: boolean;
  minutesAfterPost: number | null;
  proposalsWhenBid: string | null;
  viewedOn: string | null;
  boostOutcome: string | null;
};

const within = (text: string, min: number, most: number) => {
  const n = text.trim().length;
  return n >= min && n <= most;
};
const isCount = (n: number) => Number.isInteger(n) && n >= 0 && n <= countMax;
const dateOrNull = (d: string | null) => d === null || isIsoDate(d);

/**
 * A fast proof that LeadImportRow accepts a row (a million-row import would spend more time in the
 * schema than in SQLite): true only when every check of the schema passes; false means "ask the
 * schema", which gives the messages. lead-import-check.test.ts keeps the two in step.
 */
export function leadImportRowIsValid(r: LeadImportInput): boolean {
  const url = r.url.trim();
  return (
    within(r.ref, 1, max.ref) &&
    within(r.title, 1, max.title) &&
    within(r.client, 0, max.client) &&
    url.length <= max.url &&
    (url === '' || webAddress.test(url)) &&
    (stages as readonly string[]).includes(r.stage) &&
    isIsoDate(r.createdOn) &&
    dateOrNull(r.appliedOn) &&
    dateOrNull(r.closedOn) &&
    dateOrNull(r.followUpOn) &&
    isCount(r.connects) &&
    isCount(r.boostConnects) &&
    isCount(r.connectsRefunded) &&
    r.connectsRefunded <= r.connects + (r.boostOutcome === 'outbid' ? 0 : r.boostConnects) &&
    isCurrencyCode(r.currency) &&
    (r.valueMinor === null || (Number.isInteger(r.valueMinor) && Math.abs(r.valueMinor) <= maxMinorUnits)) &&
    within(r.lostReason, 0, max.lostReason) &&
    r.tags.length <= max.tags &&
    r.tags.every((t) => within(t, 1, max.tag) && !t.includes(';')) &&
    r.notes.length <= max.notes &&
    leadDateIssues(r).length === 0 &&
    (r.minutesAfterPost === null || isCount(r.minutesAfterPost)) &&
    dateOrNull(r.viewedOn) &&
    (r.proposalsWhenBid === null || (competitionBuckets as readonly string[]).includes(r.proposalsWhenBid)) &&
    (r.boostOutcome === null || (boostOutcomes as readonly string[]).includes(r.boostOutcome))
  );
}

export const LeadUpdate = z
  .object({
    id,
    ...Object.fromEntries(Object.entries(leadFields).map(([k, v]) => [k, v.optional()])),
  } as { id: typeof id } & { [K in keyof typeof leadFields]: z.ZodOptional<(typeof leadFields)[K]> })
  .superRefine(refineLead);
export type LeadUpdate = z.input<typeof LeadUpdate>;

export const LeadSortField = z.enum([
  'title',
  'client',
  'source',
  'stage',
  'createdOn',
  'appliedOn',
  'followUpOn',
  'value',
  'connects',
  'updatedAt',
]);
export type LeadSortField = z.infer<typeof LeadSortField>;

export const LeadFilter = z.object({
  search: z.string().max(200).optional(),
  sourceIds: z.array(id).max(200).optional(),
  stages: z.array(StageEnum).optional(),
  tag: z.string().max(40).optional(),
  createdFrom: isoDate.optional(),
  createdTo: isoDate.optional(),
  importId: id.optional(),
  /** Open leads created, applied, moved and with activity only before this timestamp (the "stale" filter). */
  staleBefore: z.string().max(40).optional(),
  /** Won and Lost leads closed on or after this day; open stages are not affected (the board's last 30 days). */
  closedFrom: isoDate.optional(),
});
export type LeadFilter = z.infer<typeof LeadFilter>;

export const LeadList = LeadFilter.extend({
  sort: z.object({ field: LeadSortField, dir: z.enum(['asc', 'desc']) }).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(200),
});

export const LeadRow = Lead.omit({ notes: true });
export type LeadRow = z.infer<typeof LeadRow>;

/**
 * A column: its count, its first cards, and the sum of its leads' values per currency over the whole
 * column (not only the shown cards); `values` is null for Lost and for columns too big to sum quickly.
 */
export const BoardColumn = z.object({
  stage: StageEnum,
  total: z.number().int(),
  values: z.array(z.object({ currency: z.string(), minor: z.number().int() })).nullable(),
  leads: z.array(LeadRow),
});
export type BoardColumn = z.infer<typeof BoardColumn>;

/**
 * A move to a stage; `closedOn` is the day it was won or lost (default today), only for those stages;
 * `on` is the day it reached Replied or Interview (default today): the stage history is dated by it.
 */
export const LeadMove = z
  .object({
    id,
    stage: StageEnum,
    beforeId: id.nullable().optional(),
    closedOn: isoDate.optional(),
    on: isoDate.optional(),
  })
  .superRefine((move, ctx) => {
    if (move.closedOn && move.stage !== 'won' && move.stage !== 'lost') {
      ctx.addIssue({ code: 'custom', path: ['closedOn'], message: 'A closed date needs the stage Won or Lost' });
    }
    if (move.on && move.stage !== 'replied' && move.stage !== 'interview') {
      ctx.addIssue({
        code: 'custom',
        path: ['on'],
        message: 'A stage date is for Replied or Interview; Won and Lost take a closed date',
      });
    }
  });
export type LeadMove = z.input<typeof LeadMove>;

export const leadsContract = {
  'leads:list': op.read(
    LeadList,
    z.object({ total: z.number().int(), rows: z.array(LeadRow) }),
    'Leads, filtered, sorted and paged',
  ),
  'leads:board': op.read(
    LeadFilter.extend({ perColumn: z.number().int().min(1).max(500).default(100) }),
    z.object({ columns: z.array(BoardColumn) }),
    'The pipeline board: leads by stage column',
  ),
  'leads:get': op.read(z.object({ id }), LeadDetail, 'One lead with its stage history'),
  'leads:create': op.write(LeadCreate, LeadDetail, 'Add a lead'),
  'leads:update': op.write(LeadUpdate, LeadDetail, 'Change a lead'),
  /** Moves a card to a stage, placed before `beforeId` (or at the end of the column). */
  'leads:move': op.write(
    LeadMove,
    LeadDetail,
    'Move a lead to a stage, before another card or at the end of the column',
  ),
  'leads:delete': op.write(
    z.object({ id }),
    z.object({ deleted: z.boolean(), snapshot: DeletedLead.optional(), undoId: id.optional() }),
    'Delete a lead (returns the undoId that undo:lead names to put it back)',
  ),
  'leads:follow-ups': op.read(
    // `limit`: the sidebar badge only needs to know whether there are more than 99.
    z.object({ today: isoDate.optional(), limit: z.number().int().min(1).max(500).default(500) }),
    z.array(LeadRow),
    'Leads with a follow-up due on or before a day',
  ),
  'leads:tags': op.read(z.object({}), z.array(z.string()), 'Every tag in use'),
};
