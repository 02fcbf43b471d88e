import { useCallback, useMemo, useState } from 'react';
import { plural } from '../../lib/format';
import type { PageProps } from '../../lib/useRoute';
import { navigate, replaceRoute, routeWith } from '../../lib/useRoute';
import type { LeadSortField } from '../../../shared/api/schemas/leads';
import { DataActions } from '../import-export/DataActions';
import { Welcome } from '../../components/Welcome';
import { LeadFilters } from './LeadFilters';
import { usePreferences } from '../settings/usePreferences';
import { staleCutoff } from '../../../shared/domain/stale';
import { LeadsTable } from './LeadsTable';
import { isFiltered, leadsQueryFrom, nextSort } from './leadsQuery';

export function LeadsPage({ route }: PageProps) {
  const queryText = route.query.toString();
  const { staleDays } = usePreferences();
  // The cutoff is fixed when the filter is read, so the list does not refetch every render.
  const query = useMemo(
    () => leadsQueryFrom(new URLSearchParams(queryText), staleCutoff(staleDays, new Date())),
    [queryText, staleDays],
  );
  const [total, setTotal] = useState<number | undefined>();
  const onTotal = useCallback((t: number | undefined) => setTotal(t), []);

  const change = (changes: Record<string, string | undefined>, replace = false) => {
    const next = { ...Object.fromEntries(new URLSearchParams(queryText).entries()), ...changes };
    const path = routeWith('leads', next);
    if (replace) replaceRoute(path);
    else navigate(path);
  };
  const onSort = (field: LeadSortField) => {
    const sort = nextSort(query.sort, field);
    change({ sort: sort.field, dir: sort.dir }, true);
  };
  const filtered = isFiltered(query.filter);
  const empty = total === 0 && !filtered;

  return (
    <div className="page page-fill">
      <header className="page-header">
        <div>
          <h1>Leads</h1>
          <p className="page-summary" aria-live="polite">
            {total === undefined ? 'Loading…' : filtered ? `${plural(total, 'lead')} match` : plural(total, 'lead')}
          </p>
        </div>
        <div className="page-actions">
          <DataActions kind="leads" />
        </div>
      </header>
      {empty && <Welcome />}
      {/* Stays mounted while empty so it sees the first lead arrive. */}
      <div className="page-fill" style={empty ? { display: 'none' } : undefined}>
        <LeadFilters query={route.query} onChange={(c) => change(c)} staleDays={staleDays} />
        <LeadsTable query={query} onSort={onSort} onTotal={onTotal} staleDays={staleDays} />
      </div>
    </div>
  );
}
