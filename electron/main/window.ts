import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, nativeTheme } from 'electron';
import { hardenContents } from './security';
import { loadBounds, rememberBounds } from './window-state';

const here = path.dirname(fileURLToPath(import.meta.url));

export function createMainWindow(devServerUrl: string | undefined): BrowserWindow {
  const bounds = loadBounds();
  const window = new BrowserWindow({
    ...bounds,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'LeadLedger',
    // Matches the page background so no white flash shows before the first paint.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#15171c' : '#f6f7f9',
    webPreferences: {
      preload: path.join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // Middle-click would otherwise try to open links in a new window (denied anyway by the window-open handler).
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
    },
  });
  hardenContents(window.webContents);
  rememberBounds(window);
  if (bounds.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  if (devServerUrl) void window.loadURL(devServerUrl);
  else void window.loadFile(path.join(here, '../renderer/index.html'));
  return window;
}
