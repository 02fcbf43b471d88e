import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackupInBackground } from '../backups/background-backup';
import { createBackup } from './backup';
import { restoreFileAtPath } from '../backups/backup-service';
import { openDatabase } from './open';

// The database, its WAL/SHM, backups and temp copies: 0600; folders we create: 0700. Checked with
// umask 0, so nothing depends on the user's umask.

const mode = (file: string) => fs.statSync(file).mode & 0o777;
let root: string;
let umask: number;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'leadledger-modes-'));
  umask = process.umask(0);
});
afterEach(() => {
  process.umask(umask);
  fs.rmSync(root, { recursive: true, force: true });
});

describe.skipIf(process.platform === 'win32')('private files (POSIX)', () => {
  it('a new database, its -wal and -shm are 0600 and the folders made for it 0700', () => {
    const file = path.join(root, 'a', 'b', 'leadledger.db');
    const db = openDatabase(file);
    try {
      db.exec(`INSERT INTO settings (key, value) VALUES ('x', 'y')`);
      expect(mode(file)).toBe(0o600);
      expect(mode(`${file}-wal`)).toBe(0o600);
      expect(mode(`${file}-shm`)).toBe(0o600);
      expect(mode(path.join(root, 'a', 'b'))).toBe(0o700);
      expect(mode(path.join(root, 'a'))).toBe(0o700);
    } finally {
      db.close();
    }
  });

  it('an existing database readable by others is narrowed to 0600 when opened', () => {
    const file = path.join(root, 'leadledger.db');
    openDatabase(file).close();
    fs.chmodSync(file, 0o644);
    openDatabase(file).close();
    expect(mode(file)).toBe(0o600);
  });

  it('backups (in this thread and in a worker), their folder and a restored database are private', async () => {
    const file = path.join(root, 'leadledger.db');
    const db = openDatabase(file);
    let synced: string;
    let background: string;
    try {
      synced = createBackup(db, file, 'manual').path;
      background = (await createBackupInBackground(db, file, 'daily')).path;
    } finally {
      db.close();
    }
    expect(mode(path.join(root, 'backups'))).toBe(0o700);
    expect(mode(synced)).toBe(0o600);
    expect(mode(background)).toBe(0o600);
    fs.chmodSync(synced, 0o644); // a copy brought in from elsewhere
    await restoreFileAtPath(file, synced);
    expect(mode(file)).toBe(0o600);
  });
});
