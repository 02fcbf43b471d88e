import type { DeletedActivity } from '../../shared/api/schemas/undo';
import { activityById, keepUndoSnapshot } from '../db/undo-snapshots';
import { endOfDay } from 'date-fns';
import type { z } from 'zod';
import { AppError, fieldError } from '../../shared/api/result';
import type { Activity, ActivityCreate, TimelineItem } from '../../shared/api/schemas/activity';
import type { Ctx, ReadCtx } from '../context';
import { activitiesOfLead, deleteActivity, insertActivity, paymentsOfLead } from './activity-repo';
import { getLeadRecord, stageHistory } from '../leads/leads-repo';

/** Only a meeting may be logged after today (it is planned); anything else happened already. */
export function checkActivityTime(kind: string, at: string, now: Date): string {
  const when = new Date(at);
  if (Number.isNaN(when.getTime())) throw fieldError('at', 'Use a date and time');
  if (kind !== 'meeting' && when > endOfDay(now))
    throw fieldError('at', 'Only a meeting can be in the future; pick today or earlier');
  return when.toISOString();
}

export function createActivity(ctx: Ctx, input: z.output<typeof ActivityCreate>): Activity {
  const { db } = ctx;
  return db.transaction(() => {
    if (!getLeadRecord(db, input.leadId)) throw fieldError('leadId', `Lead ${input.leadId} does not exist`);
    const at = checkActivityTime(input.kind, input.at, ctx.now());
    return insertActivity(db, {
      leadId: input.leadId,
      kind: input.kind,
      at,
      text: input.text,
      createdAt: ctx.now().toISOString(),
    });
  })();
}

/** Deletes a logged activity; the snapshot is what undo:activity puts back. */
export function removeActivity(
  ctx: Ctx,
  id: number,
): { deleted: boolean; snapshot?: DeletedActivity; undoId?: number } {
  return ctx.db.transaction(() => {
    const snapshot = activityById(ctx.db, id);
    if (!snapshot || !deleteActivity(ctx.db, id)) return { deleted: false };
    return { deleted: true, snapshot, undoId: keepUndoSnapshot(ctx.db, 'activity', snapshot, ctx.now().toISOString()) };
  })();
}

/** Logged activity, stage changes and payments of a lead in one list, newest first. */
export function leadTimeline(ctx: ReadCtx, leadId: number): TimelineItem[] {
  const { db } = ctx;
  if (!getLeadRecord(db, leadId)) throw new AppError('not_found', `Lead ${leadId} does not exist`);
  const items: TimelineItem[] = [
    ...activitiesOfLead(db, leadId).map((activity): TimelineItem => ({ type: 'activity', at: activity.at, activity })),
    ...stageHistory(db, leadId).map((c): TimelineItem => ({
      type: 'stage',
      at: c.changedAt,
      fromStage: c.fromStage,
      toStage: c.toStage,
    })),
    // A payment has a day, not a time: it sorts at noon UTC of its day, stable against time zones.
    ...paymentsOfLead(db, leadId).map((p): TimelineItem => ({
      type: 'payment',
      at: `${p.date}T12:00:00.000Z`,
      paymentId: p.id,
      grossMinor: p.gross_minor,
      feeMinor: p.fee_minor,
      currency: p.currency,
      description: p.description,
    })),
  ];
  return items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
