import { app, BrowserWindow, dialog, session } from 'electron';
import { setupDialogs } from './dialogs';
import { setupIpc } from './ipc';
import { setupMenu } from './menu';
import { hardenContents, hardenSession } from './security';
import { setupStore } from './store';
import { devRendererUrl } from './url-policy';
import { createMainWindow } from './window';
import { tuneGarbageCollector } from '../../src/core/gc-tuning';

tuneGarbageCollector();

// Composition root: single instance → open store (a damaged file is reported with choices, automatic backups) → register IPC → window and menu.
const devServerUrl = devRendererUrl(app.isPackaged, process.env);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession, devServerUrl);
    let store;
    try {
      store = await setupStore();
    } catch (error) {
      // Busy, read-only, a full disk, a newer schema: said as what it is; the file is left untouched.
      dialog.showErrorBox('LeadLedger cannot open its database', (error as Error).message);
      app.exit(1);
      return;
    }
    if (store.status === 'quit') {
      // Quit from the damaged-file dialog: every file stays where it was.
      app.exit(0);
      return;
    }
    const { ctx, schedule } = store;
    if (store.notice) dialog.showMessageBoxSync({ type: 'info', title: 'LeadLedger', message: store.notice });
    setupIpc(ctx, devServerUrl);
    setupDialogs(devServerUrl);
    const window = createMainWindow(devServerUrl);
    setupMenu(window, Boolean(devServerUrl));
    app.on('second-instance', () => {
      if (window.isMinimized()) window.restore();
      window.focus();
    });
    app.on('will-quit', () => {
      schedule.stop();
      ctx.db.close(); // ctx.db may have been replaced by a restore: close the current one
    });
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createMainWindow(devServerUrl);
    });
  });
}
