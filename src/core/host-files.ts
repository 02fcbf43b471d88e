import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { forgetFile, registeredFile, registerFile } from './csv/file-registry';

// How files get in and out of the core, for hosts only (the CLI, electron/main, the browser-mode
// server): a host turns a file the user chose into an id; operations take the id, never a path,
// so no page can name a file on disk. See "File transfer" in docs/architecture.md.

export type HostFile = { fileId: string; name: string };

/** A path the user gave the host: a CLI argument, a native dialog's choice, a dropped file. */
export function registerPath(file: string, mode: 'read' | 'write', name = path.basename(file)): HostFile {
  return { fileId: registerFile({ path: path.resolve(file), name, mode, temporary: false }), name };
}

/**
 * A private temporary file in its own 0700 folder: an upload on its way in, or an export on its
 * way out to a download or to stdout. Removed by `releaseFile`, or at the latest when the process ends.
 */
export function createTempFile(name: string, mode: 'read' | 'write'): HostFile & { path: string } {
  // The pid in the folder name lets the start-up sweep (sweepTempCopies) tell a crashed process's copies from a running one's.
  const dir = fs.mkdtempSync(
    path.join(os.tmpdir(), `${mode === 'read' ? 'leadledger-upload-' : 'leadledger-export-'}${process.pid}-`),
  );
  const file = path.join(dir, mode === 'read' ? 'upload.csv' : 'export.csv');
  fs.writeFileSync(file, '', { mode: 0o600 });
  return { fileId: registerFile({ path: file, name, mode, temporary: true }), name, path: file };
}

/** Where a registered file is and its name, for the host that delivers it (a download, stdout). */
export function hostFile(fileId: string, mode: 'read' | 'write'): { path: string; name: string } {
  const { path: file, name } = registeredFile(fileId, mode);
  return { path: file, name };
}

/** Forgets the id; a temporary file is deleted with its folder. */
export function releaseFile(fileId: string): void {
  forgetFile(fileId);
}
