import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api';
import { useDataVersion } from '../../lib/dataVersion';
import type { LeadRow } from '../../../shared/api/schemas/leads';
import type { LeadsQuery } from './leadsQuery';

/**
 * Rows a request: a screenful and a half. A new search waits for page 0, and 50 rows answer sooner than 200
 * (docs/performance.md, "Search").
 */
export const pageSize = 50;
/** Rows fetched beyond the visible window (each way), so scrolling finds them loaded instead of skeletons. */
export const lookahead = 100;

/**
 * Rows fetched page by page for the visible window only: at 100,000 leads the table holds a few
 * hundred rows, never the whole list. A new query or a write starts over.
 */
export function useLeadPages(query: LeadsQuery) {
  const version = useDataVersion();
  const key = JSON.stringify(query);
  const pages = useRef(new Map<number, LeadRow[]>());
  const loading = useRef(new Set<number>());
  const generation = useRef(0);
  const stale = useRef(new Map<number, LeadRow[]>());
  const range = useRef<[number, number]>([0, 0]);
  const [total, setTotal] = useState<number | undefined>();
  const totalRef = useRef<number | undefined>(undefined);
  totalRef.current = total;
  const [error, setError] = useState<string | undefined>();
  const [, setTick] = useState(0);

  const fetchPage = useCallback(
    (page: number) => {
      if (pages.current.has(page) || loading.current.has(page)) return;
      const gen = generation.current;
      loading.current.add(page);
      const { filter, sort } = JSON.parse(key) as LeadsQuery;
      api.leads.list({ ...filter, ...(sort ? { sort } : {}), offset: page * pageSize, limit: pageSize }).then(
        (result) => {
          if (gen !== generation.current) return;
          loading.current.delete(page);
          pages.current.set(page, result.rows);
          setTotal(result.total);
          setError(undefined);
          setTick((t) => t + 1);
        },
        (e: Error) => {
          if (gen !== generation.current) return;
          loading.current.delete(page);
          setError(e.message);
        },
      );
    },
    [key],
  );

  // Start over on a new query or after a write; keep the old rows on screen until page 0 arrives.
  useEffect(() => {
    generation.current += 1;
    const keep = pages.current;
    pages.current = new Map();
    loading.current = new Set();
    fetchPage(0);
    // After a write the table keeps its scroll position: refetch what is on screen too.
    const [first, last] = range.current;
    for (let page = Math.floor(first / pageSize); page <= Math.floor(last / pageSize); page++) fetchPage(page);
    // The stale rows stay visible (no flash) until the fresh ones replace them.
    stale.current = keep;
  }, [fetchPage, version]);

  const rowAt = useCallback((index: number): LeadRow | undefined => {
    const page = Math.floor(index / pageSize);
    const rows = pages.current.get(page) ?? (pages.current.size === 0 ? stale.current.get(page) : undefined);
    return rows?.[index % pageSize];
  }, []);

  /** Asks for the pages covering rows [first, last]. */
  const ensure = useCallback(
    (first: number, last: number) => {
      range.current = [first, last];
      const end = Math.min(last + lookahead, (totalRef.current ?? last + 1) - 1);
      const start = Math.max(0, first - lookahead);
      for (let page = Math.floor(start / pageSize); page <= Math.floor(end / pageSize); page++) fetchPage(page);
    },
    [fetchPage],
  );

  return { total, error, rowAt, ensure, loadedPages: pages.current.size };
}
