import type { PageProps } from '../../app/pages';
import { plural } from '../../app/format';
import { DataActions } from '../import-export/DataActions';
import { Board } from './Board';
import { useBoard } from './useBoard';
import { Welcome } from './Welcome';

export function PipelinePage({ route }: PageProps) {
  const search = route.query.get('q') ?? '';
  const { columns, error, move } = useBoard(search);
  const total = columns?.reduce((sum, c) => sum + c.total, 0) ?? 0;
  const open = columns?.filter((c) => c.stage !== 'won' && c.stage !== 'lost').reduce((sum, c) => sum + c.total, 0) ?? 0;
  return (
    <div className="page page-fill">
      <header className="page-header">
        <div>
          <h1>Pipeline</h1>
          {columns && total > 0 && (
            <p className="page-summary">
              {plural(open, 'open lead')}
              {search ? ` matching “${search}”` : ''}
            </p>
          )}
        </div>
        <div className="page-actions">
          <DataActions kind="leads" />
        </div>
      </header>
      {error && (
        <p className="form-error" role="alert">
          Could not load the board: {error}
        </p>
      )}
      {!columns && !error && <p className="muted">Loading…</p>}
      {columns && total === 0 && !search && <Welcome />}
      {columns && total === 0 && search && <p className="muted">No leads match “{search}”.</p>}
      {columns && total > 0 && <Board columns={columns} search={search} onMove={move} />}
    </div>
  );
}
