import { api, bridge, httpToken } from '../../api';

export type ChosenFile = { fileId: string; name: string };
export type ExportKind = 'leads' | 'payments' | 'expenses' | 'report';
export type ExportRange = { from?: string | undefined; to?: string | undefined; bom?: boolean; basis?: 'cash' | 'usage' | undefined };

type FilesBridge = {
  openCsv: () => Promise<ChosenFile | null>;
  saveCsv: (suggestedName: string) => Promise<ChosenFile | null>;
  dropped: (file: File) => Promise<ChosenFile | null>;
};

/** Electron's native dialogs (electron/preload), absent in browser mode. */
export const nativeFiles: FilesBridge | undefined = (bridge as unknown as { files?: FilesBridge } | undefined)?.files;

async function failure(response: Response): Promise<Error> {
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    return new Error(body.error?.message ?? `HTTP ${response.status}`);
  } catch {
    return new Error(`HTTP ${response.status}`);
  }
}

/** Hands a browser File to the core: Electron resolves its path, browser mode uploads it. */
export async function registerFile(file: File): Promise<ChosenFile> {
  if (nativeFiles) {
    const chosen = await nativeFiles.dropped(file);
    if (!chosen) throw new Error(`${file.name} could not be opened`);
    return chosen;
  }
  const response = await fetch(`/api/files/upload?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${httpToken()}`, 'content-type': 'application/octet-stream' },
    body: file,
  });
  if (!response.ok) throw await failure(response);
  const body = (await response.json()) as { ok: boolean; value: ChosenFile };
  return body.value;
}

export function exportFileName(kind: ExportKind): string {
  return `leadledger-${kind}-${new Date().toISOString().slice(0, 10)}.csv`;
}

/** Exports: Electron asks where with the save dialog; browser mode downloads the file. Returns false when cancelled. */
export async function exportCsv(kind: ExportKind, range: ExportRange = {}): Promise<boolean> {
  if (nativeFiles) {
    const target = await nativeFiles.saveCsv(exportFileName(kind));
    if (!target) return false;
    await api.csv.exportFile({ fileId: target.fileId, kind, from: range.from, to: range.to, bom: range.bom, basis: range.basis });
    return true;
  }
  const query = new URLSearchParams({ kind });
  if (range.from) query.set('from', range.from);
  if (range.to) query.set('to', range.to);
  if (range.bom) query.set('bom', '1');
  if (range.basis) query.set('basis', range.basis);
  const response = await fetch(`/api/files/export?${query}`, { headers: { authorization: `Bearer ${httpToken()}` } });
  if (!response.ok) throw await failure(response);
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = exportFileName(kind);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return true;
}
