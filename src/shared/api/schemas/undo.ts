import { z } from 'zod';
import { stages } from '../../domain/stages';
import { boostOutcomes, competitionBuckets } from '../../domain/bid-facts';
import { op } from '../define';
import { count, id, isoDate, minorUnits } from '../fields';
import { isCurrencyCode } from '../../money';
import type { activityKinds as ownerKinds } from '../../domain/activity-kinds';
import type { expenseCategoryValues } from '../../domain/expense-categories';

// What a delete removed, exactly as it was stored, so Undo can put it back in one transaction
// (docs/domain.md §7.7). Returned by leads/payments/expenses/subscriptions/activity:delete with the
// `undoId` under which the delete kept it in the database; undo:* names that id, never takes a
// snapshot from outside. Bounded like the create forms (money, counts, dates, currencies).

const int = z.number().int();
const money = minorUnits;
const text = z.string().max(100_000);
const stamp = z.string().min(1).max(40);
const code = z.string().refine(isCurrencyCode, 'Unknown ISO 4217 currency code');
// Written out (type-checked against their owners) so this file imports no schema at run time:
// the delete ops in leads/payments/expenses/subscriptions import it.
const activityKinds = [
  'note',
  'message',
  'call',
  'meeting',
  'proposal',
  'follow-up',
] as const satisfies readonly (typeof ownerKinds)[number][];
const expenseCategories = [
  'connects',
  'subscription',
  'advertising',
  'fee',
  'tax',
  'other',
] as const satisfies typeof expenseCategoryValues;

export const DeletedPayment = z.object({
  id,
  ref: z.string().min(1).max(200),
  date: isoDate,
  source_id: id,
  lead_id: id.nullable(),
  description: text,
  gross_minor: money,
  fee_minor: money,
  fee_computed: int.min(0).max(1),
  currency: code,
  import_id: int.nullable(),
  created_at: stamp,
  // The payer a payment rail wrote (docs/domain.md §3.12); defaults for snapshots made before clients existed.
  rail: z.enum(['paypal', 'stripe', 'bank']).nullable().default(null),
  payer_name: text.default(''),
  payer_email: text.default(''),
  assigned: int.min(0).max(1).default(0),
  // What the last platform import brought, and the edit clock (docs/domain.md §7); defaults for older snapshots.
  platform_description: text.nullable().default(null),
  edit_seq: int.min(0).max(Number.MAX_SAFE_INTEGER).default(0),
});
export type DeletedPayment = z.infer<typeof DeletedPayment>;

export const DeletedExpense = z.object({
  id,
  ref: z.string().min(1).max(200),
  date: isoDate,
  source_id: id.nullable(),
  category: z.enum(expenseCategories),
  description: text,
  amount_minor: money,
  currency: code,
  connects: count,
  import_id: int.nullable(),
  created_at: stamp,
  // What the last platform import brought, and the edit clock (docs/domain.md §7); defaults for older snapshots.
  platform_description: text.nullable().default(null),
  platform_category: z.enum(expenseCategories).nullable().default(null),
  edit_seq: int.min(0).max(Number.MAX_SAFE_INTEGER).default(0),
});
export type DeletedExpense = z.infer<typeof DeletedExpense>;

export const DeletedSubscription = z.object({
  id,
  source_id: id,
  name: z.string().min(1).max(200),
  period: z.enum(['monthly', 'yearly']),
  amount_minor: money.min(0),
  currency: code,
  starts_on: isoDate,
  ends_on: isoDate.nullable(),
  free_credits_monthly: count,
  created_at: stamp,
});
export type DeletedSubscription = z.infer<typeof DeletedSubscription>;

export const DeletedLeadRow = z.object({
  id,
  ref: z.string().min(1).max(200),
  source_id: id,
  title: z.string().min(1).max(10_000),
  client: text,
  url: text,
  stage: z.enum(stages),
  furthest_rank: int.min(0).max(4),
  created_on: isoDate,
  applied_on: isoDate.nullable(),
  closed_on: isoDate.nullable(),
  connects: count,
  boost_connects: count,
  connects_refunded: count,
  value_minor: money.nullable(),
  currency: code,
  fee_percent_bp: int.min(0).max(10_000).nullable(),
  lost_reason: text,
  tags: text,
  notes: text,
  follow_up_on: isoDate.nullable(),
  position: z.number().finite(),
  updated_at: stamp,
  import_id: int.nullable(),
  // docs/domain.md §8's bid facts (defaults: a snapshot taken before they existed).
  invited: int.min(0).max(1).default(0),
  minutes_after_post: int.min(0).nullable().default(null),
  proposals_when_bid: z.enum(competitionBuckets).nullable().default(null),
  viewed_on: isoDate.nullable().default(null),
  boost_outcome: z.enum(boostOutcomes).nullable().default(null),
  /** The client the lead was linked to (docs/domain.md §6.3); put back only when that client still exists. */
  client_id: id.nullable().default(null),
});

export const DeletedLead = z.object({
  lead: DeletedLeadRow,
  stageChanges: z
    .array(z.object({ id, from_stage: z.enum(stages).nullable(), to_stage: z.enum(stages), changed_at: stamp }))
    .max(100_000),
  activity: z.array(z.object({ id, kind: z.enum(activityKinds), at: stamp, text, created_at: stamp })).max(100_000),
  /** The payments that were linked to the lead (the delete unlinked them; Undo links them again). */
  paymentIds: z.array(id).max(100_000),
  /** The time entries that were on the lead (the delete left them on the channel; Undo puts them back on the lead). */
  timeEntryIds: z.array(id).max(100_000).default([]),
});
export type DeletedLead = z.infer<typeof DeletedLead>;

export const DeletedActivity = z.object({
  id,
  lead_id: id,
  kind: z.enum(activityKinds),
  at: stamp,
  text,
  created_at: stamp,
});
export type DeletedActivity = z.infer<typeof DeletedActivity>;

/** The id a delete returned (`undoId`): what was deleted in this file, kept there for Undo. */
const UndoInput = z.object({
  undoId: z
    .number({
      error: (issue) =>
        issue.input === undefined ? 'Required: the undoId the delete returned (a snapshot is not taken)' : undefined,
    })
    .int()
    .positive(),
});

export const undoContract = {
  'undo:lead': op.write(
    UndoInput,
    z.object({ id, paymentsLinked: z.number().int(), paymentsMissing: z.number().int() }),
    'Put back a deleted lead with its stage history, activity, follow-up and payment links (the undoId leads:delete returned)',
  ),
  'undo:payment': op.write(
    UndoInput,
    z.object({ id }),
    'Put back a deleted payment (the undoId payments:delete returned)',
  ),
  'undo:expense': op.write(
    UndoInput,
    z.object({ id }),
    'Put back a deleted expense (the undoId expenses:delete returned)',
  ),
  'undo:activity': op.write(
    UndoInput,
    z.object({ id }),
    'Put back a deleted activity of a lead (the undoId activity:delete returned)',
  ),
  'undo:subscription': op.write(
    UndoInput,
    z.object({ id }),
    'Put back a deleted recurring cost (the undoId subscriptions:delete returned)',
  ),
};
