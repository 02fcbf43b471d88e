import { AppError } from '../../shared/api/result';
import type { AgendaItem } from '../../shared/api/schemas/preferences';
import type { Ctx, ReadCtx } from '../context';
import { insertActivity, lastActivities, plannedActivities } from './activity-repo';
import { followUpAgenda, getLeadRecord } from '../leads/leads-repo';
import { checkActivityTime } from './activity-service';
import { updateLead } from '../leads/leads-service';

export function agenda(ctx: ReadCtx): AgendaItem[] {
  const leads = followUpAgenda(ctx.db);
  const now = ctx.now().toISOString();
  const ids = leads.map((l) => l.id);
  // A meeting planned for later is not the last thing that happened: it is shown as planned.
  const last = lastActivities(ctx.db, ids, now);
  const planned = plannedActivities(ctx.db, ids, now);
  return leads.map((lead) => ({
    lead,
    lastActivity: last.get(lead.id) ?? null,
    planned: planned.get(lead.id) ?? null,
  }));
}

/** "Done": the follow-up becomes an activity and the next one (or none) is set, in one transaction. */
export function followUpDone(
  ctx: Ctx,
  input: { leadId: number; at: string; next: string | null; text?: string | undefined },
): { activityId: number } {
  const { db } = ctx;
  return db.transaction(() => {
    if (!getLeadRecord(db, input.leadId)) throw new AppError('not_found', `Lead ${input.leadId} does not exist`);
    const at = checkActivityTime('follow-up', input.at, ctx.now());
    const activity = insertActivity(db, {
      leadId: input.leadId,
      kind: 'follow-up',
      at,
      text: input.text ?? '',
      createdAt: ctx.now().toISOString(),
    });
    updateLead(ctx, { id: input.leadId, followUpOn: input.next });
    return { activityId: activity.id };
  })();
}
