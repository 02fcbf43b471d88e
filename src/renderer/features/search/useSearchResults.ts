import { useEffect, useState } from 'react';
import { api } from '../../api';
import type { LeadRow } from '../../../shared/api/schemas/leads';

const resultLimit = 8;
/**
 * The list under the box waits for a pause in typing. On the board and the table the page itself is
 * filtered by the same keystroke, and the store answers one query at a time: without the pause this
 * query (a scan sorted by last change) went first and the page's list waited behind it.
 */
export const searchPauseMs = 150;

/** The first leads matching `text` (title, client, tag, notes); late answers of older texts are dropped. */
export function useSearchResults(text: string, enabled: boolean): { rows: LeadRow[]; total: number } {
  const [state, setState] = useState<{ rows: LeadRow[]; total: number }>({ rows: [], total: 0 });
  useEffect(() => {
    const query = text.trim();
    if (!enabled || !query) {
      setState({ rows: [], total: 0 });
      return;
    }
    let live = true;
    const timer = window.setTimeout(() => {
      api.leads.list({ search: query, limit: resultLimit, sort: { field: 'updatedAt', dir: 'desc' } }).then(
        (page) => live && setState({ rows: page.rows, total: page.total }),
        () => live && setState({ rows: [], total: 0 }),
      );
    }, searchPauseMs);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [text, enabled]);
  return state;
}
