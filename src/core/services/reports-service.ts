import type { ChannelReport, ReportDetail } from '../../shared/api/schemas/reports';
import type { Ctx } from '../context';
import { buildReport, type ReportQuery } from '../reports/build-report';

// The report is built in src/core/reports/ (one part per rule); this module keeps the service's entry points.
export { buildReport, type ReportQuery } from '../reports/build-report';
export { resolveRange } from '../reports/range';

export function channelReport(ctx: Ctx, query: ReportQuery): ChannelReport {
  return buildReport(ctx, query, false).report;
}

export function reportDetail(ctx: Ctx, query: ReportQuery): ReportDetail {
  const { report, detail } = buildReport(ctx, query);
  return { report, ...detail };
}
