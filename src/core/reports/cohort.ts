import { leadMonths, winHistogram } from './report-repo';
import type { ReportInput } from './parts';

/** docs/domain.md §4: the cohort (leads created in the range), its funnel counts, connects and booked value. */
export function addCohort({ ctx, plan, collapse, converter, cells }: ReportInput): void {
  for (const r of leadMonths(ctx.db, plan, collapse)) {
    const s = cells.cell(r.source_id, r.month).sums;
    s.leads += r.leads;
    s.proposals += r.proposals;
    s.replies += r.replies;
    s.interviews += r.interviews;
    s.wins += r.wins;
    s.connectsSpent += r.connects_spent;
    s.connectsRefunded += r.connects_refunded;
    if (r.booked_minor !== 0) s.booked += converter.convert(r.booked_minor, r.currency, r.month, r.wins) ?? 0;
  }
}

/** Days from applied (else created) to closed of the cohort's wins, per channel. */
export function winDays({ ctx, plan }: ReportInput): Map<number, Map<number, number>> {
  const histograms = new Map<number, Map<number, number>>();
  for (const w of winHistogram(ctx.db, plan)) {
    const h = histograms.get(w.source_id) ?? new Map<number, number>();
    h.set(w.days, (h.get(w.days) ?? 0) + w.wins);
    histograms.set(w.source_id, h);
  }
  return histograms;
}
