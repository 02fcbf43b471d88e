import type { BoardColumn, LeadRow } from '../../../shared/api/schemas/leads';
import type { Stage } from '../../../shared/domain/stages';
import { replaceById } from '../../lib/writes';

// Pure board logic (no React, no dnd-kit): unit-tested in boardModel.test.ts.

export type Target = { stage: Stage; beforeId: number | null };

export const leadIdOf = (id: string | number) => (String(id).startsWith('lead-') ? Number(String(id).slice(5)) : null);

/** Where a drop lands: on a card = before that card (after it when moving down its own column); on a column = last. */
export function dropTarget(columns: BoardColumn[], activeId: number, overId: string | number): Target | null {
  const overLead = leadIdOf(overId);
  if (overLead === null) {
    const stage = String(overId).replace(/^column-/, '') as Stage;
    return columns.some((c) => c.stage === stage) ? { stage, beforeId: null } : null;
  }
  const column = columns.find((c) => c.leads.some((l) => l.id === overLead));
  if (!column) return null;
  const overIndex = column.leads.findIndex((l) => l.id === overLead);
  const activeIndex = column.leads.findIndex((l) => l.id === activeId);
  if (overLead === activeId) return { stage: column.stage, beforeId: column.leads[activeIndex + 1]?.id ?? null };
  if (activeIndex >= 0 && activeIndex < overIndex) {
    return { stage: column.stage, beforeId: column.leads[overIndex + 1]?.id ?? null };
  }
  return { stage: column.stage, beforeId: overLead };
}

/** Moves one card in a copy of the board: out of its column, into `stage` before `beforeId` (or last). */
export function moveCard(columns: BoardColumn[], id: number, stage: Stage, beforeId: number | null): BoardColumn[] {
  const card = columns.flatMap((c) => c.leads).find((l) => l.id === id);
  if (!card) return columns;
  return columns.map((column) => {
    let leads = column.leads.filter((l) => l.id !== id);
    const removed = column.leads.length - leads.length;
    let total = column.total - removed;
    let values = removed ? addValue(column.values, card, -1) : column.values;
    if (column.stage === stage) {
      const at = beforeId === null ? -1 : leads.findIndex((l) => l.id === beforeId);
      const moved: LeadRow = { ...card, stage };
      leads = at < 0 ? [...leads, moved] : [...leads.slice(0, at), moved, ...leads.slice(at)];
      total += 1;
      values = addValue(values, card, 1);
    }
    return { ...column, leads, total, values };
  });
}

function addValue(values: BoardColumn['values'], card: LeadRow, sign: 1 | -1): BoardColumn['values'] {
  if (card.valueMinor === null || values === null) return values;
  const found = values.some((v) => v.currency === card.currency);
  const next = found
    ? values.map((v) => (v.currency === card.currency ? { ...v, minor: v.minor + sign * card.valueMinor! } : v))
    : [...values, { currency: card.currency, minor: sign * card.valueMinor }];
  return next.filter((v) => v.minor !== 0 || sign > 0);
}

/**
 * The board with a saved lead's card fields (a write's answer) in place, when its card is in the column of the stage
 * it was saved in; otherwise unchanged (the refetch that follows every write places it).
 */
export function withSavedLead(columns: BoardColumn[], lead: LeadRow): BoardColumn[] {
  const column = columns.find((c) => c.stage === lead.stage && c.leads.some((l) => l.id === lead.id));
  if (!column) return columns;
  return columns.map((c) => (c === column ? { ...c, leads: replaceById(c.leads, lead)! } : c));
}
