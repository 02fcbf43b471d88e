import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { realDbPath } from './db/open-files';

/** The folder holding LeadLedger's package.json, from src/ or from a build in out/. */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'package.json');
    if (
      fs.existsSync(candidate) &&
      (JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: string }).name === 'leadledger'
    ) {
      return dir;
    }
    dir = path.dirname(dir);
  }
  throw new Error('Cannot find the LeadLedger package folder');
}

/** The OS user-data folder Electron uses for an app named LeadLedger. */
export function userDataDir(platform = process.platform, env = process.env, home = os.homedir()): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'LeadLedger');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'LeadLedger');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'LeadLedger');
}

/**
 * `--db FILE` wins, then LEADLEDGER_DB, then the user-data folder. A symlink is followed to the file
 * it points at (docs/safety.md): the link is never replaced, backups go beside the real file.
 */
export function resolveDbPath(flag: string | undefined, env = process.env): string {
  if (flag) return realDbPath(flag);
  if (env.LEADLEDGER_DB) return realDbPath(env.LEADLEDGER_DB);
  return realDbPath(path.join(userDataDir(), 'leadledger.db'));
}
