import { elementScroll, observeElementOffset, useVirtualizer } from '@tanstack/react-virtual';
import { type CSSProperties, memo, type ReactNode, useEffect, useRef } from 'react';
import { formatShortDay, formatValue } from '../../lib/format';
import { navigate } from '../../lib/useRoute';
import { ChannelChip, StageBadge, StaleBadge } from '../../components/Badges';
import { isStale } from '../../../shared/domain/stale';
import type { LeadRow, LeadSortField } from '../../../shared/api/schemas/leads';
import type { FitFont } from './column-tracks';
import type { LeadSort, LeadsQuery } from './leadsQuery';
import { rowShift, type ScrollScale, scrollScale } from './scroll-scale';
import { type CellFit, useColumnFit } from './useColumnFit';
import { useGroupKeys } from './useGroupKeys';
import { useLeadPages } from './useLeadPages';
import './leads-table.css';

/**
 * A column. `fixed`: as wide as its longest possible text (column-tracks.ts), so its cells never clip.
 * `text`: a free-text column's text, which clips (with an ellipsis) only when wider than the column;
 * the cell shows it as it is unless `cell` draws something richer.
 */
type ColumnDef = {
  id: string;
  label: string;
  sort?: LeadSortField;
  fixed?: true;
  align?: 'end';
  text?: (l: LeadRow, stale: boolean) => CellText;
  cell?: (l: LeadRow, stale: boolean) => ReactNode;
};
type CellText = { font: FitFont; text: string; extra?: number; numeric?: boolean };

const staleBadgeWidth = 46; // "Stale" at 11 px bold, its padding, border and margin
const chipDotWidth = 14; // the channel's dot and the gap after it

const columns: ColumnDef[] = [
  {
    id: 'title',
    label: 'Title',
    sort: 'title',
    text: (l, stale) => ({ font: 'link', text: l.title, extra: stale ? staleBadgeWidth : 0 }),
    cell: (l, stale) => (
      <>
        <a href={`#/lead/${l.id}`} onClick={(e) => e.stopPropagation()}>
          {l.title}
        </a>
        {stale && <StaleBadge />}
      </>
    ),
  },
  {
    id: 'source',
    label: 'Channel',
    sort: 'source',
    text: (l) => ({ font: 'chip', text: l.sourceName, extra: chipDotWidth }),
    cell: (l) => <ChannelChip name={l.sourceName} color={l.sourceColor} />,
  },
  { id: 'client', label: 'Client', sort: 'client', text: (l) => ({ font: 'cell', text: l.client }) },
  { id: 'stage', label: 'Stage', sort: 'stage', fixed: true, cell: (l) => <StageBadge stage={l.stage} /> },
  {
    id: 'value',
    label: 'Value',
    sort: 'value',
    align: 'end',
    text: (l) => ({ font: 'cell', text: formatValue(l.valueMinor, l.currency), numeric: true }),
  },
  {
    id: 'connects',
    label: 'Connects',
    sort: 'connects',
    fixed: true,
    align: 'end',
    cell: (l) => (l.connects + l.boostConnects ? l.connects + l.boostConnects : ''),
  },
  { id: 'created', label: 'Created', sort: 'createdOn', fixed: true, cell: (l) => formatShortDay(l.createdOn) },
  {
    id: 'follow',
    label: 'Follow-up',
    sort: 'followUpOn',
    fixed: true,
    cell: (l) => (l.followUpOn ? formatShortDay(l.followUpOn) : ''),
  },
  { id: 'tags', label: 'Tags', text: (l) => ({ font: 'cell', text: l.tags.join(', ') }) },
];

/** Whether a cell shows its text whole: a fixed column, an empty or loading cell, or text measured to fit. */
function cellFits(
  c: ColumnDef,
  column: number,
  lead: LeadRow | undefined,
  text: CellText | undefined,
  fit: CellFit | undefined,
): boolean {
  if (!lead || c.fixed) return true;
  if (!text) return false;
  return text.text === '' || (fit?.(column, text.font, text.text, text.extra, text.numeric) ?? false);
}

const classNames = (...names: (string | false)[]) => names.filter(Boolean).join(' ') || undefined;

const rowHeight = 38;
/** The sticky header's height (leads-table.css reads it as --leads-head). */
const headHeight = 34;
/** Rows per row group: the unit a frame recycles while scrolling (see useGroupKeys). */
const groupRows = 16;

export type LeadsTableProps = {
  query: LeadsQuery;
  onSort: (field: LeadSortField) => void;
  onTotal?: (total: number | undefined) => void;
  staleDays: number;
};

