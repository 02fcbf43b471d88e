import fs from 'node:fs';

// A ledger of someone's income: the database, its WAL/SHM, backups and temporary copies are for
// the owner only (0600, folders 0700) on POSIX. chmod works on the path: no descriptor is opened.

const posix = process.platform !== 'win32';

/** Narrows existing files to 0600; missing files and files owned by someone else are left alone. */
export function makePrivate(...files: string[]): void {
  if (!posix) return;
  for (const file of files) {
    try {
      const stat = fs.statSync(file, { throwIfNoEntry: false });
      if (stat && stat.isFile() && (stat.mode & 0o777) !== 0o600) fs.chmodSync(file, 0o600);
    } catch {
      // EPERM (not ours) or a read-only disk: nothing we can change.
    }
  }
}

/** Creates a folder (and missing parents) as 0700; an existing folder is left as the user made it. */
export function makePrivateDir(dir: string): void {
  if (fs.existsSync(dir)) return;
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
}
