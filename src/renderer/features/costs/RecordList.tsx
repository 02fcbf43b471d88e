import { useState } from 'react';
import type { Source } from '../../../shared/api/schemas/sources';
import './costs.css';

/** Rows per page of the payments and expenses lists (every row is reachable by paging). */
export const pageSize = 25;

/** The list filters of the Costs page: a channel ('' all, 'none' no channel), a date range, the page. */
export type RecordFilter = { sourceId: number | '' | 'none'; from: string; to: string; offset: number };

export function useRecordFilter() {
  const [filter, setFilter] = useState<RecordFilter>({ sourceId: '', from: '', to: '', offset: 0 });
  // Any change of channel or dates goes back to the first page.
  const change = (patch: Partial<Omit<RecordFilter, 'offset'>>) => setFilter((f) => ({ ...f, ...patch, offset: 0 }));
  const page = (offset: number) => setFilter((f) => ({ ...f, offset }));
  return { filter, change, page };
}

/** The API's list input for a filter: channel, range (open ends allowed), page. */
export function listInput(f: RecordFilter): {
  sourceId?: number;
  noChannel?: boolean;
  from: string | null;
  to: string | null;
  limit: number;
  offset: number;
} {
  return {
    ...(typeof f.sourceId === 'number' ? { sourceId: f.sourceId } : {}),
    ...(f.sourceId === 'none' ? { noChannel: true } : {}),
    from: f.from || null,
    to: f.to || null,
    limit: pageSize,
    offset: f.offset,
  };
}

export function RecordFilters({
  what,
  sources,
  filter,
  onChange,
  noChannel,
  error,
}: {
  what: string;
  sources: Source[];
  filter: RecordFilter;
  onChange: (patch: Partial<Omit<RecordFilter, 'offset'>>) => void;
  /** Offer "(no channel)" (expenses). */
  noChannel?: boolean;
  error?: string | undefined;
}) {
  return (
    <div className="record-filters" role="group" aria-label={`Filter ${what}`}>
      <label>
        Channel
        <select
          aria-label={`${what}: channel`}
          value={filter.sourceId}
          onChange={(e) =>
            onChange({
              sourceId: e.target.value === '' ? '' : e.target.value === 'none' ? 'none' : Number(e.target.value),
            })
          }
        >
          <option value="">All channels</option>
          {noChannel && <option value="none">(no channel)</option>}
          {sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        From
        <input
          type="date"
          aria-label={`${what}: from`}
          value={filter.from}
          onChange={(e) => onChange({ from: e.target.value })}
        />
      </label>
      <label>
        To
        <input
          type="date"
          aria-label={`${what}: to`}
          value={filter.to}
          onChange={(e) => onChange({ to: e.target.value })}
          aria-invalid={error ? true : undefined}
        />
      </label>
      {(filter.sourceId !== '' || filter.from || filter.to) && (
        <button type="button" className="link-button" onClick={() => onChange({ sourceId: '', from: '', to: '' })}>
          Clear
        </button>
      )}
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

/** "26–50 of 1,234" with Newer / Older. */
export function Pager({
  what,
  total,
  offset,
  onPage,
}: {
  what: string;
  total: number;
  offset: number;
  onPage: (offset: number) => void;
}) {
  if (total === 0) return null;
  const last = Math.min(offset + pageSize, total);
  return (
    <nav className="pager" aria-label={`${what} pages`}>
      <button type="button" onClick={() => onPage(Math.max(0, offset - pageSize))} disabled={offset === 0}>
        ← Newer
      </button>
      <span className="muted" aria-live="polite">
        {(offset + 1).toLocaleString()}–{last.toLocaleString()} of {total.toLocaleString()}
      </span>
      <button type="button" onClick={() => onPage(offset + pageSize)} disabled={last >= total}>
        Older →
      </button>
    </nav>
  );
}
