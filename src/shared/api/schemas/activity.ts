import { z } from 'zod';
import { op } from '../define';
import { amountText, id, isoDate } from '../fields';
import { StageEnum } from './leads';
import { DeletedActivity } from './undo';
import { activityKinds } from '../../domain/activity-kinds';
export const ActivityKind = z.enum(activityKinds);
export type ActivityKind = z.infer<typeof ActivityKind>;

export const activityKindLabels: Record<ActivityKind, string> = {
  note: 'Note',
  message: 'Message',
  call: 'Call',
  meeting: 'Meeting',
  proposal: 'Proposal sent',
  'follow-up': 'Follow-up done',
};

const timestamp = z
  .string()
  .refine((t) => !Number.isNaN(Date.parse(t)) && /^\d{4}-\d{2}-\d{2}T/.test(t), 'Use a date and time');

export const Activity = z.object({ id, leadId: id, kind: ActivityKind, at: z.string(), text: z.string() });
export type Activity = z.infer<typeof Activity>;

/** One line of a lead's timeline: a logged activity, a stage change or a payment, newest first. */
export const TimelineItem = z.discriminatedUnion('type', [
  z.object({ type: z.literal('activity'), at: z.string(), activity: Activity }),
  z.object({ type: z.literal('stage'), at: z.string(), fromStage: StageEnum.nullable(), toStage: StageEnum }),
  z.object({
    type: z.literal('payment'),
    at: z.string(),
    paymentId: id,
    grossMinor: z.number().int(),
    feeMinor: z.number().int(),
    currency: z.string(),
    description: z.string(),
  }),
]);
export type TimelineItem = z.infer<typeof TimelineItem>;

export const ActivityCreate = z.object({
  leadId: id,
  kind: ActivityKind,
  at: timestamp,
  text: z.string().trim().max(5000, 'At most 5,000 characters').default(''),
});

export const activityContract = {
  'activity:timeline': op.read(
    z.object({ leadId: id }),
    z.array(TimelineItem),
    'The activity of a lead (notes, calls, follow-ups) with its stage changes, newest first',
  ),
  'activity:create': op.write(
    ActivityCreate,
    Activity,
    'Record an activity (a note, call, message or follow-up) on a lead',
  ),
  'activity:delete': op.write(
    z.object({ id }),
    z.object({ deleted: z.boolean(), snapshot: DeletedActivity.optional(), undoId: id.optional() }),
    'Delete an activity (returns the undoId that undo:activity names to put it back)',
  ),
};

/** Won in one step: the close date, the value, and optionally the payment, in one transaction. */
export const CloseWon = z.object({
  id,
  closedOn: isoDate,
  value: amountText.nullable().optional().or(z.literal('')),
  currency: z.string().optional(),
  beforeId: id.nullable().optional(),
  payment: z
    .object({
      gross: amountText,
      date: isoDate,
      /** Empty = from the channel's commission rule. */
      fee: amountText.nullable().optional().or(z.literal('')),
      /** A payment over ten times the value is refused unless confirmed. */
      confirmLarge: z.boolean().optional(),
    })
    .optional(),
});

export const CloseLost = z.object({
  id,
  closedOn: isoDate.optional(),
  reason: z.string().trim().min(1, 'Choose a reason').max(200, 'At most 200 characters'),
  note: z.string().trim().max(2000, 'At most 2,000 characters').optional(),
  beforeId: id.nullable().optional(),
});

export const closeoutContract = {
  'closeout:won': op.write(
    CloseWon,
    z.object({ leadId: id, paymentId: id.nullable() }),
    'Mark a lead won in one step: close date, value and optionally its payment',
  ),
  'closeout:lost': op.write(CloseLost, z.object({ leadId: id }), 'Mark a lead lost with a reason and an optional note'),
  /** The fee the channel's rule gives for a payment of this lead (prefills the Won dialog). */
  'closeout:fee': op.read(
    z.object({ id, gross: amountText, date: isoDate, currency: z.string().optional() }),
    z.object({ feeMinor: z.number().int() }),
    'The fee the commission rule of the channel gives for a payment of a lead',
  ),
};
