import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli, startApp, type AppProcess } from '../../../test-support/app-process';
import { tempDbPath } from '../../../test-support/temp-db';
import { listBackups } from './backup';

// Restoring swaps the file. A process that still has the old file open keeps writing to it, and
// those writes vanish without a word. So: a restore is refused while anyone else has the file open,
// and a running app that finds a different file under its path follows it.

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

describe('restore while the app runs never loses an acknowledged write', () => {
  it('the CLI restore is refused while the app has the file open; the app keeps its writes', { timeout: 120_000 }, async () => {
    const dbPath = tempDbPath('r.db');
    expect((await runCli(['--db', dbPath, 'seed', '--leads', '20'])).code).toBe(0);
    expect((await runCli(['--db', dbPath, 'backup'])).code).toBe(0);
    const backup = listBackups(dbPath).find((b) => b.reason === 'manual')!;

    const app = await startApp(dbPath);
    try {
      await createLead(app, 'Before the restore');
      const restore = await runCli(['--db', dbPath, 'restore', backup.path]);
      expect(restore.code).toBe(1);
      expect(restore.stderr).toMatch(/^leadledger: The database is open in another window .*Nothing was changed\.\n$/);
      await createLead(app, 'After the refused restore');
    } finally {
      expect(await app.stop()).toBe(0);
    }
    const kept = titles(dbPath);
    expect(kept.has('Before the restore') && kept.has('After the refused restore')).toBe(true);

    // With the app closed the same restore goes through.
    const restore = await runCli(['--db', dbPath, 'restore', backup.path]);
    expect(restore.code, restore.stderr).toBe(0);
    expect(titles(dbPath).has('Before the restore')).toBe(false);
    fs.rmSync(path.dirname(dbPath), { recursive: true, force: true });
  });

  it('the app refuses to restore while another program has the file open, and restores once it is closed', { timeout: 120_000 }, async () => {
    const dbPath = tempDbPath('r.db');
    expect((await runCli(['--db', dbPath, 'seed', '--leads', '20'])).code).toBe(0);
    expect((await runCli(['--db', dbPath, 'backup'])).code).toBe(0);
    const backup = listBackups(dbPath).find((b) => b.reason === 'manual')!;

    const app = await startApp(dbPath);
    try {
      await createLead(app, 'Before the restore');
      // Another SQLite client (here, this test process) has the file open and has read it.
      const other = new Database(dbPath);
      other.prepare('SELECT COUNT(*) FROM leads').get();
      const refused = await app.api('backups:restore', { name: backup.name });
      expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/open in another window/) } });
      await createLead(app, 'After the refused restore');
      other.close();

      const restored = await app.api('backups:restore', { name: backup.name });
      expect(restored.ok, JSON.stringify(restored)).toBe(true);
      await createLead(app, 'After the restore');
    } finally {
      expect(await app.stop()).toBe(0);
    }
    const now = titles(dbPath);
    expect(now.has('After the restore')).toBe(true);
    expect(now.has('Before the restore')).toBe(false);
    // What the restore replaced is kept as a pre-restore backup, with both writes made before it.
    const kept = listBackups(dbPath).find((b) => b.reason === 'pre-restore')!;
    const before = titles(kept.path);
    expect(before.has('Before the restore') && before.has('After the refused restore')).toBe(true);
    fs.rmSync(path.dirname(dbPath), { recursive: true, force: true });
  });

  it('a file renamed over the database by another program is followed: later writes land in it', { timeout: 120_000 }, async () => {
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
  });
});
