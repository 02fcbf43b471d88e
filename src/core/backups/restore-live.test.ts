import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli, startApp, type AppProcess } from '../../../test-support/app-process';
import { tempDbPath } from '../../../test-support/temp-db';
import { listBackups } from '../db/backup';

// A restore loads the backup INTO the live file through SQLite (docs/safety.md): the pre-restore
// copy and the load happen in one hold of the write lock, so every acknowledged write is in the
// restored file (it came after) or in the pre-restore copy (it came before); none in between.

function titles(dbPath: string): Set<string> {
  const db = new Database(dbPath, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    return new Set((db.prepare('SELECT title FROM leads').all() as { title: string }[]).map((r) => r.title));
  } finally {
    db.close();
  }
}

/** Creates a lead through the API; a "busy" answer (retryable by contract) is retried for up to 15 s. */
async function createLead(app: AppProcess, title: string) {
  const list = await app.api('sources:list');
  if (!list.ok) throw new Error(JSON.stringify(list));
  const sourceId = (list.value as { id: number; name: string }[]).find((s) => s.name === 'Upwork')!.id;
  for (let attempt = 0; ; attempt++) {
    const answer = await app.api('leads:create', { title, sourceId });
    if (answer.ok || answer.error?.code !== 'busy' || attempt >= 60) {
      expect(answer.ok, JSON.stringify(answer)).toBe(true);
      return;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('restore while others write never loses an acknowledged write', () => {
  it(
    'a writer loop in the app and one through the CLI, next to a CLI restore with a slowed load: every acknowledged write is kept',
    { timeout: 240_000 },
    async () => {
      const dbPath = tempDbPath('r.db');
      expect((await runCli(['--db', dbPath, 'seed', '--leads', '20'])).code).toBe(0);
      expect((await runCli(['--db', dbPath, 'backup'])).code).toBe(0);
      const backup = listBackups(dbPath).find((b) => b.reason === 'manual')!;
      const inode = fs.statSync(dbPath).ino;

      const app = await startApp(dbPath);
      const acknowledged: string[] = [];
      let writing = true;
      try {
        const sourceId = ((await app.api('sources:list')).value as { id: number; name: string }[]).find(
          (s) => s.name === 'Upwork',
        )!.id;
        const appLoop = (async () => {
          for (let i = 0; writing; i++) {
            const answer = await app.api('leads:create', { title: `app-${i}`, sourceId });
            if (answer.ok) acknowledged.push(`app-${i}`);
            else await new Promise((r) => setTimeout(r, 20)); // busy: not acknowledged, try the next one
          }
        })();
        const cliLoop = (async () => {
          for (let i = 0; writing; i++) {
            const run = await runCli([
              '--db',
              dbPath,
              'api',
              'leads:create',
              JSON.stringify({ title: `cli-${i}`, sourceId }),
            ]);
            if (run.code === 0) acknowledged.push(`cli-${i}`);
          }
        })();
        await new Promise((r) => setTimeout(r, 1500));
        // The load is held back 2 s inside the lock (a slow disk, a big file): writers wait meanwhile.
        process.env.LEADLEDGER_TEST_RESTORE_PAUSE_MS = '2000';
        let restore;
        try {
          restore = await runCli(['--db', dbPath, 'restore', backup.path]);
        } finally {
          delete process.env.LEADLEDGER_TEST_RESTORE_PAUSE_MS;
        }
        expect(restore.code, restore.stderr).toBe(0);
        await new Promise((r) => setTimeout(r, 1500));
        writing = false;
        await Promise.all([appLoop, cliLoop]);
      } finally {
        writing = false;
        expect(await app.stop()).toBe(0);
      }
      expect(fs.statSync(dbPath).ino).toBe(inode);
      const restored = titles(dbPath);
      const kept = titles(listBackups(dbPath).find((b) => b.reason === 'pre-restore')!.path);
      const lost = acknowledged.filter((t) => !restored.has(t) && !kept.has(t));
      expect(lost).toEqual([]);
      // Both sides of the restore were written to, or the test proved nothing.
      expect(acknowledged.filter((t) => kept.has(t) && !restored.has(t)).length).toBeGreaterThan(0);
      expect(acknowledged.filter((t) => restored.has(t)).length).toBeGreaterThan(0);
    },
  );

  it(
    'the app restores while another program has the file open; that program then reads the restored data',
    { timeout: 120_000 },
    async () => {
      const dbPath = tempDbPath('r.db');
      expect((await runCli(['--db', dbPath, 'seed', '--leads', '20'])).code).toBe(0);
      expect((await runCli(['--db', dbPath, 'backup'])).code).toBe(0);
      const backup = listBackups(dbPath).find((b) => b.reason === 'manual')!;
      const app = await startApp(dbPath);
      try {
        await createLead(app, 'Before the restore');
        // Another SQLite client (here, this test process) has the file open and has read it.
        const other = new Database(dbPath);
        try {
          expect(other.prepare(`SELECT COUNT(*) AS n FROM leads WHERE title = 'Before the restore'`).get()).toEqual({
            n: 1,
          });
          const restored = await app.api('backups:restore', { name: backup.name });
          expect(restored.ok, JSON.stringify(restored)).toBe(true);
          expect(other.prepare(`SELECT COUNT(*) AS n FROM leads WHERE title = 'Before the restore'`).get()).toEqual({
            n: 0,
          });
          expect(other.pragma('integrity_check', { simple: true })).toBe('ok');
        } finally {
          other.close();
        }
        await createLead(app, 'After the restore');
      } finally {
        expect(await app.stop()).toBe(0);
      }
      const now = titles(dbPath);
      expect(now.has('After the restore')).toBe(true);
      expect(now.has('Before the restore')).toBe(false);
      const kept = listBackups(dbPath).find((b) => b.reason === 'pre-restore')!;
      expect(titles(kept.path).has('Before the restore')).toBe(true);
      fs.rmSync(path.dirname(dbPath), { recursive: true, force: true });
    },
  );

  it(
    'an app started while a restore holds the lock waits for it, saying so, and never undoes it',
    { timeout: 120_000 },
    async () => {
      const dbPath = tempDbPath('r.db');
      expect((await runCli(['--db', dbPath, 'seed', '--leads', '20'])).code).toBe(0);
      expect((await runCli(['--db', dbPath, 'backup'])).code).toBe(0);
      const backup = listBackups(dbPath).find((b) => b.reason === 'manual')!;
      expect((await runCli(['--db', dbPath, 'seed', '--leads', '5'])).code).toBe(0);
      process.env.LEADLEDGER_TEST_RESTORE_PAUSE_MS = '6000';
      let restoring;
      try {
        restoring = runCli(['--db', dbPath, 'restore', backup.path]);
      } finally {
        delete process.env.LEADLEDGER_TEST_RESTORE_PAUSE_MS;
      }
      // The pre-restore copy is made once the restore holds the lock; the load follows 6 s later.
      for (let i = 0; i < 1200 && !listBackups(dbPath).some((b) => b.reason === 'pre-restore'); i++)
        await new Promise((r) => setTimeout(r, 50));
      const app = await startApp(dbPath);
      try {
        expect((await restoring).code).toBe(0);
        expect(app.stderr()).toMatch(/A restore into the database file .* is running … waiting for it to finish/);
        expect(app.stderr()).not.toMatch(/damaged|moved/i);
        await createLead(app, 'After the restore');
      } finally {
        expect(await app.stop()).toBe(0);
      }
      // The restored content, plus what the app wrote after it: the restore was not undone.
      expect(titles(dbPath)).toEqual(new Set([...titles(backup.path), 'After the restore']));
      fs.rmSync(path.dirname(dbPath), { recursive: true, force: true });
    },
  );

  it(
    'a file renamed over the database by another program is followed: later writes land in it',
    { timeout: 120_000 },
    async () => {
      const dbPath = tempDbPath('r.db');
      expect((await runCli(['--db', dbPath, 'seed', '--leads', '20'])).code).toBe(0);
      expect((await runCli(['--db', dbPath, 'backup'])).code).toBe(0);
      const backup = listBackups(dbPath).find((b) => b.reason === 'manual')!;

      const app = await startApp(dbPath);
      try {
        await createLead(app, 'Before the swap');
        const copy = `${dbPath}.new`;
        fs.copyFileSync(backup.path, copy);
        fs.renameSync(copy, dbPath);
        await createLead(app, 'After the swap');
      } finally {
        expect(await app.stop()).toBe(0);
      }
      const now = titles(dbPath);
      expect(now.has('After the swap')).toBe(true);
      expect(now.has('Before the swap')).toBe(false);
      fs.rmSync(path.dirname(dbPath), { recursive: true, force: true });
    },
  );
});
