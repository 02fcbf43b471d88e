import type { PageProps } from '../../lib/useRoute';
import { plural } from '../../lib/format';
import { replaceRoute, routeWith } from '../../lib/useRoute';
import { useSources } from '../../lib/useSources';
import { DataActions } from '../import-export/DataActions';
import { Board } from './Board';
import { useBoard } from './useBoard';
import { Welcome } from '../../components/Welcome';
import { FirstDayGuide } from './FirstDayGuide';
import { subDays } from 'date-fns';
import { toIsoDate } from '../../../shared/dates';
import { usePreferences } from '../settings/usePreferences';

export function PipelinePage({ route }: PageProps) {
  const search = route.query.get('q') ?? '';
  const sourceParam = Number(route.query.get('source'));
  const sourceId = Number.isInteger(sourceParam) && sourceParam > 0 ? sourceParam : undefined;
  const sources = useSources(true);
  const { staleDays } = usePreferences();
  // Won and Lost hold all time otherwise (hundreds of cards): the last 30 days unless ?closed=all.
  const closedAll = route.query.get('closed') === 'all';
  const closedFrom = closedAll ? undefined : toIsoDate(subDays(new Date(), 30));
  const { columns, error, move, closeoutDialog, revealId } = useBoard(search, sourceId, closedFrom);
  const toggleClosed = () =>
    replaceRoute(
      routeWith('pipeline', {
        q: search,
        source: sourceId ? String(sourceId) : undefined,
        closed: closedAll ? undefined : 'all',
      }),
    );
  const filtered = Boolean(search || sourceId);
  const setSource = (value: string) =>
    replaceRoute(routeWith('pipeline', { q: search, source: value, closed: closedAll ? 'all' : undefined }));
  const total = columns?.reduce((sum, c) => sum + c.total, 0) ?? 0;
  const open =
    columns?.filter((c) => c.stage !== 'won' && c.stage !== 'lost').reduce((sum, c) => sum + c.total, 0) ?? 0;
  return (
    <div className="page page-fill">
      <header className="page-header">
        <div>
          <h1>Pipeline</h1>
          {columns && total > 0 && (
            <p className="page-summary">
              {plural(open, 'open lead')}
              {search ? ` matching “${search}”` : ''}
              {sourceId ? ` from ${sources.data?.find((x) => x.id === sourceId)?.name ?? 'one channel'}` : ''}
              <span className="muted" id="board-keys">
                {' · '}keys <kbd>B</kbd> board, <kbd>1</kbd>–<kbd>6</kbd> a column, arrows between cards
              </span>
            </p>
          )}
        </div>
        <div className="page-actions">
          {(total > 0 || filtered) && (
            <div className="filter">
              <label htmlFor="board-channel">Channel</label>
              <select id="board-channel" value={sourceId ?? ''} onChange={(e) => setSource(e.target.value)}>
                <option value="">All channels</option>
                {(sources.data ?? []).map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                    {s.archived ? ' (archived)' : ''}
                  </option>
                ))}
              </select>
            </div>
          )}
          <DataActions kind="leads" />
        </div>
      </header>
      <FirstDayGuide />
      {error && (
        <p className="form-error" role="alert">
          Could not load the board: {error}
        </p>
      )}
      {!columns && !error && <p className="muted">Loading…</p>}
      {columns && total === 0 && !filtered && <Welcome />}
      {columns && total === 0 && filtered && <p className="muted">No leads match these filters.</p>}
      {columns && total > 0 && (
        <Board
          columns={columns}
          search={search}
          sourceId={sourceId}
          onMove={move}
          revealId={revealId}
          staleDays={staleDays}
          closedAll={closedAll}
          onToggleClosed={toggleClosed}
        />
      )}
      {closeoutDialog}
    </div>
  );
}
