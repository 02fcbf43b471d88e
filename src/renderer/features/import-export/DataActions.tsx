import { useRef, useState } from 'react';
import { useToast } from '../../components/Toasts';
import { exportCsv, nativeFiles } from './files';
import { startImport } from './pendingImport';

export type DataKind = 'leads' | 'payments' | 'expenses' | 'report';

export type DataActionsProps = { kind: DataKind };

/** Import and Export buttons for a page that lists data. */
export function DataActions({ kind }: DataActionsProps) {
  const toast = useToast();
  const input = useRef<HTMLInputElement>(null);
  const [exporting, setExporting] = useState(false);
  const onExport = async () => {
    setExporting(true);
    try {
      if (await exportCsv(kind)) toast.info(`Exported ${kind === 'report' ? 'the channel report' : kind}.`);
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
          <button type="button" onClick={() => (nativeFiles ? void nativeFiles.openCsv().then((f) => f && startImport(f)) : input.current?.click())}>
            Import CSV
          </button>
        </>
      )}
      <button type="button" onClick={onExport} disabled={exporting} aria-busy={exporting}>
        {exporting ? 'Exporting…' : 'Export CSV'}
      </button>
    </div>
  );
}
