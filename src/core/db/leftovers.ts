import fs from 'node:fs';
import path from 'node:path';

// What a crash leaves behind: half-written backups (`.<name>.p<pid>.tmp` and its `-journal`) and
// a restore's copy (`<db>.restoring`). Swept when a database is opened. Files of a process that is
// still running are kept (it may be writing them); our own temp names carry the writer's pid.

const minute = 60 * 1000;

/** Whether a process with this pid exists (EPERM: it exists, under another user). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

const ageMs = (file: string, now: number) => now - (fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? now);

function remove(file: string): boolean {
  try {
    fs.rmSync(file, { force: true });
    return true;
  } catch {
    return false;
  }
}

/** A temp file is stale when its writer is gone, or (names without a pid, from older versions) after 10 minutes. */
function isStale(name: string, file: string, now: number): boolean {
  const pid = /\.p(\d+)\.tmp(?:-journal)?$/.exec(name)?.[1];
  if (pid !== undefined) return !processAlive(Number(pid)) || ageMs(file, now) > 24 * 60 * minute;
  return ageMs(file, now) > 10 * minute;
}

/** Removes half-written backups of `dbPath` and a restore's leftover copy; returns what was removed. */
export function sweepBackupTemps(dbPath: string, now = Date.now()): string[] {
  const removed: string[] = [];
  const dir = path.join(path.dirname(path.resolve(dbPath)), 'backups');
  const prefix = `.${path.basename(dbPath).replace(/\.[^.]*$/, '')}-`;
  let names: string[] = [];
  try {
    names = fs.readdirSync(dir);
  } catch {
    // No backups folder yet.
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !(name.endsWith('.tmp') || name.endsWith('.tmp-journal'))) continue;
    const file = path.join(dir, name);
    if (isStale(name, file, now) && remove(file)) removed.push(file);
  }
  // An import built aside (csv/import-aside.ts) whose process died before the swap.
  const base = path.basename(dbPath);
  let beside: string[] = [];
  try {
    beside = fs.readdirSync(path.dirname(path.resolve(dbPath)));
  } catch {
    // The folder is gone: nothing to sweep.
  }
  for (const name of beside) {
    if (!name.startsWith(`${base}.importing.p`) || !/\.p\d+\.tmp(?:-journal)?$/.test(name)) continue;
    const file = path.join(path.dirname(path.resolve(dbPath)), name);
    if (isStale(name, file, now) && remove(file)) removed.push(file);
  }
  const restoring = `${path.resolve(dbPath)}.restoring`;
  if (fs.existsSync(restoring) && ageMs(restoring, now) > 10 * minute && remove(restoring)) removed.push(restoring);
  return removed;
}
