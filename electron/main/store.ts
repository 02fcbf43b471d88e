import fs from 'node:fs';
import path from 'node:path';
import { app, dialog } from 'electron';
import { type AppStore, openAppStore, type RecoveryChoice, type RecoveryPrompt } from '../../src/core/backups/recover';
import { useNativeBinding } from '../../src/core/db/native';

/** The Electron-ABI better-sqlite3 build: shipped as extraResources native/ (electron-builder.yml), or prepared in .electron-native/. */
function electronBinding(): string | undefined {
  const candidates = [
    path.join(process.resourcesPath ?? '', 'native', 'better_sqlite3.node'),
    path.join(app.getAppPath(), '.electron-native', 'better_sqlite3.node'),
  ];
  return candidates.find((file) => fs.existsSync(file));
}

function dbPathFromArgs(argv: readonly string[]): string | undefined {
  const index = argv.indexOf('--db');
  if (index >= 0) return argv[index + 1];
  return argv.find((a) => a.startsWith('--db='))?.slice(5);
}

/**
 * A damaged database: nothing was changed. The user chooses between the newest good backup (loaded
 * into the same file), opening it read-only to export, or quitting (every file stays where it was).
 */
function askUser(prompt: RecoveryPrompt): RecoveryChoice {
  const buttons = prompt.backup
    ? ['Restore the newest good backup', 'Open read-only to export', 'Quit']
    : ['Open read-only to export', 'Quit'];
  const when = prompt.backup ? prompt.backup.createdAt.slice(0, 16).replace('T', ' ') : '';
  const choice = dialog.showMessageBoxSync({
    type: 'warning',
    title: 'LeadLedger: the database is damaged',
    message: 'LeadLedger found its database damaged. Nothing was changed or moved.',
    detail: `${prompt.reason}\n\n${prompt.backup ? `The newest good backup is from ${when} UTC (${prompt.backup.name}). Restoring keeps a copy of the damaged file beside it.` : 'No good backup was found.'}`,
    buttons,
    defaultId: 0,
    cancelId: buttons.length - 1,
    noLink: true,
  });
  const picked = buttons[choice];
  return picked === 'Restore the newest good backup'
    ? 'restore'
    : picked === 'Open read-only to export'
      ? 'read-only'
      : 'quit';
}

/** Shown (without blocking) while another program holds the file at start; closed once it opens or the start gives up. */
const waiting = new AbortController();
function showWaiting(message: string): void {
  void dialog
    .showMessageBox({
      type: 'info',
      title: 'LeadLedger',
      message,
      buttons: ['OK'],
      noLink: true,
      signal: waiting.signal,
    })
    .catch(() => {});
}

export async function setupStore(): Promise<AppStore> {
  useNativeBinding(electronBinding());
  const dbPath = path.resolve(
    dbPathFromArgs(process.argv) ?? process.env.LEADLEDGER_DB ?? path.join(app.getPath('userData'), 'leadledger.db'),
  );
  try {
    return await openAppStore(dbPath, { choose: askUser, onWait: showWaiting });
  } finally {
    waiting.abort();
  }
}
