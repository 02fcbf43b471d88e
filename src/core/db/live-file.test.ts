import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../test-support/app-process';
import { hasSqliteShell, openShell } from '../../../test-support/sqlite-shell';
import { writeLeadsCsv } from '../csv/bench/generate-leads';

// The database file is the user's (docs/safety.md): a big import and a restore write INTO it through
// SQLite. Another client that opened the file before (and holds no lock yet) keeps working on the
// same file, and a symlinked path stays a link whose target gets every write.

const dirs: string[] = [];
let bulk: string | undefined;
beforeEach(() => {
  bulk = process.env.LEADLEDGER_IMPORT_BULK_BYTES;
  process.env.LEADLEDGER_IMPORT_BULK_BYTES = '0'; // every file is a big import (the path that used to swap the file)
});
afterEach(() => {
  if (bulk === undefined) delete process.env.LEADLEDGER_IMPORT_BULK_BYTES;
  else process.env.LEADLEDGER_IMPORT_BULK_BYTES = bulk;
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadledger-live-'));
  dirs.push(dir);
  return dir;
};

function read<T>(file: string, fn: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}
const integrity = (file: string) => read(file, (db) => db.pragma('integrity_check', { simple: true }));
const leadCount = (file: string) =>
  read(file, (db) => (db.prepare('SELECT COUNT(*) AS n FROM leads').get() as { n: number }).n);

describe.skipIf(!hasSqliteShell)('a big import writes into the live file', () => {
  it(
    'a sqlite3 shell that opened the file before the import writes after it: both kept, nothing damaged',
    { timeout: 180_000 },
    async () => {
      const dir = tempDir();
      const db = path.join(dir, 'leadledger.db');
      // An empty database (no leads yet: the case the import used to build aside and rename over the file).
      expect((await runCli(['--db', db, 'backup'])).code).toBe(0);
      const csv = path.join(dir, 'leads.csv');
      writeLeadsCsv(csv, 5000);
      const inode = fs.statSync(db).ino;
      // The shell opens the file at start (it exists) and takes no lock until it reads.
      const shell = openShell(db);
      try {
        await shell.run('.timeout 20000');
        const imported = await runCli(['--db', db, 'import', csv, '--as', 'leads']);
        expect(imported.code, imported.stderr).toBe(0);
        const out = await shell.run(
          `UPDATE leads SET notes = 'written by the shell' WHERE id = (SELECT MIN(id) FROM leads);\nSELECT changes();\nSELECT COUNT(*) FROM leads;`,
        );
        expect(out.trim().split('\n')).toEqual(['1', '5000']);
      } finally {
        const { code, stderr } = await shell.quit();
        expect(stderr).toBe('');
        expect(code).toBe(0);
      }
      expect(fs.statSync(db).ino).toBe(inode);
      expect(integrity(db)).toBe('ok');
      expect(leadCount(db)).toBe(5000);
      expect(
        read(db, (d) => d.prepare(`SELECT COUNT(*) AS n FROM leads WHERE notes = 'written by the shell'`).get()),
      ).toEqual({ n: 1 });
      const check = await runCli(['--db', db, 'check']);
      expect(check.code, check.stderr).toBe(0);
      expect(fs.readdirSync(dir).filter((f) => /\.(corrupt|damaged|importing|restoring)/.test(f))).toEqual([]);
    },
  );
});

describe('a symlinked database path', () => {
  it(
    'stays a link through import, backup and restore; its target gets every write and the backups',
    { timeout: 240_000 },
    async () => {
      const dir = tempDir();
      fs.mkdirSync(path.join(dir, 'Sync'));
      fs.mkdirSync(path.join(dir, 'app'));
      const target = path.join(dir, 'Sync', 'leadledger.db');
      const link = path.join(dir, 'app', 'leadledger.db');
      fs.symlinkSync('../Sync/leadledger.db', link); // a link to a file that does not exist yet
      expect((await runCli(['--db', link, 'seed', '--leads', '4'])).code).toBe(0);
      expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
      expect(leadCount(target)).toBe(4);
      const inode = fs.statSync(target).ino;

      const backup = await runCli(['--db', link, 'backup']);
      expect(backup.code, backup.stderr).toBe(0);
      expect(fs.readdirSync(path.join(dir, 'Sync', 'backups')).some((f) => f.endsWith('-manual.db'))).toBe(true);
      expect(fs.existsSync(path.join(dir, 'app', 'backups'))).toBe(false);
      const manual = path.join(
        dir,
        'Sync',
        'backups',
        fs.readdirSync(path.join(dir, 'Sync', 'backups')).find((f) => f.endsWith('-manual.db'))!,
      );

      const csv = path.join(dir, 'leads.csv');
      writeLeadsCsv(csv, 2000);
      const imported = await runCli(['--db', link, 'import', csv, '--as', 'leads']);
      expect(imported.code, imported.stderr).toBe(0);
      expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
      expect(fs.statSync(target).ino).toBe(inode);
      expect(leadCount(target)).toBe(2004);

      const restored = await runCli(['--db', link, 'restore', manual]);
      expect(restored.code, restored.stderr).toBe(0);
      expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
      expect(fs.readlinkSync(link)).toBe('../Sync/leadledger.db');
      expect(fs.statSync(target).ino).toBe(inode);
      expect(leadCount(target)).toBe(4);
      expect(integrity(target)).toBe('ok');
      // What the restore replaced is kept beside the target, with the imported leads.
      const kept = fs.readdirSync(path.join(dir, 'Sync', 'backups')).find((f) => f.endsWith('-pre-restore.db'))!;
      expect(leadCount(path.join(dir, 'Sync', 'backups', kept))).toBe(2004);
      expect(fs.readdirSync(path.join(dir, 'app'))).toEqual(['leadledger.db']);
    },
  );
});
