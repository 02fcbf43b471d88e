import { type ChannelSums, emptySums } from '../../shared/reports/metrics';

/** What one channel gathers in one month: the table's sums and the cost breakdown's categories. */
export type Cell = { sums: ChannelSums; costsByCategory: Map<string, number> };

/**
 * The report's grid: channel -> month -> cell. Month '' holds base-currency sums read without a month
 * (the table needs no monthly chart, so no month's rate is needed for them).
 */
export class ReportCells {
  readonly byChannel = new Map<number, Map<string, Cell>>();

  cell(sourceId: number, month: string): Cell {
    let months = this.byChannel.get(sourceId);
    if (!months) this.byChannel.set(sourceId, (months = new Map()));
    let c = months.get(month);
    if (!c) months.set(month, (c = { sums: emptySums(), costsByCategory: new Map() }));
    return c;
  }

  /** A cost counted in the table and in the breakdown chart under `category`. */
  addCost(sourceId: number, month: string, category: string, amount: number): void {
    const c = this.cell(sourceId, month);
    c.sums.costs += amount;
    c.costsByCategory.set(category, (c.costsByCategory.get(category) ?? 0) + amount);
  }
}
