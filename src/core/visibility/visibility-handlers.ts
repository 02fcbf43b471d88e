import type { HandlersFor } from '../handler-types';
import { bidPlan, funnelReport, proposalsFor } from './visibility-service';

export const visibilityHandlers: HandlersFor<'visibility'> = {
  'visibility:funnel': (ctx, input) => funnelReport(ctx, input),
  'visibility:plan': (ctx, input) => bidPlan(ctx, input),
  'visibility:proposals': (ctx, input) => proposalsFor(ctx, input),
};
