import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { hasSqliteShell, openShell } from '../../../test-support/sqlite-shell';
import { openDatabase } from './open';
import { createStore, replacedMessage } from './store';

// Another program renames a different database file over the app's (docs/safety.md §2): the store
// lets go of the old file through SQLite (its WAL folded into it) and moves to the new one; nothing
// beside the database is renamed, moved or deleted.

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function setUp() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadledger-store-'));
  dirs.push(dir);
  const file = path.join(dir, 'leadledger.db');
  const store = createStore(file, openDatabase(file), () => openDatabase(file));
  // Writes left in the WAL (no checkpoint yet): the old file's last rows live only there.
  store.db.pragma('wal_autocheckpoint = 0');
  store.db.exec(`CREATE TABLE kept (n INTEGER); INSERT INTO kept VALUES (1), (2), (3)`);
  // The other program's file (a LeadLedger database of its own), built beside and renamed over the database.
  const other = path.join(dir, 'other.db');
  const db = openDatabase(other);
  db.exec(`CREATE TABLE theirs (n INTEGER); INSERT INTO theirs VALUES (42)`);
  db.close();
  const moved = path.join(dir, 'moved-away.db');
  const swap = () => {
    fs.renameSync(file, moved);
    fs.renameSync(other, file);
  };
  return { dir, file, moved, store, swap };
}

function read<T>(file: string, fn: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}
const count = (file: string, table: string) =>
  read(file, (db) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n);
const integrity = (file: string) => read(file, (db) => db.pragma('integrity_check', { simple: true }));

describe('a database file replaced by another program', () => {
  it('is followed through SQLite: the old file keeps every write, the new one its own, nothing moved aside', () => {
    const { dir, file, moved, store, swap } = setUp();
    const inode = fs.statSync(file).ino;
    swap();
    store.followFile();
    // The next call reads the new file.
    expect(store.db.prepare('SELECT n FROM theirs').pluck().all()).toEqual([42]);
    store.db.exec('INSERT INTO theirs VALUES (43)');
    store.close();
    // The old file (where the other program put it) holds the rows that were only in its WAL.
    expect(fs.statSync(moved).ino).toBe(inode);
    expect(count(moved, 'kept')).toBe(3);
    expect(integrity(moved)).toBe('ok');
    expect(count(file, 'theirs')).toBe(2);
    expect(integrity(file)).toBe('ok');
    // Nothing was renamed aside: only the two databases and SQLite's own -wal/-shm are there.
    const names = fs.readdirSync(dir).map((n) => n.replace(/-(wal|shm)$/, ''));
    expect([...new Set(names)].sort()).toEqual(['leadledger.db', 'moved-away.db']);
  });

  it.skipIf(!hasSqliteShell)(
    'is not followed while another program holds the old file: refused in one line, then followed once it closes',
    async () => {
      const { dir, file, moved, store, swap } = setUp();
      const shell = openShell(file);
      try {
        expect(await shell.run('SELECT COUNT(*) FROM kept;')).toContain('3');
        swap();
        const before = fs.readdirSync(dir).sort();
        expect(() => store.followFile()).toThrow(replacedMessage);
        expect(fs.readdirSync(dir).sort()).toEqual(before);
        // Still the old connection: nothing written to the new file meanwhile.
        expect(store.db.prepare('SELECT COUNT(*) FROM kept').pluck().get()).toBe(3);
        // The shell, still on the old file, writes into it.
        await shell.run('INSERT INTO kept VALUES (4);');
      } finally {
        expect((await shell.quit()).code).toBe(0);
      }
      store.followFile();
      expect(store.db.prepare('SELECT n FROM theirs').pluck().all()).toEqual([42]);
      store.close();
      expect(count(moved, 'kept')).toBe(4);
      expect(integrity(moved)).toBe('ok');
      expect(integrity(file)).toBe('ok');
    },
  );

  it('is not followed while this process still uses the old file (a backup or an import)', () => {
    const { file, store, swap } = setUp();
    const second = openDatabase(file);
    try {
      swap();
      expect(() => store.followFile()).toThrow(replacedMessage);
    } finally {
      second.close();
    }
    store.followFile();
    expect(store.db.prepare('SELECT n FROM theirs').pluck().all()).toEqual([42]);
    store.close();
  });
});
