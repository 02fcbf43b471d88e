import { useSyncExternalStore } from 'react';
import { navigate } from '../../lib/useRoute';
import type { ChosenFile } from './files';

// A file waiting to be imported (dropped on the window, or picked from a list page's Import button):
// the Import page takes it when it mounts.
type Pending = File | ChosenFile;
let pending: Pending | null = null;
const listeners = new Set<() => void>();

export function startImport(file: Pending | null): void {
  pending = file;
  for (const l of listeners) l();
  navigate('import');
}

export function takePending(): Pending | null {
  const file = pending;
  pending = null;
  return file;
}

export function usePending(): Pending | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => pending,
  );
}

function isCsv(file: File): boolean {
  return /\.(csv|txt|tsv)$/i.test(file.name) || file.type === 'text/csv' || file.type === 'application/vnd.ms-excel';
}

let installed = false;

/** Dropping a CSV anywhere on the window starts an import; the File menu's Import/Export open the page. */
export function installGlobalImportHandlers(): void {
  if (installed || typeof window === 'undefined') return;
  installed = true;
  window.addEventListener('dragover', (event) => {
    if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
  });
  window.addEventListener('drop', (event) => {
    const file = event.dataTransfer?.files[0];
    if (!file) return;
    event.preventDefault();
    if (isCsv(file)) startImport(file);
  });
  window.addEventListener('leadledger:command', (event) => {
    const detail = (event as CustomEvent<string>).detail;
    if (detail === 'import' || detail === 'export') navigate(detail === 'export' ? 'import?tab=export' : 'import');
  });
}
