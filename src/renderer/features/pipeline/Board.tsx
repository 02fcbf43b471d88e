import {
  type Announcements,
  type CollisionDetection,
  closestCorners,
  DndContext,
  type DragEndEvent,
  type DragOverEvent,
  DragOverlay,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { startTransition, useEffect, useRef, useState } from 'react';
import { useBoardKeys } from './useBoardKeys';
import type { BoardColumn as Column, LeadRow } from '../../../shared/api/schemas/leads';
import { type Stage, stageLabels } from '../../../shared/domain/stages';
import { BoardColumn } from './BoardColumn';
import { dropTarget, leadIdOf } from './boardModel';
import { CardOverlay } from './LeadCard';

// Cards under the pointer win over their column. The keyboard has no pointer: the centre of the
// moved card stands in for it (nearest corners would pick a card in the old column over a tall empty one).
const collisions: CollisionDetection = (args) => {
  const { collisionRect } = args;
  const point = args.pointerCoordinates ?? {
    x: collisionRect.left + collisionRect.width / 2,
    y: collisionRect.top + collisionRect.height / 2,
  };
  const within = pointerWithin({ ...args, pointerCoordinates: point });
  const cards = within.filter((c) => String(c.id).startsWith('lead-'));
  if (cards.length) return cards;
  if (within.length) return within;
  return closestCorners(args);
};

/**
 * Left/Right jump to the next column (just under its header, so the card lands on top);
 * Up/Down move within a column as dnd-kit's sortable does.
 */
const boardKeyboardCoordinates: KeyboardCoordinateGetter = (event, args) => {
  if (event.code !== 'ArrowLeft' && event.code !== 'ArrowRight') return sortableKeyboardCoordinates(event, args);
  const { collisionRect, droppableContainers } = args.context;
  if (!collisionRect) return undefined;
  event.preventDefault();
  // Live rects: six columns are cheap to measure, and this works before dnd-kit's first measuring pass.
  const columns = droppableContainers
    .getEnabled()
    .filter((c) => String(c.id).startsWith('column-'))
    .flatMap((c) => {
      const rect = c.node.current?.getBoundingClientRect();
      return rect ? [rect] : [];
    })
    .sort((a, b) => a.left - b.left);
  const center = collisionRect.left + collisionRect.width / 2;
  const current = columns.findIndex((rect) => center >= rect.left && center <= rect.right);
  const next = columns[current + (event.code === 'ArrowRight' ? 1 : -1)];
  if (current < 0 || !next) return undefined;
  return { x: next.left + (next.width - collisionRect.width) / 2, y: next.top + 44 };
};

export type BoardProps = {
  columns: Column[];
  search: string;
  sourceId?: number | undefined;
  onMove: (id: number, stage: Stage, beforeId: number | null) => void;
  staleDays: number;
  closedAll: boolean;
  onToggleClosed: () => void;
  /** A lead to show and scroll to (the one just added). */
  revealId?: number | null;
};

/** Cards per column in the first paint (about a screenful), and how many more each frame after it. */
export const firstCards = 8;
const moreCards = 16;

/**
 * Card limit per column: `firstCards` for the first paint, then `moreCards` more a frame until every
 * card is drawn. Three hundred sortable cards (each with its Move list) in one render were most of
 * the board's first paint, and one long task after it; a few small renders keep the page responsive.
 */
function useCardLimit(most: number): number {
  const [limit, setLimit] = useState(firstCards);
  useEffect(() => {
    if (limit >= most) return;
    let timer = 0;
    // A frame, then an idle moment: the browser paints what it has before the next cards are built, and
    // the first paint's other work (the page's remaining requests, input) goes first. Where there is no
    // requestIdleCallback, a task.
    const idle = (run: () => void) =>
      typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 250 }) : window.setTimeout(run);
    const cancelIdle = (id: number) =>
      typeof cancelIdleCallback === 'function' ? cancelIdleCallback(id) : window.clearTimeout(id);
    const frame = requestAnimationFrame(() => {
      timer = idle(() => startTransition(() => setLimit((l) => l + moreCards)));
    });
    return () => {
      cancelAnimationFrame(frame);
      cancelIdle(timer);
    };
  }, [limit, most]);
  return limit;
}

