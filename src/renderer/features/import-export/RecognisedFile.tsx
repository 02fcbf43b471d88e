import type { Inspection } from '../../../shared/api/schemas/csv';

export type RecognisedFileProps = {
  fileName: string;
  inspection: Inspection;
  source: string;
  onSource: (source: string) => void;
  skipInvalid: boolean;
  onSkipInvalid: (skip: boolean) => void;
  onImport: () => void;
  onCheck: () => void;
  onWizard: () => void;
  onAnother: () => void;
};

/** A recognised file: which layout and why, how it is read, and its first rows as the import will read them. */
export function RecognisedFile(p: RecognisedFileProps) {
  const { inspection: i } = p;
  const rows = i.readRows ?? [];
  return (
    <section className="panel import-recognised" aria-label="Recognised file">
      <h2>
        {p.fileName}: {i.layout?.label ?? i.formatLabel}
      </h2>
      {i.layout && (
        <p className="muted" data-testid="recognised-by">
          Recognised by the columns {i.layout.recognisedBy.join(', ')} · read as {i.layout.readAs.join(', ')}
          {i.encoding !== 'utf-8' ? ` · ${i.encoding}` : ''}
        </p>
      )}
      {rows.length > 0 && (
        <>
          <div className="table-scroll import-read-rows">
            <table className="data-table">
              <caption>The first rows, as they will be imported</caption>
              <thead>
                <tr>
                  <th style={{ width: 56 }}>Line</th>
                  <th>Becomes</th>
                  <th>Date</th>
                  <th className="num">Amount</th>
                  <th>Description</th>
                  <th>Note</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r, n) => (
                  <tr
                    key={`${r.line}-${n}`}
                    className={r.kind === 'invalid' || r.kind === 'unknown type' ? 'row-invalid' : undefined}
                  >
                    <td>{r.line}</td>
                    <td>{r.kind}</td>
                    <td>{r.date}</td>
                    <td className="num">{r.amount ? `${r.amount} ${r.currency}` : ''}</td>
                    <td title={r.description}>{r.description}</td>
                    <td title={r.message ?? ''}>{r.message ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <div className="wizard-options">
        <div className="field">
          <label htmlFor="import-source">Channel (optional)</label>
          <input
            id="import-source"
            value={p.source}
            maxLength={60}
            onChange={(e) => p.onSource(e.target.value)}
            placeholder="as in the file"
          />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={p.skipInvalid} onChange={(e) => p.onSkipInvalid(e.target.checked)} /> Skip
          invalid rows
        </label>
      </div>
      <div className="page-actions">
        <button type="button" className="primary" onClick={p.onImport}>
          Import
        </button>
        <button type="button" onClick={p.onCheck}>
          Check only
        </button>
        <button type="button" onClick={p.onWizard}>
          Map columns myself
        </button>
        <button type="button" className="link-button" onClick={p.onAnother}>
          Choose another file
        </button>
      </div>
    </section>
  );
}
