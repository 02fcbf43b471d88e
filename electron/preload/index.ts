import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { buildMethods } from '../../src/shared/api/client';
import { operationNames } from '../../src/shared/api/contract';

// One named method per operation (`leadledger.leads.create(input)`); ipcRenderer itself never leaves this file.
const api = buildMethods(operationNames, (name) => (input: unknown) => ipcRenderer.invoke(name, input));

contextBridge.exposeInMainWorld('leadledger', {
  ...api,
  host: 'electron',
  // Native CSV dialogs: each returns { fileId, name } or null; paths stay in the main process.
  files: {
    openCsv: () => ipcRenderer.invoke('files:open-csv'),
    saveCsv: (suggestedName: string) => ipcRenderer.invoke('files:save-csv', suggestedName),
    dropped: (file: File) => ipcRenderer.invoke('files:dropped', webUtils.getPathForFile(file)),
  },
  onMenu: (listener: (command: string) => void) => {
    const handler = (_event: unknown, command: string) => listener(command);
    ipcRenderer.on('menu', handler);
    return () => ipcRenderer.removeListener('menu', handler);
  },
});
