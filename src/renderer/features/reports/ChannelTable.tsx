import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelReport, ChannelRow } from '../../../shared/api/schemas/reports';
import { count, days, money, percent } from '../../lib/reportFormat';
import { hours } from '../../../shared/reports/format';

type Metric = Exclude<keyof ChannelRow, 'source'>;
type Column = {
  key: Metric | 'source';
  title: string;
  format: (row: ChannelRow, currency: string) => string;
  help?: string;
};

// Most important first: at 1280×720 Channel, Profit, ROI, Revenue, Costs and Cost / win are
// in view without scrolling; the funnel and connect counts follow.
export const reportColumns: Column[] = [
  { key: 'source', title: 'Channel', format: (r) => r.source },
  { key: 'profit', title: 'Profit', format: (r, c) => money(r.profit, c) },
  {
    key: 'profitPerHour',
    title: 'Profit / hour',
    format: (r, c) => money(r.profitPerHour, c),
    help: 'Profit / (sales + delivery hours logged in the range)',
  },
  { key: 'roi', title: 'ROI', format: (r) => percent(r.roi), help: 'Profit / (fees + costs)' },
  { key: 'revenue', title: 'Revenue', format: (r, c) => money(r.revenue, c) },
  { key: 'fees', title: 'Fees', format: (r, c) => money(r.fees, c) },
  { key: 'costs', title: 'Costs', format: (r, c) => money(r.costs, c) },
  { key: 'costPerWin', title: 'Cost / win', format: (r, c) => money(r.costPerWin, c) },
  { key: 'wins', title: 'Wins', format: (r) => count(r.wins) },
  { key: 'winRate', title: 'Win rate', format: (r) => percent(r.winRate) },
  { key: 'leads', title: 'Leads', format: (r) => count(r.leads) },
  { key: 'proposals', title: 'Proposals', format: (r) => count(r.proposals) },
  { key: 'replies', title: 'Replies', format: (r) => count(r.replies) },
  { key: 'interviews', title: 'Interviews', format: (r) => count(r.interviews) },
  {
    key: 'connectsSpent',
    title: 'Connects',
    format: (r) => count(r.connectsSpent),
    help: 'Connects + boost connects spent on the leads created in the range',
  },
  { key: 'connectsRefunded', title: 'Refunded', format: (r) => count(r.connectsRefunded) },
  {
    key: 'connectsExpired',
    title: 'Expired',
    format: (r) => count(r.connectsExpired),
    help: 'Credits that expired unused in the range (365 days after they came in)',
  },
  {
    key: 'connectsPerWin',
    title: 'Connects / win',
    format: (r) => (r.connectsPerWin === null ? '—' : count(r.connectsPerWin)),
    help: '(Connects − refunded) / wins',
  },
  { key: 'costPerLead', title: 'Cost / lead', format: (r, c) => money(r.costPerLead, c) },
  { key: 'revenuePerConnect', title: 'Revenue / connect', format: (r, c) => money(r.revenuePerConnect, c) },
  { key: 'booked', title: 'Booked', format: (r, c) => money(r.booked, c), help: 'Value of the won leads' },
  { key: 'medianDaysToWin', title: 'Median days to win', format: (r) => days(r.medianDaysToWin) },
  {
    key: 'salesHours',
    title: 'Sales hours',
    format: (r) => hours(r.salesHours),
    help: 'Time logged as sales (proposals, calls, posts) in the range',
  },
  {
    key: 'deliveryHours',
    title: 'Delivery hours',
    format: (r) => hours(r.deliveryHours),
    help: 'Time logged doing the work in the range',
  },
  { key: 'salesHoursPerWin', title: 'Sales hours / win', format: (r) => hours(r.salesHoursPerWin) },
];

export function sortRows(rows: ChannelRow[], key: string, dir: 'asc' | 'desc'): ChannelRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a[key as keyof ChannelRow];
    const y = b[key as keyof ChannelRow];
    if (x === y) return a.source.localeCompare(b.source);
    // null ("—") always sorts last
    if (x === null) return 1;
    if (y === null) return -1;
    return (typeof x === 'string' ? x.localeCompare(String(y)) : (x as number) - (y as number)) * sign;
  });
}

type Props = {
  report: ChannelReport;
  sort: string;
  dir: 'asc' | 'desc';
  onSort: (key: string) => void;
  selected: string | null;
  onSelect: (source: string) => void;
};

export function ChannelTable({ report, sort, dir, onSort, selected, onSelect }: Props) {
  const rows = sortRows(report.channels, sort, dir);
  const totals: ChannelRow = { source: 'Total', ...report.totals };
  const scroll = useScrollHint();
  return (
    <div className={`report-table-wrap${scroll.more ? ' has-more' : ''}`}>
      {scroll.more && (
        <p className="scroll-hint" aria-hidden="true">
          More columns →
        </p>
      )}
      <div
        className="report-table-scroll"
        role="region"
        aria-label="Channels table"
        tabIndex={0}
        ref={scroll.ref}
        onScroll={scroll.update}
      >
        <table className="report-table" aria-label={`Channels, ${report.basis} basis, ${report.currency}`}>
          <thead>
            <tr>
              {reportColumns.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  className={c.key === 'source' ? 'sticky-col' : 'num'}
                  aria-sort={sort === c.key ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                >
                  <button type="button" className="sort-button" onClick={() => onSort(c.key)} title={c.help}>
                    {c.title}
                    {sort === c.key && (
                      <span className="sort-arrow" aria-hidden="true">
                        {dir === 'asc' ? '▲' : '▼'}
                      </span>
                    )}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={reportColumns.length} className="table-empty">
                  No leads, payments, costs or time in this range.
                </td>
              </tr>
            )}
            {rows.map((row) => (
              <tr
                key={row.source}
                className={row.source === selected ? 'selected' : undefined}
                data-channel={row.source}
              >
                {reportColumns.map((c) =>
                  c.key === 'source' ? (
                    <th key={c.key} scope="row" className="sticky-col">
                      <button
                        type="button"
                        className="link-button channel-link"
                        onClick={() => onSelect(row.source)}
                        aria-expanded={row.source === selected}
                        title={row.source}
                      >
                        {row.source}
                      </button>
                    </th>
                  ) : (
                    <td
                      key={c.key}
                      className={`num${c.key === 'profit' ? (row.profit < 0 ? ' negative' : row.profit > 0 ? ' positive' : '') : ''}`}
                      data-key={c.key}
                    >
                      {c.format(row, report.currency)}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-channel="Total">
              {reportColumns.map((c) =>
                c.key === 'source' ? (
                  <th key={c.key} scope="row" className="sticky-col">
                    Total
                  </th>
                ) : (
                  <td key={c.key} className="num" data-key={c.key}>
                    {c.format(totals, report.currency)}
                  </td>
                ),
              )}
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}

/** Whether the table has columns off to the right, so the page can say it scrolls. */
function useScrollHint() {
  const ref = useRef<HTMLDivElement>(null);
  const [more, setMore] = useState(false);
  const update = useCallback(() => {
    const el = ref.current;
    if (el) setMore(el.scrollLeft + el.clientWidth < el.scrollWidth - 2);
  }, []);
  useEffect(() => {
    update();
    const observer = new ResizeObserver(update);
    if (ref.current) observer.observe(ref.current);
    return () => observer.disconnect();
  }, [update]);
  return { ref, more, update };
}
