import { type RefObject, useEffect } from 'react';
import { boardFocusEvent, takeBoardFocusRequest } from '../../lib/boardFocus';
import { stages } from '../../../shared/domain/stages';

const typingTarget = (el: EventTarget | null) =>
  (el as HTMLElement | null)?.closest?.('input, textarea, select, [contenteditable="true"], dialog');
const cardLinks = (column: Element | null | undefined) =>
  Array.from(column?.querySelectorAll<HTMLElement>('.card .card-title') ?? []);

/**
 * The board by keyboard: 1–6 focus the first card of New … Lost from anywhere on the page; on a card,
 * ↑/↓ go to the card above or below and ←/→ to the same row of the next column that has cards. A card
 * is a key or two away instead of a Tab through every control before it.
 */
export function useBoardKeys(root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const board = root.current;
    if (!board) return;
    const columns = () => Array.from(board.querySelectorAll<HTMLElement>('section[data-stage]'));
    const focusFirst = (column: Element | undefined) => {
      const first = cardLinks(column)[0];
      first?.focus();
      first?.scrollIntoView({ block: 'nearest' });
      return Boolean(first);
    };
    const focusBoard = () => {
      if (takeBoardFocusRequest()) columns().some((c) => focusFirst(c));
    };
    focusBoard();
    const onGlobal = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || typingTarget(event.target)) return;
      const n = Number(event.key);
      if (!Number.isInteger(n) || n < 1 || n > stages.length) return;
      event.preventDefault();
      focusFirst(board.querySelector(`section[data-stage="${stages[n - 1]}"]`) ?? undefined);
    };
    const onCard = (event: KeyboardEvent) => {
      const link = (event.target as HTMLElement).closest?.('.card-title') as HTMLElement | null;
      if (!link || event.ctrlKey || event.metaKey || event.altKey) return;
      const all = columns();
      const column = link.closest('section[data-stage]');
      const index = all.findIndex((c) => c === column);
      const links = cardLinks(column);
      const row = links.indexOf(link);
      let next: HTMLElement | undefined;
      if (event.key === 'ArrowDown') next = links[row + 1];
      else if (event.key === 'ArrowUp') next = links[row - 1];
      else if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
        const step = event.key === 'ArrowRight' ? 1 : -1;
        for (let i = index + step; i >= 0 && i < all.length && !next; i += step) {
          const other = cardLinks(all[i]);
          next = other[Math.min(row, other.length - 1)];
        }
      } else return;
      event.preventDefault();
      next?.focus();
      next?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    };
    window.addEventListener('keydown', onGlobal);
    window.addEventListener(boardFocusEvent, focusBoard);
    board.addEventListener('keydown', onCard);
    return () => {
      window.removeEventListener('keydown', onGlobal);
      window.removeEventListener(boardFocusEvent, focusBoard);
      board.removeEventListener('keydown', onCard);
    };
  }, [root]);
}
