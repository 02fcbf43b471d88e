import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { formatValueShort } from '../../lib/format';
import { routeWith } from '../../lib/useRoute';
import type { BoardColumn as Column } from '../../../shared/api/schemas/leads';
import { type Stage, stageLabels } from '../../../shared/domain/stages';
import { SortableLeadCard } from './LeadCard';
import { isStale } from '../../../shared/domain/stale';

export type BoardColumnProps = {
  column: Column;
  highlighted: boolean;
  search: string;
  sourceId?: number | undefined;
  onMove: (id: number, stage: Stage) => void;
  staleDays: number;
  /** Won and Lost show the last 30 days unless "all" is on. */
  closedAll: boolean;
  onToggleClosed?: (() => void) | undefined;
  /** How many of the column's cards to draw (all after the first paint). */
  limit?: number;
  revealId?: number | null;
};

/** "$30,600" or "$30,600 · €1,200": each currency on its own, never added together. */
function columnValue(column: Column): string {
  if (!column.values?.length) return '';
  const shown = column.values.slice(0, 2).map((v) => formatValueShort(v.minor, v.currency));
  return `${shown.join(' · ')}${column.values.length > 2 ? ' · …' : ''}`;
}

export function BoardColumn({
  column,
  highlighted,
  search,
  sourceId,
  onMove,
  staleDays,
  closedAll,
  onToggleClosed,
  limit = Number.POSITIVE_INFINITY,
  revealId = null,
}: BoardColumnProps) {
  const now = new Date();
  const closed = column.stage === 'won' || column.stage === 'lost';
  const { setNodeRef } = useDroppable({ id: `column-${column.stage}`, data: { stage: column.stage } });
  const headingId = `column-${column.stage}-heading`;
  const hidden = Math.max(0, column.total - column.leads.length);
  const value = columnValue(column);
  // The card to reveal is drawn even before the batches reach it.
  const shown =
    column.leads.length > limit ? column.leads.filter((l, i) => i < limit || l.id === revealId) : column.leads;
  const tableLink = `#/${routeWith('leads', { stage: column.stage, q: search, source: sourceId ? String(sourceId) : undefined })}`;
  return (
    <section
      ref={setNodeRef}
      className={`column column-${column.stage}${highlighted ? ' column-over' : ''}`}
      aria-labelledby={headingId}
      data-stage={column.stage}
    >
      <header className="column-header">
        <h2 id={headingId}>{stageLabels[column.stage]}</h2>
        <span className="column-count">
          <span className="count-number">{column.total.toLocaleString()}</span>
          <span className="sr-only"> leads</span>
        </span>
        <span className="column-value">{value && <>{value} in value</>}</span>
        {closed && onToggleClosed && (
          <button type="button" className="link-button closed-toggle" onClick={onToggleClosed} aria-pressed={closedAll}>
            {closedAll ? 'All time' : 'Last 30 days'}
            <span className="sr-only">
              {closedAll
                ? `: showing all ${stageLabels[column.stage]} leads, show the last 30 days`
                : `: show all ${stageLabels[column.stage]} leads`}
            </span>
          </button>
        )}
      </header>
      <SortableContext items={shown.map((l) => `lead-${l.id}`)} strategy={verticalListSortingStrategy}>
        <div className="column-cards">
          {shown.map((lead) => (
            <SortableLeadCard
              key={lead.id}
              lead={lead}
              onMove={(stage) => onMove(lead.id, stage)}
              stale={isStale(lead, staleDays, now)}
              reveal={lead.id === revealId}
            />
          ))}
          {column.total === 0 && <p className="column-empty">No leads</p>}
          {hidden > 0 && (
            <a className="column-more" href={tableLink}>
              Show all {column.total.toLocaleString()} in the table
            </a>
          )}
        </div>
      </SortableContext>
    </section>
  );
}
