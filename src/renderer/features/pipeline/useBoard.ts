import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api';
import { notifyDataChanged, useDataVersion } from '../../app/dataVersion';
import { useToast } from '../../components/Toasts';
import { useCloseOut } from '../closeout/useCloseOut';
import { moveCard } from './boardModel';
import type { BoardColumn } from '../../../shared/api/schemas/leads';
import { type Stage, stageLabels } from '../../../shared/domain/stages';

export const perColumn = 50;

/** The board for a search and a channel, with optimistic moves that roll back (and say why) when the store refuses. */
export function useBoard(search: string, sourceId: number | undefined, closedFrom?: string) {
  const toast = useToast();
  const version = useDataVersion();
  const [columns, setColumns] = useState<BoardColumn[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const edits = useRef(0);
  const { ask, dialog } = useCloseOut();

  useEffect(() => {
    let live = true;
    const startedAt = edits.current;
    api.leads.board({ search: search || undefined, ...(sourceId ? { sourceIds: [sourceId] } : {}), ...(closedFrom ? { closedFrom } : {}), perColumn }).then(
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
        toast.info(`Moved “${card!.title}” to ${stageLabels[stage]}`, { undo: () => api.leads.move({ id, stage: card!.stage }).then(notifyDataChanged) });
        notifyDataChanged();
        return;
      }
      edits.current += 1;
      setColumns(moveCard(columns, id, stage, beforeId));
      try {
        await api.leads.move({ id, stage, beforeId });
        if (card && card.stage !== stage) {
          toast.info(`Moved “${card.title}” to ${stageLabels[stage]}`, { undo: () => api.leads.move({ id, stage: card.stage }).then(notifyDataChanged) });
        }
        notifyDataChanged();
      } catch (e) {
        setColumns(before);
        toast.error(`Could not move “${card?.title ?? id}” to ${stageLabels[stage]}: ${(e as Error).message}`);
      }
    },
    [columns, toast, ask],
  );

  return { columns, error, move, closeoutDialog: dialog };
}
