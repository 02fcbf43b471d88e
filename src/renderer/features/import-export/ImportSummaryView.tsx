import type { ImportSummary } from '../../../shared/api/schemas/csv';
import { plural } from '../../app/format';

export type ImportSummaryViewProps = {
  summary: ImportSummary;
  onSkipInvalid?: (() => void) | undefined;
  onApply?: (() => void) | undefined;
  onAnother: () => void;
};

/** What an import did (or would do), with links to what was added and the rows that were refused. */
export function ImportSummaryView({ summary: s, onSkipInvalid, onApply, onAnother }: ImportSummaryViewProps) {
  const refused = !s.applied && !s.dryRun;
  const title = s.applied ? 'Import finished' : s.dryRun ? 'Check finished: nothing was written' : 'Nothing was imported';
  return (
    <section className="panel import-summary" aria-label="Import summary">
      <h2>{title}</h2>
      <p>
        {s.fileName} · {s.formatLabel} · {plural(s.rows, 'row')}
      </p>
      <dl className="import-counts">
        {(
          [
            ['inserted', s.applied ? 'Inserted' : 'To insert', s.inserted],
            ['updated', s.applied ? 'Updated' : 'To update', s.updated],
            ['unchanged', 'Unchanged', s.unchanged],
            ['skipped', 'Skipped', s.skipped],
            ['transfers', 'Transfers', s.transfers],
            ['merged', 'Fees joined', s.merged],
            ['invalid', 'Invalid', s.invalidCount],
          ] as const
        )
          .filter(([key, , n]) => n > 0 || key === 'inserted' || key === 'updated' || key === 'unchanged')
          .map(([key, label, n]) => (
            <div key={key}>
              <dt>{label}</dt>
              <dd data-testid={`count-${key}`}>{n.toLocaleString()}</dd>
            </div>
          ))}
      </dl>
      {s.createdSources.length > 0 && <p>New channels: {s.createdSources.join(', ')}</p>}
      {s.warnings.map((w) => (
        <p key={w} className="muted">
          {w}
        </p>
      ))}
      {s.applied && s.importId !== null && (
        <p className="import-links">
          {s.kinds.leads > 0 && <a href={`#/leads?import=${s.importId}`}>See the {plural(s.kinds.leads, 'new lead')}</a>}
          {s.kinds.payments > 0 && <a href="#/costs">See {plural(s.kinds.payments, 'new payment')}</a>}
          {s.kinds.expenses > 0 && <a href="#/costs">See {plural(s.kinds.expenses, 'new expense')}</a>}
        </p>
      )}
      {s.invalidCount > 0 && (
        <div className="import-invalid">
          <h3>{refused ? `${plural(s.invalidCount, 'invalid row')}: fix the file, or import the valid rows` : plural(s.invalidCount, 'invalid row')}</h3>
          <ul>
            {s.invalid.map((r) => (
              <li key={`${r.line}-${r.message}`}>
                <strong>Line {r.line}</strong>: {r.message}
              </li>
            ))}
            {s.invalidCount > s.invalid.length && <li>… and {(s.invalidCount - s.invalid.length).toLocaleString()} more</li>}
          </ul>
        </div>
      )}
      <div className="page-actions">
        {refused && onSkipInvalid && (
          <button type="button" className="primary" onClick={onSkipInvalid}>
            Import the valid rows, skip {plural(s.invalidCount, 'invalid row')}
          </button>
        )}
        {s.dryRun && s.invalidCount === 0 && onApply && (
          <button type="button" className="primary" onClick={onApply}>
            Import now
          </button>
        )}
        <button type="button" onClick={onAnother}>
          Import another file
        </button>
      </div>
    </section>
  );
}
