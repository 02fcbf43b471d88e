import { app, type BrowserWindow, dialog, Menu, type MenuItemConstructorOptions } from 'electron';
import { appVersion } from '../../src/core/version';

/** Menu commands the renderer acts on (sent on the 'menu' channel). */
export type MenuCommand =
  'new-lead' | 'find' | 'import' | 'export' | 'go-pipeline' | 'go-leads' | 'go-reports' | 'go-sources' | 'go-settings';

export function setupMenu(window: BrowserWindow, isDev: boolean): void {
  const send = (command: MenuCommand) => () => window.webContents.send('menu', command);
  const about = () =>
    void dialog.showMessageBox(window, {
      type: 'info',
      title: 'About LeadLedger',
      message: `LeadLedger ${appVersion}`,
      detail: 'Leads pipeline and per-channel profit for freelancers. Your data stays on this computer.',
    });
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac
      ? [
          {
            label: app.name,
            submenu: [{ label: 'About LeadLedger', click: about }, { type: 'separator' }, { role: 'quit' }],
          } satisfies MenuItemConstructorOptions,
        ]
      : []),
    {
      label: 'File',
      submenu: [
        { label: 'New Lead', accelerator: 'CmdOrCtrl+N', click: send('new-lead') },
        { type: 'separator' },
        { label: 'Import CSV…', accelerator: 'CmdOrCtrl+I', click: send('import') },
        { label: 'Export CSV…', accelerator: 'CmdOrCtrl+E', click: send('export') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        { label: 'Find', accelerator: 'CmdOrCtrl+F', click: send('find') },
      ],
    },
    {
      label: 'View',
      submenu: [
        { label: 'Pipeline', accelerator: 'CmdOrCtrl+1', click: send('go-pipeline') },
        { label: 'Leads', accelerator: 'CmdOrCtrl+2', click: send('go-leads') },
        { label: 'Reports', accelerator: 'CmdOrCtrl+3', click: send('go-reports') },
        { label: 'Channels', accelerator: 'CmdOrCtrl+4', click: send('go-sources') },
        { label: 'Settings', accelerator: 'CmdOrCtrl+,', click: send('go-settings') },
        { type: 'separator' },
        // Reload and dev tools only while developing.
        ...(isDev ? ([{ role: 'reload' }, { role: 'toggleDevTools' }] satisfies MenuItemConstructorOptions[]) : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { label: 'Help', submenu: [{ label: 'About LeadLedger', click: about }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
