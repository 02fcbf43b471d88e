import { useId } from 'react';
import { api } from '../../api';
import { useAsync } from '../../lib/useAsync';
import { stageLabels, stages } from '../../../shared/domain/stages';
import { useSources } from '../../lib/useSources';

export type LeadFiltersProps = {
  query: URLSearchParams;
  onChange: (changes: Record<string, string | undefined>) => void;
  staleDays: number;
};

/** Channel, stage, tag, created-date and stale filters; their state lives in the URL. */
export function LeadFilters({ query, onChange, staleDays }: LeadFiltersProps) {
  const sources = useSources(true);
  const tags = useAsync(() => api.leads.tags({}), []);
  const id = useId();
  const value = (key: string) => query.get(key) ?? '';
  const active = ['source', 'stage', 'tag', 'from', 'to', 'q', 'stale'].some((k) => query.get(k));
  const selectedSource = value('source');
  const sourceList = sources.data ?? [];
  return (
    <div className="filters" role="group" aria-label="Filters">
      <div className="filter">
        <label htmlFor={`${id}-1`}>Channel</label>
        <select
          id={`${id}-1`}
          value={selectedSource}
          onChange={(e) => onChange({ source: e.target.value || undefined })}
        >
          <option value="">All channels</option>
          {selectedSource && !sourceList.some((s) => String(s.id) === selectedSource) && (
            <option value={selectedSource}>Selected channels</option>
          )}
          {sourceList.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
              {s.archived ? ' (archived)' : ''}
            </option>
          ))}
        </select>
      </div>
      <div className="filter">
        <label htmlFor={`${id}-2`}>Stage</label>
        <select
          id={`${id}-2`}
          value={value('stage')}
          onChange={(e) => onChange({ stage: e.target.value || undefined })}
        >
          <option value="">All stages</option>
          {value('stage').includes(',') && <option value={value('stage')}>Several stages</option>}
          {stages.map((s) => (
            <option key={s} value={s}>
              {stageLabels[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="filter">
        <label htmlFor={`${id}-3`}>Tag</label>
        <select id={`${id}-3`} value={value('tag')} onChange={(e) => onChange({ tag: e.target.value || undefined })}>
          <option value="">Any tag</option>
          {value('tag') && !tags.data?.includes(value('tag')) && <option value={value('tag')}>{value('tag')}</option>}
          {(tags.data ?? []).map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </div>
      <div className="filter">
        <label htmlFor={`${id}-4`}>Created from</label>
        <input
          id={`${id}-4`}
          type="date"
          value={value('from')}
          onChange={(e) => onChange({ from: e.target.value || undefined })}
        />
      </div>
      <div className="filter">
        <label htmlFor={`${id}-5`}>Created to</label>
        <input
          id={`${id}-5`}
          type="date"
          value={value('to')}
          onChange={(e) => onChange({ to: e.target.value || undefined })}
        />
      </div>
      <label className="checkbox filter-check">
        <input
          type="checkbox"
          checked={value('stale') === '1'}
          onChange={(e) => onChange({ stale: e.target.checked ? '1' : undefined })}
        />{' '}
        Stale only
        <span className="muted small">(no activity for {staleDays} days)</span>
      </label>
      {active && (
        <button
          type="button"
          className="link-button"
          onClick={() =>
            onChange({
              source: undefined,
              stage: undefined,
              tag: undefined,
              from: undefined,
              to: undefined,
              q: undefined,
              stale: undefined,
            })
          }
        >
          Clear filters
        </button>
      )}
    </div>
  );
}
