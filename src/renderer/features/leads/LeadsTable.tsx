import { useVirtualizer } from '@tanstack/react-virtual';
import { type CSSProperties, memo, type ReactNode, useEffect, useRef } from 'react';
import { formatShortDay, formatValue } from '../../app/format';
import { navigate } from '../../app/useRoute';
import { ChannelChip, StageBadge, StaleBadge } from '../../components/Badges';
import { isStale } from '../../../shared/domain/stale';
import type { LeadRow, LeadSortField } from '../../../shared/api/schemas/leads';
import type { LeadSort, LeadsQuery } from './leadsQuery';
import { useLeadPages } from './useLeadPages';
import './leads-table.css';

type ColumnDef = { id: string; label: string; sort?: LeadSortField; width: string; align?: 'end'; cell: (l: LeadRow, stale: boolean) => ReactNode };

const columns: ColumnDef[] = [
  {
    id: 'title',
    label: 'Title',
    sort: 'title',
    width: '25%',
    cell: (l, stale) => (
      <>
        <a href={`#/lead/${l.id}`} onClick={(e) => e.stopPropagation()} title={l.title}>
          {l.title}
        </a>
        {stale && <StaleBadge />}
      </>
    ),
  },
  { id: 'source', label: 'Channel', sort: 'source', width: '12%', cell: (l) => <ChannelChip name={l.sourceName} color={l.sourceColor} title /> },
  { id: 'client', label: 'Client', sort: 'client', width: '12%', cell: (l) => l.client },
  { id: 'stage', label: 'Stage', sort: 'stage', width: '10%', cell: (l) => <StageBadge stage={l.stage} /> },
  { id: 'value', label: 'Value', sort: 'value', width: '10%', align: 'end', cell: (l) => formatValue(l.valueMinor, l.currency) },
  { id: 'connects', label: 'Connects', sort: 'connects', width: '8%', align: 'end', cell: (l) => (l.connects + l.boostConnects ? l.connects + l.boostConnects : '') },
  { id: 'created', label: 'Created', sort: 'createdOn', width: '8%', cell: (l) => formatShortDay(l.createdOn) },
  { id: 'follow', label: 'Follow-up', sort: 'followUpOn', width: '8%', cell: (l) => (l.followUpOn ? formatShortDay(l.followUpOn) : '') },
  { id: 'tags', label: 'Tags', width: '7%', cell: (l) => l.tags.join(', ') },
];

const rowHeight = 38;
// Every row is a grid with these tracks (see leads-table.css: the table is not laid out as a CSS table).
const tableStyle = { '--leads-columns': columns.map((c) => c.width).join(' ') } as CSSProperties;

export type LeadsTableProps = { query: LeadsQuery; onSort: (field: LeadSortField) => void; onTotal?: (total: number | undefined) => void; staleDays: number };

export function LeadsTable({ query, onSort, onTotal, staleDays }: LeadsTableProps) {
  const { total, error, rowAt, ensure } = useLeadPages(query);
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = total ?? 0;
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 4 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  // Rows are keyed by slot (index modulo a count that only grows), not by lead: a row scrolled out
  // hands its <tr> to the row scrolled in, so a frame updates text instead of building and removing
  // ~20 rows of DOM. A row that stays on screen keeps its slot (and its focus).
  const slots = useRef(0);
  if (items.length > slots.current) slots.current = items.length + 2;

  useEffect(() => {
    if (count > 0) ensure(first, last);
  }, [first, last, count, ensure]);
  useEffect(() => onTotal?.(total), [total, onTotal]);
  // A new filter or sort starts at the top.
  const key = JSON.stringify(query);
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [key]);

  const now = new Date();
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length ? virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0) : 0;

  return (
    <div className="table-scroll leads-table-scroll" ref={scrollRef} tabIndex={-1}>
      {error && (
        <p className="form-error" role="alert">
          Could not load leads: {error}
        </p>
      )}
      <table className="leads-table" role="table" aria-label="Leads" aria-rowcount={count + 1} style={tableStyle}>
        <Header sort={query.sort} onSort={onSort} />
        <tbody role="rowgroup">
          {padTop > 0 && <tr aria-hidden="true" style={{ height: padTop }} />}
          {items.map((item) => {
            const lead = rowAt(item.index);
            const key = item.index % slots.current;
            return lead ? <Row key={key} lead={lead} index={item.index} stale={isStale(lead, staleDays, now)} /> : <LoadingRow key={key} index={item.index} />;
          })}
          {padBottom > 0 && <tr aria-hidden="true" style={{ height: padBottom }} />}
        </tbody>
      </table>
      {total === 0 && <p className="table-empty">No leads match these filters.</p>}
    </div>
  );
}

// The header does not change while scrolling: memoized, a frame renders only the rows.
const Header = memo(function Header({ sort, onSort }: { sort: LeadSort | undefined; onSort: (field: LeadSortField) => void }) {
  const sortState = (field?: LeadSortField): 'ascending' | 'descending' | 'none' | undefined => {
    if (!field) return undefined;
    if (sort?.field !== field) return 'none';
    return sort.dir === 'asc' ? 'ascending' : 'descending';
  };
  return (
    <thead role="rowgroup">
      <tr role="row" aria-rowindex={1}>
        {columns.map((c) => (
          <th key={c.id} role="columnheader" scope="col" aria-sort={sortState(c.sort)} className={c.align === 'end' ? 'num' : undefined}>
            {c.sort ? (
              <button type="button" className="sort-button" onClick={() => onSort(c.sort!)}>
                {c.label}
                <span className="sort-arrow" aria-hidden="true">
                  {sortState(c.sort) === 'ascending' ? '▲' : sortState(c.sort) === 'descending' ? '▼' : ''}
                </span>
              </button>
            ) : (
              c.label
            )}
          </th>
        ))}
      </tr>
    </thead>
  );
});

// Rows are memoized: scrolling renders only the rows that come into view.
const Row = memo(function Row({ lead, index, stale }: { lead: LeadRow; index: number; stale: boolean }) {
  return (
    <tr role="row" aria-rowindex={index + 2} style={{ height: rowHeight }} className="row" onClick={() => navigate(`lead/${lead.id}`)}>
      {columns.map((c) => (
        <td key={c.id} role="cell" className={c.align === 'end' ? 'num' : undefined}>
          {c.cell(lead, stale)}
        </td>
      ))}
    </tr>
  );
});

const LoadingRow = memo(function LoadingRow({ index }: { index: number }) {
  return (
    <tr role="row" aria-rowindex={index + 2} style={{ height: rowHeight }} className="row row-loading">
      {columns.map((c) => (
        <td key={c.id} role="cell">
          <span className="skeleton" aria-hidden="true" />
        </td>
      ))}
    </tr>
  );
});
