import { AppError, fieldError } from '../../shared/api/result';
import type { LinkSuggestion, ToAssignPayment } from '../../shared/api/schemas/payer-links';
import type { Ctx, ReadCtx } from '../context';
import { clientsForPayer, getClientRecord, latestOpenOrWonLead, leadClientId } from '../clients/clients-repo';
import { getLeadRecord } from '../leads/leads-repo';
import {
  linkPaymentToLead,
  markAssigned,
  payerKeys,
  payerState,
  rememberPayer,
  toAssignCount,
  toAssignRows,
  type ToAssignRow,
} from './payer-repo';
import { getPayment, updatePayment } from './payments-repo';
import { requireSource } from '../sources/sources-repo';
import { RollupBatch } from '../rollups/rollup-batch';

// Rail payments find their lead (docs/domain.md §3.12, §7.5). A payment and its lead are on one channel (as
// everywhere), so linking puts the payment on its lead's channel; first-touch attribution then
// counts it for the client's first source (docs/domain.md §6).

function suggestionFor(ctx: ReadCtx, r: Pick<ToAssignRow, 'id' | 'payer_name' | 'payer_email'>): LinkSuggestion | null {
  for (const client of clientsForPayer(ctx.db, r.payer_name, r.payer_email)) {
    const lead = latestOpenOrWonLead(ctx.db, client.id);
    if (lead)
      return {
        paymentId: r.id,
        clientId: client.id,
        clientName: client.name,
        leadId: lead.id,
        leadTitle: lead.title,
        matchedBy: client.by,
      };
  }
  return null;
}

export function toAssign(
  ctx: ReadCtx,
  page: { limit?: number | undefined; offset?: number | undefined },
): { items: ToAssignPayment[]; total: number } {
  const rows = toAssignRows(ctx.db, { limit: page.limit ?? 200, offset: page.offset ?? 0 });
  return {
    items: rows.map((r) => ({
      id: r.id,
      ref: r.ref,
      date: r.date,
      sourceId: r.source_id,
      sourceName: r.source_name,
      description: r.description,
      grossMinor: r.gross_minor,
      feeMinor: r.fee_minor,
      currency: r.currency,
      rail: r.rail,
      payerName: r.payer_name,
      payerEmail: r.payer_email,
      suggestion: suggestionFor(ctx, r),
    })),
    total: toAssignCount(ctx.db),
  };
}

export function suggestLinks(ctx: ReadCtx): { suggestions: LinkSuggestion[] } {
  const suggestions = toAssignRows(ctx.db, { limit: 1000, offset: 0 }).map((r) => suggestionFor(ctx, r));
  return { suggestions: suggestions.filter((s): s is LinkSuggestion => s !== null) };
}

function waiting(ctx: Ctx, paymentId: number) {
  const state = payerState(ctx.db, paymentId);
  if (!state) throw new AppError('not_found', `Payment ${paymentId} does not exist`);
  return state;
}

/** Links the payment to the lead and remembers its payer (e-mail and name) for that lead's client. */
export function acceptLink(
  ctx: Ctx,
  input: { paymentId: number; leadId: number },
): { paymentId: number; sourceId: number; leadId: number | null; remembered: string[] } {
  const { db } = ctx;
  return db.transaction(() => {
    const state = waiting(ctx, input.paymentId);
    const lead = getLeadRecord(db, input.leadId);
    if (!lead) throw fieldError('leadId', `Lead ${input.leadId} does not exist`);
    const clientId = leadClient(ctx, lead.id);
    const batch = new RollupBatch(db);
    linkPaymentToLead(db, input.paymentId, lead, batch);
    batch.flush();
    const remembered: string[] = [];
    if (state.rail !== null && clientId !== null) {
      for (const key of payerKeys(state)) {
        rememberPayer(db, key, clientId, lead.id, ctx.now().toISOString());
        remembered.push(key);
      }
    }
    return { paymentId: input.paymentId, sourceId: lead.source_id, leadId: lead.id, remembered };
  })();
}

function leadClient(ctx: Ctx, leadId: number): number | null {
  const id = leadClientId(ctx.db, leadId);
  return id !== null && getClientRecord(ctx.db, id) ? id : null;
}

export function assignPayment(
  ctx: Ctx,
  input: { paymentId: number; leadId?: number | undefined; sourceId?: number | undefined },
) {
  if (input.leadId !== undefined) return acceptLink(ctx, { paymentId: input.paymentId, leadId: input.leadId });
  const { db } = ctx;
  return db.transaction(() => {
    waiting(ctx, input.paymentId);
    const sourceId = input.sourceId!;
    requireSource(db, sourceId, 'sourceId');
    const before = getPayment(db, input.paymentId)!;
    const batch = new RollupBatch(db);
    const { id: _id, ...rest } = before;
    updatePayment(db, before, { ...rest, source_id: sourceId, lead_id: null }, batch);
    batch.flush();
    markAssigned(db, input.paymentId);
    return { paymentId: input.paymentId, sourceId, leadId: null, remembered: [] };
  })();
}

export function toAssignTotal(ctx: ReadCtx): { count: number } {
  return { count: toAssignCount(ctx.db) };
}
