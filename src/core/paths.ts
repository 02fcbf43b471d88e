import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding LeadLedger's package.json, from src/ or from a build in out/. */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'package.json');
    if (fs.existsSync(candidate) && (JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: string }).name === 'leadledger') {
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

/** `--db FILE` wins, then LEADLEDGER_DB, then the user-data folder. */
export function resolveDbPath(flag: string | undefined, env = process.env): string {
  if (flag) return path.resolve(flag);
  if (env.LEADLEDGER_DB) return path.resolve(env.LEADLEDGER_DB);
  return path.join(userDataDir(), 'leadledger.db');
}
