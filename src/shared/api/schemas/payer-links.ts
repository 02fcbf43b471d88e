import { z } from 'zod';
import { op } from '../define';
import { id } from '../fields';
import { pageInput } from './money-fields';

// Payments find their lead (docs/domain.md §7.5): rail payments (PayPal, Stripe) without a lead wait in
// "To assign"; a payer whose name or e-mail matches a client is offered that client's most recent
// open or won lead; an accepted link is remembered for the payer's next payments.

export const LinkSuggestion = z.object({
  paymentId: id,
  clientId: id,
  clientName: z.string(),
  leadId: id,
  leadTitle: z.string(),
  matchedBy: z.enum(['email', 'name']),
});
export type LinkSuggestion = z.infer<typeof LinkSuggestion>;

export const ToAssignPayment = z.object({
  id,
  ref: z.string(),
  date: z.string(),
  sourceId: id,
  sourceName: z.string(),
  description: z.string(),
  grossMinor: z.number().int(),
  feeMinor: z.number().int(),
  currency: z.string(),
  rail: z.enum(['paypal', 'stripe', 'bank']).nullable(),
  payerName: z.string(),
  payerEmail: z.string(),
  suggestion: LinkSuggestion.nullable(),
});
export type ToAssignPayment = z.infer<typeof ToAssignPayment>;

const Assigned = z.object({ paymentId: id, sourceId: id, leadId: id.nullable(), remembered: z.array(z.string()) });

export const payerLinksContract = {
  'payments:to-assign': op.read(
    z.object(pageInput),
    z.object({ items: z.array(ToAssignPayment), total: z.number().int() }),
    'Imported payments of any channel with no lead or channel chosen yet ("To assign"), newest first',
  ),
  'payments:to-assign-count': op.read(
    z.object({}),
    z.object({ count: z.number().int() }),
    'How many payments wait in "To assign"',
  ),
  'payments:suggest-links': op.read(
    z.object({}),
    z.object({ suggestions: z.array(LinkSuggestion) }),
    "Waiting payments whose payer matches a client, each with that client's most recent open or won lead",
  ),
  'payments:accept-link': op.write(
    z.object({ paymentId: id, leadId: id }),
    Assigned,
    "Link a payment to a lead (and the lead's channel) and remember its payer for later imports",
  ),
  'payments:assign': op.write(
    z
      .object({ paymentId: id, leadId: id.optional(), sourceId: id.optional() })
      .refine((v) => (v.leadId === undefined) !== (v.sourceId === undefined), {
        path: ['leadId'],
        message: 'Give leadId or sourceId (one of them)',
      }),
    Assigned,
    'Assign a waiting payment to a lead (remembering its payer) or to a channel',
  ),
};
