import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { leadsCsv, runCli, runProgram, startApp, waitForImport } from '../../../test-support/app-process';
import { tempDbPath } from '../../../test-support/temp-db';

// The foreign-reader data loss (docs/safety.md), reproduced with real processes: the app imports, the sqlite3 shell
// reads the file, the app and the CLI write. A raw open/close of the live file in the app process dropped its fcntl
// locks, the shell then took the WAL for stale, and acknowledged writes were lost.

const shell = '/usr/bin/sqlite3';
const hasShell = fs.existsSync(shell);

describe.skipIf(!hasShell)('another SQLite client reads the file while the app runs (needs /usr/bin/sqlite3)', () => {
  it('keeps every acknowledged write and an intact file', { timeout: 120_000 }, async () => {
    const dbPath = tempDbPath('r.db');
    const dir = path.dirname(dbPath);
    const seeded = await runCli(['--db', dbPath, 'seed', '--leads', '3000']);
    expect(seeded.code, seeded.stderr).toBe(0);

    const app = await startApp(dbPath);
    const acknowledged: string[] = [];
    try {
      const sources = await app.api('sources:list');
      const upwork = (sources.value as { id: number; name: string }[]).find((s) => s.name === 'Upwork')!.id;

      // 2. A one-row import through the page: upload, then csv:start-import.
      const fileId = await app.upload('one.csv', leadsCsv(['ui-import-1']));
      const started = await app.api('csv:start-import', { fileId, as: 'leads' });
      expect(started.ok).toBe(true);
      const job = await waitForImport(app, (started.value as { jobId: string }).jobId);
      expect(job).toMatchObject({ state: 'done', error: null });
      acknowledged.push('Imported ui-import-1');

      // 3. The sqlite3 shell looks at the file.
      const count = await runProgram(shell, [dbPath, 'select count(*) from leads']);
      expect(count.code, count.stderr).toBe(0);
      expect(Number(count.stdout.trim())).toBe(3001);

      // 4. A lead created in the page.
      const first = await app.api('leads:create', { title: 'Created after the shell read', sourceId: upwork });
      expect(first.ok, JSON.stringify(first)).toBe(true);
      acknowledged.push('Created after the shell read');

      // 5. A CLI import from a terminal.
      const other = path.join(dir, 'other.csv');
      fs.writeFileSync(other, leadsCsv(['cli-import-1', 'cli-import-2']));
      const cli = await runCli(['--db', dbPath, 'import', other]);
      expect(cli.code, cli.stderr).toBe(0);
      acknowledged.push('Imported cli-import-1', 'Imported cli-import-2');

      // The shell once more, then 6. another lead from the page.
      expect((await runProgram(shell, [dbPath, 'select count(*) from leads'])).stdout.trim()).toBe('3004');
      const second = await app.api('leads:create', { title: 'Created after the CLI import', sourceId: upwork });
      expect(second.ok, JSON.stringify(second)).toBe(true);
      acknowledged.push('Created after the CLI import');
    } finally {
      expect(await app.stop()).toBe(0);
    }

    const db = new Database(dbPath, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const titles = new Set((db.prepare('SELECT title FROM leads').all() as { title: string }[]).map((r) => r.title));
      expect(acknowledged.filter((t) => !titles.has(t))).toEqual([]);
      expect((db.prepare('SELECT COUNT(*) AS n FROM leads').get() as { n: number }).n).toBe(3005);
    } finally {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