export function Board({
  columns,
  search,
  sourceId,
  onMove,
  staleDays,
  closedAll,
  onToggleClosed,
  revealId = null,
}: BoardProps) {
  const limit = useCardLimit(Math.max(0, ...columns.map((c) => c.leads.length)));
  const [active, setActive] = useState<LeadRow | null>(null);
  const boardRef = useRef<HTMLDivElement | null>(null);
  useBoardKeys(boardRef);
  const [overStage, setOverStage] = useState<Stage | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: boardKeyboardCoordinates }),
  );
  const leadOf = (id: string | number) => columns.flatMap((c) => c.leads).find((l) => l.id === leadIdOf(id));
  const stageOf = (id: string | number | undefined) => {
    if (id === undefined) return null;
    const lead = leadOf(id);
    return lead ? lead.stage : (String(id).replace(/^column-/, '') as Stage);
  };

  // "Logo is over Applied, position 2 of 5.": where the card would land, in words.
  const place = (activeId: string | number, overId: string | number) => {
    const id = leadIdOf(activeId);
    const target = id === null ? null : dropTarget(columns, id, overId);
    if (!target) return 'outside the board';
    const column = columns.find((c) => c.stage === target.stage)!;
    const others = column.leads.filter((l) => l.id !== id);
    const at = target.beforeId === null ? others.length : others.findIndex((l) => l.id === target.beforeId);
    const count = column.total + (column.leads.some((l) => l.id === id) ? 0 : 1);
    return `${stageLabels[target.stage]}, position ${at + 1} of ${count}`;
  };
  const title = (id: string | number) => leadOf(id)?.title ?? 'Lead';
  const announcements: Announcements = {
    onDragStart: ({ active: a }) => `Picked up ${title(a.id)} from ${stageLabels[stageOf(a.id) ?? 'new']}.`,
    onDragOver: ({ active: a, over }) =>
      over ? `${title(a.id)} is over ${place(a.id, over.id)}.` : `${title(a.id)} is not over a column.`,
    onDragEnd: ({ active: a, over }) =>
      over ? `${title(a.id)} was moved to ${place(a.id, over.id)}.` : `${title(a.id)} was dropped outside the board.`,
    onDragCancel: ({ active: a }) => `Moving ${title(a.id)} was cancelled.`,
  };

  const onDragStart = (event: DragStartEvent) => setActive(leadOf(event.active.id) ?? null);
  const onDragOver = (event: DragOverEvent) => setOverStage(stageOf(event.over?.id));
  const onDragEnd = (event: DragEndEvent) => {
    setActive(null);
    setOverStage(null);
    const id = leadIdOf(event.active.id);
    if (id === null || !event.over) return;
    const target = dropTarget(columns, id, event.over.id);
    if (!target) return;
    const from = columns.find((c) => c.leads.some((l) => l.id === id));
    const index = from?.leads.findIndex((l) => l.id === id) ?? -1;
    const unchanged =
      from?.stage === target.stage &&
      (target.beforeId === null ? index === from.leads.length - 1 : from.leads[index + 1]?.id === target.beforeId);
    if (!unchanged) onMove(id, target.stage, target.beforeId);
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisions}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragEnd={onDragEnd}
      onDragCancel={() => {
        setActive(null);
        setOverStage(null);
      }}
      accessibility={{
        announcements,
        screenReaderInstructions: {
          draggable:
            'To move a lead, press Space or Enter. Use the arrow keys to move it between columns and up or down, Space or Enter to drop it, Escape to cancel. You can also use the Move to list on each card.',
        },
      }}
    >
      <div ref={boardRef} className="board" role="group" aria-label="Pipeline board" aria-keyshortcuts="1 2 3 4 5 6">
        {columns.map((column) => (
          <BoardColumn
            key={column.stage}
            column={column}
            search={search}
            sourceId={sourceId}
            highlighted={active !== null && overStage === column.stage}
            onMove={(leadId, stage) => onMove(leadId, stage, null)}
            staleDays={staleDays}
            closedAll={closedAll}
            onToggleClosed={onToggleClosed}
            limit={limit}
            revealId={revealId}
          />
        ))}
      </div>
      <DragOverlay dropAnimation={null}>{active ? <CardOverlay lead={active} /> : null}</DragOverlay>
    </DndContext>
  );
}
