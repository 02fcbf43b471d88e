import { execFileSync } from 'node:child_process';
import os from 'node:os';
import Database from 'better-sqlite3';

export type Machine = {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  sqlite: string;
  sqliteShell: string | null;
  platform: string;
};

export function describeMachine(): Machine {
  const db = new Database(':memory:');
  const sqlite = (db.prepare('select sqlite_version() as v').get() as { v: string }).v;
  db.close();
  let sqliteShell: string | null = null;
  try {
    sqliteShell = execFileSync('sqlite3', ['--version'], { encoding: 'utf8' }).split(' ')[0] ?? null;
  } catch {
    sqliteShell = null;
  }
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    sqlite,
    sqliteShell,
    platform: `${os.platform()} ${os.release()}`,
  };
}
