import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../../api';
import { takeReady } from '../../api/prefetched';
import { useDataVersion } from '../../lib/dataVersion';
import { useToast } from '../../components/Toasts';
import { useCloseOut } from '../closeout/useCloseOut';
import { closedToast } from '../closeout/closedToast';
import { moveCard, withSavedLead } from './boardModel';
import { writesSince } from '../../lib/writes';
import { leadRowOf, savedLead } from '../leads/leadWrites';
import type { BoardColumn, LeadRow } from '../../../shared/api/schemas/leads';
import { type Stage, stageLabels } from '../../../shared/domain/stages';

export const perColumn = 50;
/** The event the New lead dialog sends with the saved lead, so the board can show it. */
export const leadAddedEvent = 'leadledger:lead-added';

/**
 * A column holds its first `perColumn` cards; a lead just added goes to the end of its column and may be
 * past them: it is added to what the column shows, so a saved lead is never out of sight.
 */
export function withLead(columns: BoardColumn[], lead: LeadRow): BoardColumn[] {
  if (columns.some((c) => c.leads.some((l) => l.id === lead.id))) return columns;
  return columns.map((c) => (c.stage === lead.stage ? { ...c, leads: [...c.leads, lead] } : c));
}

/** The board for a search and a channel, with optimistic moves that roll back (and say why) when the store refuses. */
export function useBoard(search: string, sourceId: number | undefined, closedFrom?: string) {
  const toast = useToast();
  const version = useDataVersion();
  // The boot script's answer when it has already arrived: the first render draws the cards, with no request from
  // an effect and no second render (docs/performance.md, "Where the first paint goes").
  const [booted] = useState(() =>
    takeReady<{ columns: BoardColumn[] }>('leads:board', {
      search: search || undefined,
      ...(sourceId ? { sourceIds: [sourceId] } : {}),
      ...(closedFrom ? { closedFrom } : {}),
      perColumn,
    }),
  );
  const [columns, setColumns] = useState<BoardColumn[] | undefined>(booted?.columns);
  const [error, setError] = useState<string | undefined>();
  const edits = useRef(0);
  const skipFirstLoad = useRef(booted !== undefined);
  const { ask, dialog } = useCloseOut();
  const [added, setAdded] = useState<LeadRow | null>(null);
  const seenVersion = useRef(version);

  useEffect(() => {
    const onAdded = (event: Event) => setAdded((event as CustomEvent<LeadRow>).detail);
    window.addEventListener(leadAddedEvent, onAdded);
    return () => window.removeEventListener(leadAddedEvent, onAdded);
  }, []);

  useEffect(() => {
    // A lead a write returned (a move, the Viewed toggle, an edit) shows on its card at once; the board, with its
    // counts and sums, is fetched again all the same.
    const saved = (writesSince(seenVersion.current) ?? []).flatMap((w) => savedLead(w) ?? []);
    seenVersion.current = version;
    if (saved.length) setColumns((c) => c && saved.reduce((cols, lead) => withSavedLead(cols, leadRowOf(lead)), c));
    if (skipFirstLoad.current) {
      skipFirstLoad.current = false;
      return;
    }
    let live = true;
    const startedAt = edits.current;
    api.leads
      .board({
        search: search || undefined,
        ...(sourceId ? { sourceIds: [sourceId] } : {}),
        ...(closedFrom ? { closedFrom } : {}),
        perColumn,
      })
      .then(
        (board) => {
          // A move made while this was loading wins; the refresh after it brings the truth.
          if (live && startedAt === edits.current) {
            setColumns(board.columns);
            setError(undefined);
          }
        },
        (e: Error) => live && setError(e.message),
      );
    return () => {
      live = false;
    };
  }, [search, sourceId, closedFrom, version]);

  const move = useCallback(
    async (id: number, stage: Stage, beforeId: number | null) => {
      if (!columns) return;
      const before = columns;
      const card = columns.flatMap((c) => c.leads).find((l) => l.id === id);
      // Won and Lost ask for the close-out first; Cancel or Escape leaves the card where it was.
      const asked = card ? await ask(card, stage, beforeId) : null;
      if (asked === false) return;
      if (asked) {
        closedToast(toast, card!, stage as 'won' | 'lost', asked);
        return;
      }
      edits.current += 1;
      setColumns(moveCard(columns, id, stage, beforeId));
      try {
        await api.leads.move({ id, stage, beforeId });
        if (card && card.stage !== stage) {
          toast.info(`Moved “${card.title}” to ${stageLabels[stage]}`, {
            undo: () => api.leads.move({ id, stage: card.stage }),
          });
        }
      } catch (e) {
        setColumns(before);
        toast.error(`Could not move “${card?.title ?? id}” to ${stageLabels[stage]}: ${(e as Error).message}`);
      }
    },
    [columns, toast, ask],
  );

  const shown = useMemo(() => (columns && added ? withLead(columns, added) : columns), [columns, added]);
  return { columns: shown, error, move, closeoutDialog: dialog, revealId: added?.id ?? null };
}
