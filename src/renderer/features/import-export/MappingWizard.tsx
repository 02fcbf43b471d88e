import { useEffect, useMemo, useState } from 'react';
import { api } from '../../api';
import type { ColumnMapping, Inspection, PreviewRow } from '../../../shared/api/schemas/csv';
import { dateFormats, type DateFormat } from '../../../shared/csv/dates';

type Target = ColumnMapping['target'];
export type MappingWizardProps = {
  fileId: string;
  inspection: Inspection;
  busy: boolean;
  onImport: (mapping: ColumnMapping, options: { skipInvalid: boolean }) => void;
};

const targetLabels: Record<Target, string> = {
  leads: 'Leads',
  payments: 'Payments',
  expenses: 'Expenses',
  time: 'Time entries',
};

/** Any other CSV: choose what the rows are, map columns to fields, date format and decimals, check the preview, import. */
export function MappingWizard({ fileId, inspection, busy, onImport }: MappingWizardProps) {
  const saved = inspection.mappings.find((m) => m.matches);
  const [mapping, setMapping] = useState<ColumnMapping>(saved?.mapping ?? inspection.suggestions.leads!);
  const [name, setName] = useState(saved?.name ?? inspection.fileName.replace(/\.[^.]+$/, ''));
  const [save, setSave] = useState(!saved);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [preview, setPreview] = useState<PreviewRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  const fields = useMemo(() => inspection.fields[mapping.target] ?? [], [inspection.fields, mapping.target]);
  const mappingKey = JSON.stringify(mapping);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      api.csv
        .preview({ fileId, mapping: JSON.parse(mappingKey) as ColumnMapping })
        .then((r) => live && (setPreview(r.rows), setError(null)))
        .catch((e: Error) => live && setError(e.message));
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [fileId, mappingKey]);

  const setTarget = (target: Target) =>
    setMapping({
      ...inspection.suggestions[target]!,
      source: mapping.source,
      currency: mapping.currency,
      kind: mapping.kind,
    });
  const dateNote = inspection.dateNotes?.[mapping.target];
  const notes = preview.filter((r) => r.note).length;
  const setColumn = (field: string, value: string) => {
    const columns = { ...mapping.columns };
    if (value === '') delete columns[field];
    else columns[field] = Number(value);
    setMapping({ ...mapping, columns });
  };
  const shownFields = useMemo(
    () => fields.filter((f) => mapping.columns[f.name] !== undefined).map((f) => f.name),
    [fields, mapping.columns],
  );
  const bad = preview.filter((r) => r.error).length;

  const start = async () => {
    try {
      if (save && name.trim()) await api.csv.saveMapping({ name: name.trim(), fileId, mapping });
      onImport(mapping, { skipInvalid });
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section className="panel wizard" aria-label="Map columns">
      <h2>Map the columns of {inspection.fileName}</h2>
      {saved && <p className="muted">Using your saved mapping “{saved.name}” for files with these columns.</p>}
      <div className="wizard-options">
        <div className="field">
          <label htmlFor="wizard-target">The rows are</label>
          <select id="wizard-target" value={mapping.target} onChange={(e) => setTarget(e.target.value as Target)}>
            {Object.entries(targetLabels).map(([t, label]) => (
              <option key={t} value={t}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="wizard-date">Date format</label>
          <select
            id="wizard-date"
            value={mapping.dateFormat}
            onChange={(e) => setMapping({ ...mapping, dateFormat: e.target.value as DateFormat })}
          >
            {dateFormats.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="wizard-decimal">Decimal separator</label>
          <select
            id="wizard-decimal"
            value={mapping.decimal}
            onChange={(e) => setMapping({ ...mapping, decimal: e.target.value as '.' | ',' })}
          >
            <option value=".">Point: 1,234.56</option>
            <option value=",">Comma: 1.234,56</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="wizard-source">Channel for rows without one</label>
          <input
            id="wizard-source"
            value={mapping.source ?? ''}
            maxLength={60}
            onChange={(e) => setMapping({ ...mapping, source: e.target.value || undefined })}
            placeholder="e.g. Fiverr"
          />
        </div>
        {mapping.target === 'time' ? (
          <div className="field">
            <label htmlFor="wizard-kind">Kind when empty</label>
            <select
              id="wizard-kind"
              value={mapping.kind ?? 'delivery'}
              onChange={(e) => setMapping({ ...mapping, kind: e.target.value as 'sales' | 'delivery' })}
            >
              <option value="delivery">Delivery</option>
              <option value="sales">Sales</option>
            </select>
          </div>
        ) : (
          <div className="field">
            <label htmlFor="wizard-currency">Currency when empty</label>
            <input
              id="wizard-currency"
              value={mapping.currency ?? ''}
              maxLength={3}
              className="upper"
              onChange={(e) => setMapping({ ...mapping, currency: e.target.value.toUpperCase() || undefined })}
              placeholder="base"
            />
          </div>
        )}
      </div>
      {dateNote && (
        <p className="muted" role="status">
          {dateNote}
        </p>
      )}
      {mapping.target === 'time' && (
        <p className="muted">
          Map minutes, or a duration (1:30:00 or decimal hours). Entries under half a minute are skipped and counted.
          Sales is finding the work; delivery is doing it.
        </p>
      )}
      {mapping.target === 'payments' && (
        <p className="muted">
          The fee is a cost: a fee written with the sign opposite to the gross is read as positive; with a Net column
          the fee is Gross − Net, and a row that does not add up is listed.
        </p>
      )}
      <div className="wizard-columns">
        {fields.map((f) => (
          <div className="field" key={f.name}>
            <label htmlFor={`map-${f.name}`}>
              {f.name}
              {f.required ? ' *' : ''}
            </label>
            <select
              id={`map-${f.name}`}
              value={mapping.columns[f.name] ?? ''}
              onChange={(e) => setColumn(f.name, e.target.value)}
            >
              <option value="">(none)</option>
              {inspection.headers.map((h, i) => (
                <option key={`${h}-${i}`} value={i}>
                  {h || `Column ${i + 1}`}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      <h3>
        Preview{' '}
        {preview.length > 0 && (
          <span className="muted">
            ({bad === 0 ? 'every row is valid' : `${bad} of ${preview.length} rows have a problem`}
            {notes > 0 ? `; ${notes} read otherwise than written` : ''})
          </span>
        )}
      </h3>
      <div className="table-scroll wizard-preview">
        <table className="data-table">
          <thead>
            <tr>
              <th style={{ width: 60 }}>Line</th>
              {shownFields.map((f) => (
                <th key={f}>{f}</th>
              ))}
              <th>Check</th>
            </tr>
          </thead>
          <tbody>
            {preview.map((r) => (
              <tr key={r.line} className={r.error ? 'row-invalid' : undefined}>
                <td>{r.line}</td>
                {shownFields.map((f) => (
                  <td key={f} title={r.values[f]}>
                    {r.values[f]}
                  </td>
                ))}
                <td title={r.error ?? r.note ?? 'OK'}>{r.error ?? r.note ?? 'OK'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {error && <p className="form-error">{error}</p>}
      <div className="wizard-save">
        <label className="checkbox">
          <input type="checkbox" checked={save} onChange={(e) => setSave(e.target.checked)} /> Save this mapping as
        </label>
        <input
          aria-label="Mapping name"
          value={name}
          maxLength={80}
          onChange={(e) => setName(e.target.value)}
          disabled={!save}
        />
        <label className="checkbox">
          <input type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} /> Skip
          invalid rows
        </label>
      </div>
      <div className="page-actions">
        <button type="button" className="primary" onClick={start} disabled={busy}>
          Import {targetLabels[mapping.target].toLowerCase()}
        </button>
      </div>
    </section>
  );
}
