import type { z } from 'zod';
import { AppError, fieldError } from '../../shared/api/result';
import type { CloseLost, CloseWon } from '../../shared/api/schemas/activity';
import type { Ctx, ReadCtx } from '../context';
import { insertActivity } from './activity-repo';
import { getLeadRecord, type LeadRecord } from '../leads/leads-repo';
import { moveLead, updateLead } from '../leads/leads-service';
import { minorOf } from '../money-input';
import { resolvePaymentFee } from '../payments/payment-fees';
import { createPayment } from '../payments/payments-service';
import { readPreferences, updatePreferences } from '../settings/preferences-service';

function requireLead(ctx: ReadCtx, id: number): LeadRecord {
  const lead = getLeadRecord(ctx.db, id);
  if (!lead) throw new AppError('not_found', `Lead ${id} does not exist`);
  return lead;
}

/** A close date may not come before the lead was created or applied for. */
function checkClosedOn(lead: LeadRecord, closedOn: string): void {
  if (lead.applied_on && closedOn < lead.applied_on)
    throw fieldError('closedOn', `Closed cannot be before Applied (${lead.applied_on})`);
  if (closedOn < lead.created_on) throw fieldError('closedOn', `Closed cannot be before Created (${lead.created_on})`);
}

/**
 * Won in one step: stage, close date, value and (when asked) the payment with its fee, all in one
 * transaction, so a refused payment leaves the lead where it was.
 */
export function closeWon(ctx: Ctx, input: z.output<typeof CloseWon>): { leadId: number; paymentId: number | null } {
  const { db } = ctx;
  return db.transaction(() => {
    const lead = requireLead(ctx, input.id);
    checkClosedOn(lead, input.closedOn);
    const currency = input.currency?.trim().toUpperCase() || lead.currency;
    const valueMinor = input.value
      ? minorOf('value', input.value, currency)
      : input.value === '' || input.value === null
        ? null
        : lead.value_minor;
    let paymentId: number | null = null;
    if (input.payment) {
      const gross = minorOf('payment.gross', input.payment.gross, currency);
      if (gross <= 0) throw fieldError('payment.gross', 'A payment for a won lead must be more than 0');
      if (valueMinor !== null && valueMinor > 0 && gross > valueMinor * 10 && !input.payment.confirmLarge) {
        throw fieldError('payment.gross', 'This is more than ten times the value: check it, then confirm');
      }
      if (input.payment.fee) minorOf('payment.fee', input.payment.fee, currency);
    }
    moveLead(ctx, { id: input.id, stage: 'won', beforeId: input.beforeId ?? null, closedOn: input.closedOn });
    updateLead(ctx, { id: input.id, currency, value: input.value === undefined ? undefined : (input.value ?? null) });
    if (input.payment) {
      const payment = createPayment(ctx, {
        date: input.payment.date,
        sourceId: lead.source_id,
        leadId: lead.id,
        description: `Payment for ${lead.title}`.slice(0, 500),
        gross: input.payment.gross,
        fee: input.payment.fee || null,
        currency,
      });
      paymentId = payment.id;
    }
    return { leadId: input.id, paymentId };
  })();
}

/** Lost with a reason (a new one joins the list) and an optional note in the activity log. */
export function closeLost(ctx: Ctx, input: z.output<typeof CloseLost>): { leadId: number } {
  const { db } = ctx;
  return db.transaction(() => {
    const lead = requireLead(ctx, input.id);
    const now = ctx.now();
    if (input.closedOn) checkClosedOn(lead, input.closedOn);
    const reasons = readPreferences(ctx).lostReasons;
    if (!reasons.some((r) => r.toLowerCase() === input.reason.toLowerCase()))
      updatePreferences(ctx, { lostReasons: [...reasons, input.reason] });
    moveLead(ctx, {
      id: input.id,
      stage: 'lost',
      beforeId: input.beforeId ?? null,
      ...(input.closedOn ? { closedOn: input.closedOn } : {}),
    });
    updateLead(ctx, { id: input.id, lostReason: input.reason });
    if (input.note)
      insertActivity(db, {
        leadId: input.id,
        kind: 'note',
        at: now.toISOString(),
        text: `Lost (${input.reason}): ${input.note}`,
        createdAt: now.toISOString(),
      });
    return { leadId: input.id };
  })();
}

export function previewFee(
  ctx: ReadCtx,
  input: { id: number; gross: string; date: string; currency?: string | undefined },
): { feeMinor: number } {
  const lead = requireLead(ctx, input.id);
  const currency = input.currency?.trim().toUpperCase() || lead.currency;
  const grossMinor = minorOf('gross', input.gross, currency);
  return {
    feeMinor: resolvePaymentFee(ctx.db, {
      sourceId: lead.source_id,
      date: input.date,
      grossMinor,
      currency,
      leadId: lead.id,
    }),
  };
}
