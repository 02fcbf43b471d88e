import type { ChannelReport, ReportDetail } from '../../shared/api/schemas/reports';
import type { ReadCtx } from '../context';
import { hoursCoverage as hoursCoverageRows } from './hours-coverage-repo';
import { buildReport, type ReportQuery } from './build-report';

// The report is built in src/core/reports/ (one part per rule); this module keeps the service's entry points.
export { buildReport, type ReportQuery } from './build-report';
export { resolveRange } from './range';

export function channelReport(ctx: ReadCtx, query: ReportQuery): ChannelReport {
  return buildReport(ctx, query, false).report;
}

export function reportDetail(ctx: ReadCtx, query: ReportQuery): ReportDetail {
  const { report, detail } = buildReport(ctx, query);
  const names = new Map(detail.sources.map((s) => [s.sourceId, s.source]));
  const hoursCoverage = hoursCoverageRows(ctx.db, report.from, report.to).flatMap((r) => {
    const source = names.get(r.sourceId);
    return source ? [{ source, payments: r.payments, withoutHours: r.withoutHours, firstTimeOn: r.firstTimeOn }] : [];
  });
  return { report, ...detail, hoursCoverage };
}
