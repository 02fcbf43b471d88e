import { z } from 'zod';
import { op } from '../define';
import { amountText, checkAmount, count, currencyCode, id, isoDate } from '../fields';
import { DeletedSubscription } from './undo';

export const Subscription = z.object({
  id,
  sourceId: id,
  sourceName: z.string(),
  name: z.string(),
  period: z.enum(['monthly', 'yearly']),
  amountMinor: z.number().int(),
  currency: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  freeCreditsMonthly: z.number().int(),
  /** Charges up to today that a recorded subscription expense is (counted as that expense, not twice). */
  matched: z.array(z.object({ chargeOn: z.string(), expenseId: id, expenseOn: z.string() })),
});
export type Subscription = z.infer<typeof Subscription>;

const fields = {
  sourceId: id,
  name: z.string().trim().min(1, 'Give the plan a name').max(100, 'At most 100 characters'),
  period: z.enum(['monthly', 'yearly'], { error: 'Choose monthly or yearly' }),
  amount: amountText.refine((t) => !t.startsWith('-'), 'Cannot be negative'),
  currency: currencyCode.optional(),
  startsOn: isoDate,
  endsOn: isoDate.nullable().optional(),
  freeCreditsMonthly: count.optional(),
};

function refine(
  v: { amount?: string; currency?: string; startsOn?: string; endsOn?: string | null },
  ctx: z.RefinementCtx,
) {
  checkAmount(ctx, 'amount', v.amount, v.currency ?? 'USD');
  if (v.startsOn && v.endsOn && v.endsOn < v.startsOn)
    ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'The end date is before the start date' });
}

export const SubscriptionCreate = z.object(fields).superRefine(refine);
/** Saves a change to a plan with credits that leaves credits short on some day (answered `needs_confirmation` without it). */
const confirmShortfall = z.boolean().optional();
export const SubscriptionUpdate = z
  .object({ id, ...fields, confirmShortfall })
  .partial()
  .required({ id: true })
  .superRefine(refine);

export const subscriptionsContract = {
  'subscriptions:list': op.read(
    z.object({ sourceId: id.optional() }),
    z.array(Subscription),
    'Recurring costs (memberships, plans) per channel',
  ),
  'subscriptions:create': op.write(SubscriptionCreate, Subscription, 'Add a recurring cost'),
  'subscriptions:update': op.write(SubscriptionUpdate, Subscription, 'Change a recurring cost'),
  'subscriptions:delete': op.write(
    z.object({ id, confirmShortfall }),
    z.object({ id, snapshot: DeletedSubscription, undoId: id }),
    'Delete a recurring cost (a plan whose credits were spent asks for confirmShortfall; returns the undoId that undo:subscription names to put it back)',
  ),
};
