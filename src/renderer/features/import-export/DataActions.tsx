import { useRef, useState } from 'react';
import { useToast } from '../../components/Toasts';
import { exportCsv, nativeFiles } from './files';
import { startImport } from './pendingImport';

export type DataKind = 'leads' | 'payments' | 'expenses' | 'report';

export type DataActionsProps = {
  kind: DataKind;
  range?: { from?: string; to?: string; basis?: 'cash' | 'usage'; attribution?: 'last' | 'first' };
};

/** Import and Export buttons for a page that lists data. */
export function DataActions({ kind, range }: DataActionsProps) {
  // Pages with several lists (Costs) need buttons that say which list they are for.
  const what = kind === 'leads' ? '' : kind === 'report' ? ' the report' : ` ${kind}`;
  const toast = useToast();
  const input = useRef<HTMLInputElement>(null);
  const [exporting, setExporting] = useState(false);
  const onExport = async () => {
    setExporting(true);
    try {
      if (await exportCsv(kind, range)) toast.info(`Exported ${kind === 'report' ? 'the channel report' : kind}.`);
    } catch (e) {
      toast.error(`Export failed: ${(e as Error).message}`);
    } finally {
      setExporting(false);
    }
  };
  return (
    <div className="data-actions">
      {kind !== 'report' && (
        <>
          <input
            ref={input}
            type="file"
            accept=".csv,.txt,text/csv"
            hidden
            data-testid={`import-input-${kind}`}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) startImport(file);
            }}
          />
          <button
            type="button"
            aria-label={what ? `Import${what} CSV` : undefined}
            onClick={() =>
              nativeFiles ? void nativeFiles.openCsv().then((f) => f && startImport(f)) : input.current?.click()
            }
          >
            Import CSV
          </button>
        </>
      )}
      <button
        type="button"
        aria-label={what ? `Export${what} CSV` : undefined}
        onClick={onExport}
        disabled={exporting}
        aria-busy={exporting}
      >
        {exporting ? 'Exporting…' : 'Export CSV'}
      </button>
    </div>
  );
}