export function LeadsTable({ query, onSort, onTotal, staleDays }: LeadsTableProps) {
  const { total, error, rowAt, ensure } = useLeadPages(query);
  const scrollRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const count = total ?? 0;
  // The virtualizer works in content px; a list taller than Chromium can lay out scrolls a shorter
  // track (scroll-scale.ts), so offsets are scaled on their way in and out.
  const scale = useRef<ScrollScale>({ track: 0, factor: 1 });
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 4,
    observeElementOffset: (instance, onOffset) =>
      observeElementOffset(instance, (offset, scrolling) => onOffset(offset * scale.current.factor, scrolling)),
    scrollToFn: (offset, options, instance) => elementScroll(offset / scale.current.factor, options, instance),
  });
  // The rows show below the sticky header: their viewport is the scroller's less the header.
  scale.current = scrollScale(count * rowHeight, Math.max(0, (virtualizer.scrollRect?.height ?? 0) - headHeight));
  const shift = rowShift(virtualizer.scrollOffset ?? 0, scale.current.factor);
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;
  const groups = useGroupKeys(
    Math.floor(first / groupRows),
    last < 0 ? -1 : Math.floor(last / groupRows),
    virtualizer.isScrolling,
  );
  const { tracks, fit } = useColumnFit(tableRef);

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
  const style = {
    '--leads-columns': tracks,
    '--leads-head': `${headHeight}px`,
    '--leads-body': `${scale.current.track}px`,
  } as CSSProperties;

  return (
    <div className="table-scroll leads-table-scroll" ref={scrollRef} tabIndex={-1}>
      {error && (
        <p className="form-error" role="alert">
          Could not load leads: {error}
        </p>
      )}
      <table
        className="leads-table"
        role="table"
        aria-label="Leads"
        aria-rowcount={count + 1}
        style={style}
        ref={tableRef}
      >
        <Header sort={query.sort} onSort={onSort} />
        {groups.map(({ key: groupKey, group }) => {
          const from = group * groupRows;
          const to = Math.min(from + groupRows, count);
          const rows: ReactNode[] = [];
          for (let index = from; index < to; index++) {
            const lead = rowAt(index);
            rows.push(
              <Row
                key={index - from}
                lead={lead}
                index={index}
                stale={lead ? isStale(lead, staleDays, now) : false}
                fit={fit}
              />,
            );
          }
          return (
            <tbody key={groupKey} role="rowgroup" style={{ transform: `translateY(${from * rowHeight - shift}px)` }}>
              {rows}
            </tbody>
          );
        })}
      </table>
      {total === 0 && <p className="table-empty">No leads match these filters.</p>}
    </div>
  );
}

// The header does not change while scrolling: memoized, a frame renders only the rows.
const Header = memo(function Header({
  sort,
  onSort,
}: {
  sort: LeadSort | undefined;
  onSort: (field: LeadSortField) => void;
}) {
  const sortState = (field?: LeadSortField): 'ascending' | 'descending' | 'none' | undefined => {
    if (!field) return undefined;
    if (sort?.field !== field) return 'none';
    return sort.dir === 'asc' ? 'ascending' : 'descending';
  };
  return (
    <thead role="rowgroup">
      <tr role="row" aria-rowindex={1}>
        {columns.map((c) => (
          <th
            key={c.id}
            role="columnheader"
            scope="col"
            aria-sort={sortState(c.sort)}
            className={classNames(c.align === 'end' && 'num', !c.sort && 'plain')}
          >
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

// Rows are memoized: a frame renders only the rows whose lead changed. Loaded and loading rows are
// one component, so a row whose page arrives is updated in place rather than rebuilt.
const Row = memo(function Row({
  lead,
  index,
  stale,
  fit,
}: {
  lead: LeadRow | undefined;
  index: number;
  stale: boolean;
  fit: CellFit | undefined;
}) {
  return (
    <tr
      role="row"
      aria-rowindex={index + 2}
      className={lead ? 'row' : 'row row-loading'}
      onClick={lead ? () => navigate(`lead/${lead.id}`) : undefined}
    >
      {columns.map((c, column) => {
        const text = lead && c.text ? c.text(lead, stale) : undefined;
        const fits = cellFits(c, column, lead, text, fit);
        // A clipped cell shows its whole text as a tooltip; a cell that fits needs none.
        return (
          // "num" aligns to the end; "fit" cells do not clip (see column-tracks.ts).
          <td
            key={c.id}
            role="cell"
            className={classNames(c.align === 'end' && 'num', fits && 'fit')}
            title={fits ? undefined : text?.text}
          >
            {lead ? c.cell ? c.cell(lead, stale) : text?.text : <span className="skeleton" aria-hidden="true" />}
          </td>
        );
      })}
    </tr>
  );
});
