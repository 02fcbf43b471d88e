import { attributionShifts } from './attribution-repo';
import { paymentMonths } from './report-repo';
import type { ReportInput } from './parts';

/** docs/domain.md §4: revenue and fees of the payments dated in the range, each sum converted at its month's rate. */
export function addRevenue({ ctx, plan, collapse, converter, cells }: ReportInput): void {
  for (const r of paymentMonths(ctx.db, plan, collapse)) {
    const s = cells.cell(r.source_id, r.month).sums;
    const gross = converter.convert(r.gross, r.currency, r.month, r.payments);
    const fee = converter.convert(r.fee, r.currency, r.month, 0);
    if (gross !== undefined) s.revenue += gross;
    if (fee !== undefined) s.fees += fee;
  }
}

/**
 * docs/domain.md §6 first touch: each shifted gross (converted once) moves from the payment's channel to its
 * client's first source; totals stay equal to last touch, fees and costs stay where they were charged.
 */
export function moveToFirstTouch({ ctx, from, to, collapse, converter, cells }: ReportInput): void {
  for (const r of attributionShifts(ctx.db, from, to)) {
    const gross = converter.convert(r.gross, r.currency, r.month, 0);
    if (gross === undefined) continue;
    const month = collapse !== null && r.currency === collapse ? '' : r.month;
    cells.cell(r.from_id, month).sums.revenue -= gross;
    cells.cell(r.to_id, month).sums.revenue += gross;
  }
}
