import { toIsoDate } from '../../shared/dates';
import { listSources } from './sources-repo';
import { createSource, updateSource } from './sources-service';
import type { HandlersFor } from '../handler-types';

export const sourcesHandlers: HandlersFor<'sources'> = {
  'sources:list': (ctx, { includeArchived }) => listSources(ctx.db, toIsoDate(ctx.now()), includeArchived ?? false),
  'sources:create': (ctx, input) => createSource(ctx, input),
  'sources:update': (ctx, input) => updateSource(ctx, input),
};
