import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/api/result';

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
    for (const file of files.values()) if (file.temporary) fs.rmSync(path.dirname(file.path), { recursive: true, force: true });
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
