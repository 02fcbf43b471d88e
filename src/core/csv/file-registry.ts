import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../shared/api/result';
import { processAlive } from '../db/leftovers';

// Files the API may touch: uploads (browser mode) and paths the user chose in a native dialog
// (Electron). The renderer only ever holds the id, never a path.
export type RegisteredFile = { path: string; name: string; mode: 'read' | 'write'; temporary: boolean };

const files = new Map<string, RegisteredFile>();
let cleanupHooked = false;

/** Uploaded copies not forgotten before live until the process ends. */
function hookCleanup(): void {
  if (cleanupHooked) return;
  cleanupHooked = true;
  process.once('exit', () => {
    for (const file of files.values())
      if (file.temporary) fs.rmSync(path.dirname(file.path), { recursive: true, force: true });
  });
}

export function registerFile(file: RegisteredFile): string {
  const id = randomBytes(12).toString('hex');
  files.set(id, file);
  if (file.temporary) hookCleanup();
  return id;
}

export function registeredFile(id: string, mode: 'read' | 'write'): RegisteredFile {
  const file = files.get(id);
  if (!file || file.mode !== mode) throw new AppError('not_found', 'That file is no longer available: choose it again');
  return file;
}

/** Drops the id; an uploaded copy is deleted at once instead of at exit. */
export function forgetFile(id: string): void {
  const file = files.get(id);
  files.delete(id);
  if (file?.temporary) fs.rmSync(path.dirname(file.path), { recursive: true, force: true });
}

/**
 * Upload and export copies (`leadledger-upload-<pid>-*`, `leadledger-export-<pid>-*`, host-files.ts) left by a process that crashed (the exit hook never ran): removed at start. A folder
 * named with the pid of a process still running is kept; one without a pid (older versions) goes
 * when it is older than this process and than an hour.
 */
export function sweepTempCopies(tempDir = os.tmpdir(), startedAt = Date.now() - process.uptime() * 1000): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(tempDir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith('leadledger-upload-') && !name.startsWith('leadledger-export-')) continue;
    const dir = path.join(tempDir, name);
    const pid = /^leadledger-(?:upload|export)-(\d+)-/.exec(name)?.[1];
    const stat = fs.statSync(dir, { throwIfNoEntry: false });
    if (!stat?.isDirectory()) continue;
    // Unnamed ones may belong to an older LeadLedger still running: an hour of grace as well.
    const stale =
      pid !== undefined ? !processAlive(Number(pid)) : stat.mtimeMs < Math.min(startedAt, Date.now() - 60 * 60 * 1000);
    if (!stale) continue;
    try {
      fs.rmSync(dir, { recursive: true, force: true });
      removed.push(dir);
    } catch {
      // Someone else's folder (another user): not ours to remove.
    }
  }
  return removed;
}
