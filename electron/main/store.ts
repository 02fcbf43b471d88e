import fs from 'node:fs';
import path from 'node:path';
import { app } from 'electron';
import { createCtx, type Ctx } from '../../src/core/context';
import { openDatabase } from '../../src/core/db/open';

/** The Electron-ABI better-sqlite3 build prepared by scripts/prepare-electron-sqlite.mjs. */
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

export function setupStore(): Ctx {
  const dbPath = path.resolve(
    dbPathFromArgs(process.argv) ?? process.env.LEADLEDGER_DB ?? path.join(app.getPath('userData'), 'leadledger.db'),
  );
  const db = openDatabase(dbPath, { nativeBinding: electronBinding() });
  return createCtx(db, dbPath);
}
