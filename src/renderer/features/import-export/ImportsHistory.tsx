import { useCallback, useEffect, useState } from 'react';
import type { ImportRecord } from '../../../shared/api/schemas/reconcile';
import { api } from '../../api';
import { plural } from '../../lib/format';
import { UndoImport } from './ReconciledRecords';
import './import-reconcile.css';

/** The Imports history (docs/domain.md §7): each import with its counts, and Undo while it can be undone. */
export function ImportsHistory() {
  const [imports, setImports] = useState<ImportRecord[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const load = useCallback(() => void api.imports.list({ limit: 20 }).then(setImports, () => setImports([])), []);
  useEffect(load, [load]);
  if (!imports || imports.length === 0) return null;
  return (
    <section className="panel imports-history" aria-label="Imports history">
      <h2>Imports</h2>
      {message && (
        <p role="status" data-testid="history-undone">
          {message}
        </p>
      )}
      <table className="data-table">
        <thead>
          <tr>
            <th>When</th>
            <th>File</th>
            <th className="num">Inserted</th>
            <th className="num">Updated</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {imports.map((i) => (
            <tr key={i.id}>
              <td>{i.startedAt.slice(0, 16).replace('T', ' ')}</td>
              <td title={i.format}>{i.fileName}</td>
              <td className="num">{i.inserted.toLocaleString()}</td>
              <td className="num">{i.updated.toLocaleString()}</td>
              <td>
                {i.undoneAt ? (
                  <span className="muted">undone {i.undoneAt.slice(0, 10)}</span>
                ) : (
                  <UndoImport
                    importId={i.id}
                    undo={(id) => api.imports.undo({ id })}
                    onUndone={(m) => {
                      setMessage(`${i.fileName}: ${m}`);
                      load();
                    }}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{plural(imports.length, 'import')} shown, newest first.</p>
    </section>
  );
}
