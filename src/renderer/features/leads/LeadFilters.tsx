import { api } from '../../api';
import { useAsync } from '../../app/useAsync';
import { stageLabels, stages } from '../../../shared/domain/stages';
import { useSources } from '../sources/useSources';

export type LeadFiltersProps = {
  query: URLSearchParams;
  onChange: (changes: Record<string, string | undefined>) => void;
};

/** Channel, stage, tag and created-date filters; their state lives in the URL. */
export function LeadFilters({ query, onChange }: LeadFiltersProps) {
  const sources = useSources(true);
  const tags = useAsync(() => api.leads.tags({}), []);
  const value = (key: string) => query.get(key) ?? '';
  const active = ['source', 'stage', 'tag', 'from', 'to', 'q'].some((k) => query.get(k));
  const selectedSource = value('source');
  const sourceList = sources.data ?? [];
  return (
    <div className="filters" role="group" aria-label="Filters">
      <label className="filter">
        <span>Channel</span>
        <select value={selectedSource} onChange={(e) => onChange({ source: e.target.value || undefined })}>
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
      </label>
      <label className="filter">
        <span>Stage</span>
        <select value={value('stage')} onChange={(e) => onChange({ stage: e.target.value || undefined })}>
          <option value="">All stages</option>
          {value('stage').includes(',') && <option value={value('stage')}>Several stages</option>}
          {stages.map((s) => (
            <option key={s} value={s}>
              {stageLabels[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>Tag</span>
        <select value={value('tag')} onChange={(e) => onChange({ tag: e.target.value || undefined })}>
          <option value="">Any tag</option>
          {value('tag') && !tags.data?.includes(value('tag')) && <option value={value('tag')}>{value('tag')}</option>}
          {(tags.data ?? []).map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>Created from</span>
        <input type="date" value={value('from')} onChange={(e) => onChange({ from: e.target.value || undefined })} />
      </label>
      <label className="filter">
        <span>Created to</span>
        <input type="date" value={value('to')} onChange={(e) => onChange({ to: e.target.value || undefined })} />
      </label>
      {active && (
        <button
          type="button"
          className="link-button"
          onClick={() => onChange({ source: undefined, stage: undefined, tag: undefined, from: undefined, to: undefined, q: undefined })}
        >
          Clear filters
        </button>
      )}
    </div>
  );
}
