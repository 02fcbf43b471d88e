import { api, files } from '../../api';
import type { ChosenFile } from '../../../shared/api/files';

export type { ChosenFile };
export type ExportKind = 'leads' | 'payments' | 'expenses' | 'time' | 'report';
export type ExportRange = {
  from?: string | undefined;
  to?: string | undefined;
  bom?: boolean;
  basis?: 'cash' | 'usage' | undefined;
  attribution?: 'last' | 'first' | undefined;
};

/** The host's native open dialog (Electron), absent in browser mode. */
export const nativeFiles: { openCsv: () => Promise<ChosenFile | null> } | undefined = files.pickCsv && {
  openCsv: files.pickCsv,
};

/** Hands a browser File to the core: Electron resolves its path, browser mode uploads it. */
export async function registerFile(file: File): Promise<ChosenFile> {
  const chosen = await files.fromFile(file);
  if (!chosen) throw new Error(`${file.name} could not be opened`);
  return chosen;
}

export function exportFileName(kind: ExportKind): string {
  return `leadledger-${kind}-${new Date().toISOString().slice(0, 10)}.csv`;
}

/** Exports through csv:export-file on both hosts: Electron asks where, browser mode downloads. Returns false when cancelled. */
export async function exportCsv(kind: ExportKind, range: ExportRange = {}): Promise<boolean> {
  const target = await files.saveTarget(exportFileName(kind));
  if (!target) return false;
  await api.csv.exportFile({
    fileId: target.fileId,
    kind,
    from: range.from,
    to: range.to,
    bom: range.bom,
    basis: range.basis,
    attribution: range.attribution,
  });
  await files.deliver(target);
  return true;
}
