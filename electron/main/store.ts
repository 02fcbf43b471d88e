import fs from 'node:fs';
import path from 'node:path';
import { app, dialog } from 'electron';
import { type AppStore, openAppStore, type RecoveryChoice, type RecoveryPrompt } from '../../src/core/backup/recover';
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

/** A damaged database was moved aside: the user chooses between the newest good backup, an empty database, or quitting. */
function askUser(prompt: RecoveryPrompt): RecoveryChoice {
  const buttons = prompt.backup ? ['Restore the backup', 'Start with an empty database', 'Quit'] : ['Start with an empty database', 'Quit'];
  const when = prompt.backup ? prompt.backup.createdAt.slice(0, 16).replace('T', ' ') : '';
  const choice = dialog.showMessageBoxSync({
    type: 'warning',
    title: 'LeadLedger: the database cannot be opened',
    message: 'LeadLedger could not open its database, so it moved the file aside (nothing was deleted).',
    detail: `${prompt.reason}\n\nMoved to: ${prompt.movedTo}\n\n${prompt.backup ? `The newest good backup is from ${when} UTC (${prompt.backup.name}).` : 'No good backup was found.'}`,
    buttons,
    defaultId: 0,
    cancelId: buttons.length - 1,
    noLink: true,
  });
  const picked = buttons[choice];
  return picked === 'Restore the backup' ? 'restore' : picked === 'Quit' ? 'quit' : 'empty';
}

export function setupStore(): AppStore {
  useNativeBinding(electronBinding());
  const dbPath = path.resolve(
    dbPathFromArgs(process.argv) ?? process.env.LEADLEDGER_DB ?? path.join(app.getPath('userData'), 'leadledger.db'),
  );
  return openAppStore(dbPath, { choose: askUser });
}
