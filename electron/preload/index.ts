import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { buildMethods } from '../../src/shared/api/client';
import { operationNames } from '../../src/shared/api/contract';
import type { FileTransfer } from '../../src/shared/api/files';

// One named method per operation (`leadledger.leads.create(input)`); ipcRenderer itself never leaves this file.
const api = buildMethods(operationNames, (name) => (input: unknown) => ipcRenderer.invoke(name, input));

// The file-transfer extension (src/shared/api/files.ts) over native dialogs; paths stay in the main process.
const files: FileTransfer = {
  pickCsv: () => ipcRenderer.invoke('files:open-csv'),
  fromFile: (file) => ipcRenderer.invoke('files:dropped', webUtils.getPathForFile(file)),
  saveTarget: (suggestedName) => ipcRenderer.invoke('files:save-csv', suggestedName),
  deliver: () => Promise.resolve(), // the save dialog's file is already where the user wanted it
};

contextBridge.exposeInMainWorld('leadledger', {
  ...api,
  host: 'electron',
  files,
  onMenu: (listener: (command: string) => void) => {
    const handler = (_event: unknown, command: string) => listener(command);
    ipcRenderer.on('menu', handler);
    return () => ipcRenderer.removeListener('menu', handler);
  },
});
