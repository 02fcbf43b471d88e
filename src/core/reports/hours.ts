import { timeMonths } from './report-repo';
import type { ReportInput } from './parts';

/** docs/domain.md §6: sales and delivery minutes of the time entries dated in the range. */
export function addHours({ ctx, plan, collapse, cells }: ReportInput): void {
  for (const r of timeMonths(ctx.db, plan)) {
    const s = cells.cell(r.source_id, collapse === null ? r.month : '').sums;
    s.salesMinutes += r.sales;
    s.deliveryMinutes += r.delivery;
  }
}
