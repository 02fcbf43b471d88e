import type { z } from 'zod';
import { ExpenseImportRow } from '../../shared/api/schemas/expenses';
import { type LeadImportInput, LeadImportRow, leadImportRowIsValid } from '../../shared/api/schemas/leads';
import { PaymentImportRow } from '../../shared/api/schemas/payments';
import { TimeImportRow } from '../../shared/api/schemas/time';
import { formatMinorPlain } from '../../shared/money';
import type { Draft } from './drafts';

// Imported rows get the checks of the form (docs/domain.md §2.7): the draft is put back into the API's input
// shape and parsed by the very schema `leads:create` / `payments:create` / `expenses:create` use.

/** API field names as the CSV columns call them (docs/domain.md §2). */
const columnOf: Record<string, string> = {
  createdOn: 'created_on',
  appliedOn: 'applied_on',
  closedOn: 'closed_on',
  followUpOn: 'follow_up_on',
  boostConnects: 'boost_connects',
  connectsRefunded: 'connects_refunded',
  lostReason: 'lost_reason',
  minutesAfterPost: 'minutes_after_post',
  proposalsWhenBid: 'proposals_when_bid',
  viewedOn: 'viewed_on',
  boostOutcome: 'boost_outcome',
};

const money = (minor: number | null, currency: string) => (minor === null ? null : formatMinorPlain(minor, currency));

/** The draft in the API's input shape, with the schema that checks it. */
export function inputOf(d: Draft): { schema: z.ZodType; input: Record<string, unknown> } {
  switch (d.type) {
    case 'lead':
      return {
        schema: LeadImportRow,
        input: {
          ref: d.ref,
          title: d.title,
          client: d.client,
          url: d.url,
          stage: d.stage,
          createdOn: d.created_on,
          appliedOn: d.applied_on,
          closedOn: d.closed_on,
          connects: d.connects,
          boostConnects: d.boost_connects,
          connectsRefunded: d.connects_refunded,
          value: money(d.value_minor, d.currency),
          currency: d.currency,
          lostReason: d.lost_reason,
          tags: d.tags === '' ? [] : d.tags.split(';'),
          notes: d.notes,
          followUpOn: d.follow_up_on,
          invited: d.invited === 1,
          minutesAfterPost: d.minutes_after_post,
          proposalsWhenBid: d.proposals_when_bid,
          viewedOn: d.viewed_on,
          boostOutcome: d.boost_outcome,
        },
      };
    case 'payment':
      return {
        schema: PaymentImportRow,
        input: {
          ref: d.ref,
          date: d.date,
          description: d.description,
          gross: money(d.gross_minor, d.currency),
          fee: money(d.fee_minor, d.currency),
          currency: d.currency,
        },
      };
    case 'expense':
      return {
        schema: ExpenseImportRow,
        input: {
          ref: d.ref,
          date: d.date,
          category: d.category,
          description: d.description,
          amount: money(d.amount_minor, d.currency),
          currency: d.currency,
          connects: d.connects,
        },
      };
    case 'time':
      return {
        schema: TimeImportRow,
        input: { ref: d.ref, date: d.date, kind: d.kind, minutes: d.minutes, note: d.note },
      };
  }
}

/** A lead draft in the shape the fast check reads (the same fields as the schema's input). */
export const leadInput = (d: Extract<Draft, { type: 'lead' }>): LeadImportInput => ({
  ref: d.ref,
  title: d.title,
  client: d.client,
  url: d.url,
  stage: d.stage,
  createdOn: d.created_on,
  appliedOn: d.applied_on,
  closedOn: d.closed_on,
  connects: d.connects,
  boostConnects: d.boost_connects,
  connectsRefunded: d.connects_refunded,
  valueMinor: d.value_minor,
  currency: d.currency,
  lostReason: d.lost_reason,
  tags: d.tags === '' ? [] : d.tags.split(';'),
  notes: d.notes,
  followUpOn: d.follow_up_on,
  invited: d.invited === 1,
  minutesAfterPost: d.minutes_after_post,
  proposalsWhenBid: d.proposals_when_bid,
  viewedOn: d.viewed_on,
  boostOutcome: d.boost_outcome,
});

/** The first problem among a row's drafts (in order), or null when the form would take them all. */
export function firstProblem(drafts: readonly Draft[]): string | null {
  for (const draft of drafts) {
    const problem = checkDraft(draft);
    if (problem) return problem;
  }
  return null;
}

/** The first problem of the draft as "column: message", or null when the form would take it. */
export function checkDraft(d: Draft): string | null {
  // Most rows are fine: the fast proof first, the schema (and its messages) only when it cannot tell.
  if (d.type === 'lead' && leadImportRowIsValid(leadInput(d))) return null;
  const { schema, input } = inputOf(d);
  const result = schema.safeParse(input);
  if (result.success) return null;
  return result.error.issues
    .map((issue) => {
      const [head, ...rest] = issue.path.map(String);
      const column = head === undefined ? '' : (columnOf[head] ?? head);
      return `${[column, ...rest].filter(Boolean).join('.')}: ${issue.message}`;
    })
    .join('; ');
}
