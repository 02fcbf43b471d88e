import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { type KeyboardEventHandler, type PointerEventHandler, type ReactNode, useEffect, useRef } from 'react';
import { daysFromToday, formatShortDay, formatValueShort } from '../../lib/format';
import { Icon } from '../../components/Icon';
import { StaleBadge } from '../../components/Badges';
import { LogTimeButton } from '../time/LogTimeButton';
import { BidLine } from '../leads/BidLine';
import { spentConnects } from '../../../shared/domain/bid-facts';
import type { LeadRow } from '../../../shared/api/schemas/leads';
import { type Stage, stageLabels, stages } from '../../../shared/domain/stages';

export type LeadCardProps = { lead: LeadRow; onMove: (stage: Stage) => void; stale?: boolean; reveal?: boolean };

export function SortableLeadCard({ lead, onMove, stale = false, reveal = false }: LeadCardProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: `lead-${lead.id}`,
    data: { lead },
  });
  const node = useRef<HTMLElement | null>(null);
  // A lead just added is scrolled into view in its column (and the page), once.
  useEffect(() => {
    if (!reveal) return;
    const frame = requestAnimationFrame(() => node.current?.scrollIntoView({ block: 'nearest', inline: 'nearest' }));
    return () => cancelAnimationFrame(frame);
  }, [reveal]);
  return (
    <article
      ref={(el) => {
        node.current = el;
        setNodeRef(el);
      }}
      className={`card${isDragging ? ' card-dragging' : ''}${reveal ? ' card-added' : ''}`}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      aria-label={lead.title}
      data-lead-id={lead.id}
      // The whole card drags with the mouse; the grip button is the keyboard handle.
      onPointerDown={listeners?.onPointerDown as PointerEventHandler | undefined}
    >
      <CardBody
        lead={lead}
        stale={stale}
        move={
          <select
            className="card-move"
            aria-label={`Move ${lead.title} to`}
            value={lead.stage}
            onChange={(e) => onMove(e.target.value as Stage)}
          >
            {stages.map((s) => (
              <option key={s} value={s}>
                {s === lead.stage ? 'Move…' : stageLabels[s]}
              </option>
            ))}
          </select>
        }
      >
        <LogTimeButton leadId={lead.id} title={lead.title} />
        <button
          ref={setActivatorNodeRef}
          type="button"
          className="card-grip"
          {...attributes}
          onKeyDown={listeners?.onKeyDown as KeyboardEventHandler | undefined}
          aria-label={`Drag ${lead.title}`}
        >
          <Icon name="grip" size={14} />
        </button>
      </CardBody>
    </article>
  );
}

/** The look of a card, shared by the board and the drag overlay. */
export function CardBody({
  lead,
  children,
  move,
  stale = false,
}: {
  lead: LeadRow;
  children?: ReactNode;
  move?: ReactNode;
  stale?: boolean;
}) {
  const due = lead.followUpOn ? daysFromToday(lead.followUpOn) : null;
  const open = lead.stage !== 'won' && lead.stage !== 'lost';
  // Only credit channels spend connects, so a count shows only there.
  // An outbid boost is not charged (docs/domain.md §8).
  const connects = spentConnects(lead.connects, lead.boostConnects, lead.connectsRefunded, lead.boostOutcome);
  return (
    <>
      <div className="card-top">
        <a className="card-title" href={`#/lead/${lead.id}`}>
          {lead.title}
        </a>
        {children}
      </div>
      {lead.client && <div className="card-client">{lead.client}</div>}
      <BidLine lead={lead} />
      <div className="card-meta">
        <span className="chip" title={lead.sourceName}>
          <span className="chip-dot" style={{ background: lead.sourceColor }} aria-hidden="true" />
          {lead.sourceName}
        </span>
        {lead.valueMinor !== null && (
          <span className="card-value">{formatValueShort(lead.valueMinor, lead.currency)}</span>
        )}
      </div>
      <div className="card-foot">
        {(stale || connects > 0) && (
          <span className="card-flags">
            {stale && <StaleBadge />}
            {connects > 0 && <span className="card-connects">{connects} connects</span>}
          </span>
        )}
        {lead.followUpOn && open && (
          <span className={`card-follow${due !== null && due < 0 ? ' overdue' : due === 0 ? ' today' : ''}`}>
            <Icon name="bell" size={12} /> {due === 0 ? 'Today' : formatShortDay(lead.followUpOn)}
            <span className="sr-only">{due !== null && due < 0 ? ' (follow-up overdue)' : ' (follow-up)'}</span>
          </span>
        )}
        {move}
      </div>
    </>
  );
}

export function CardOverlay({ lead }: { lead: LeadRow }) {
  return (
    <div className="card card-overlay">
      <CardBody lead={lead} />
    </div>
  );
}
