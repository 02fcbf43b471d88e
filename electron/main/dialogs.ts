import fs from 'node:fs';
import path from 'node:path';
import { BrowserWindow, dialog, ipcMain } from 'electron';
import { registerPath } from '../../src/core/host-files';
import { isTrustedSender } from './security';

export type ChosenFile = { fileId: string; name: string } | null;

const csvFilters = [
  { name: 'CSV files', extensions: ['csv', 'txt'] },
  { name: 'All files', extensions: ['*'] },
];

// Electron's side of the file-transfer extension (src/shared/api/files.ts): native open/save dialogs
// and dropped files. The renderer gets an id for the chosen file; the path stays here.
export function setupDialogs(devServerUrl: string | undefined): void {
  const trusted = (event: Electron.IpcMainInvokeEvent) => isTrustedSender(event.senderFrame?.url, devServerUrl);

  ipcMain.handle('files:open-csv', async (event): Promise<ChosenFile> => {
    if (!trusted(event)) return null;
    const window = BrowserWindow.fromWebContents(event.sender) ?? undefined;
    const result = await (window
      ? dialog.showOpenDialog(window, { title: 'Import CSV', properties: ['openFile'], filters: csvFilters })
      : dialog.showOpenDialog({ title: 'Import CSV', properties: ['openFile'], filters: csvFilters }));
    const file = result.canceled ? undefined : result.filePaths[0];
    if (!file) return null;
    return registerPath(file, 'read');
  });

  ipcMain.handle('files:save-csv', async (event, suggested: unknown): Promise<ChosenFile> => {
    if (!trusted(event)) return null;
    const name = typeof suggested === 'string' ? path.basename(suggested).slice(0, 200) : 'leadledger.csv';
    const window = BrowserWindow.fromWebContents(event.sender) ?? undefined;
    const options = { title: 'Export CSV', defaultPath: name, filters: csvFilters };
    const result = await (window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options));
    if (result.canceled || !result.filePath) return null;
    return registerPath(result.filePath, 'write');
  });

  // A file dropped on the window: the preload resolves its path with webUtils (only for a real dropped File).
  ipcMain.handle('files:dropped', async (event, file: unknown): Promise<ChosenFile> => {
    // The path comes from the page: accept only what a drop of a spreadsheet export can be.
    if (!trusted(event) || typeof file !== 'string' || !path.isAbsolute(file) || !/\.(csv|tsv|txt)$/i.test(file))
      return null;
    const stat = await fs.promises.stat(file).catch(() => undefined);
    if (!stat?.isFile()) return null;
    return registerPath(file, 'read');
  });
}
