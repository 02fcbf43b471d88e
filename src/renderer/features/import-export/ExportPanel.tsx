import { useState } from 'react';
import { useToast } from '../../components/Toasts';
import { exportCsv, type ExportKind } from './files';

const kinds: { kind: ExportKind; label: string }[] = [
  { kind: 'leads', label: 'Leads' },
  { kind: 'payments', label: 'Payments' },
  { kind: 'expenses', label: 'Expenses' },
  { kind: 'time', label: 'Time entries' },
  { kind: 'report', label: 'Channel report' },
];

/** Export any of our CSVs, optionally for a date range and with a BOM for Excel. */
export function ExportPanel() {
  const toast = useToast();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [bom, setBom] = useState(false);
  const [busy, setBusy] = useState<ExportKind | null>(null);
  const run = async (kind: ExportKind) => {
    setBusy(kind);
    try {
      if (await exportCsv(kind, { from: from || undefined, to: to || undefined, bom })) toast.info(`Exported ${kind}.`);
    } catch (e) {
      toast.error(`Export failed: ${(e as Error).message}`);
    } finally {
      setBusy(null);
    }
  };
  return (
    <section className="panel" aria-labelledby="export-title" id="export">
      <h2 id="export-title">Export</h2>
      <p className="muted">
        UTF-8 CSV with the headers of the LeadLedger formats; text that a spreadsheet would run as a formula is escaped.
      </p>
      <div className="wizard-options">
        <div className="field">
          <label htmlFor="export-from">From</label>
          <input id="export-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="export-to">To</label>
          <input id="export-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} /> Add a BOM (for Excel)
        </label>
      </div>
      <div className="page-actions">
        {kinds.map(({ kind, label }) => (
          <button key={kind} type="button" onClick={() => run(kind)} disabled={busy !== null}>
            {busy === kind ? 'Exporting…' : `Export ${label.toLowerCase()}`}
          </button>
        ))}
      </div>
    </section>
  );
}
