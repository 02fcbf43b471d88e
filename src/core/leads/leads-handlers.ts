import { toIsoDate } from '../../shared/dates';
import { stages } from '../../shared/domain/stages';
import { allTags, boardCards, boardTotals, followUps, listLeads } from './leads-repo';
import { createLead, deleteLead, leadDetail, moveLead, updateLead } from './leads-service';
import type { HandlersFor } from '../handler-types';

export const leadsHandlers: HandlersFor<'leads'> = {
  'leads:list': (ctx, { sort, offset, limit, ...filter }) => listLeads(ctx.db, filter, sort, offset, limit),
  'leads:board': (ctx, { perColumn, ...filter }) => {
    const totals = boardTotals(ctx.db, filter);
    return {
      columns: stages.map((stage) => {
        const { total, values } = totals.get(stage) ?? { total: 0, values: stage === 'lost' ? null : [] };
        return { stage, total, values, leads: total ? boardCards(ctx.db, filter, stage, perColumn) : [] };
      }),
    };
  },
  'leads:get': (ctx, { id }) => leadDetail(ctx, id),
  'leads:create': (ctx, input) => createLead(ctx, input),
  'leads:update': (ctx, input) => updateLead(ctx, input),
  'leads:move': (ctx, input) => moveLead(ctx, input),
  'leads:delete': (ctx, { id }) => deleteLead(ctx, id),
  'leads:follow-ups': (ctx, { today, limit }) => followUps(ctx.db, today ?? toIsoDate(ctx.now()), limit),
  'leads:tags': (ctx) => allTags(ctx.db),
};
