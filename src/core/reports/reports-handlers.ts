import { boostReport } from './boost-service';
import { channelReport, reportDetail } from './reports-service';
import type { HandlersFor } from '../handler-types';

export const reportsHandlers: HandlersFor<'reports'> = {
  'reports:channels': (ctx, input) => channelReport(ctx, input),
  'reports:detail': (ctx, input) => reportDetail(ctx, input),
  'reports:boost': (ctx, input) => boostReport(ctx, input),
};
