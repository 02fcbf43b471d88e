import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { registerFile } from '../csv/file-registry';
import { dispatch } from '../dispatch';
import { cancelImportJob, importJob, startImportJob } from '../imports/import-jobs';
import { waitForJob } from '../../../test-support/import-jobs';
import { leadsCsv, runCli, startApp } from '../../../test-support/app-process';
import { openTempCtx, sourceId, tempDbPath } from '../../../test-support/temp-db';
import { busyMessage } from './sqlite-errors';

// One writer at a time, said clearly: a write that meets another writer's lock gets a plain,
// retryable answer, never "database is locked".

describe('one writer at a time', () => {
  it('an API write during an import in the same app is answered "busy" at once, and works after', async () => {
    const ctx = openTempCtx();
    try {
      const file = path.join(path.dirname(ctx.dbPath), 'big.csv');
      fs.writeFileSync(file, leadsCsv(Array.from({ length: 60_000 }, (_, i) => `big-${i}`)));
      const fileId = registerFile({ path: file, name: 'big.csv', mode: 'read', temporary: false });
      const { jobId } = await startImportJob(ctx, { fileId, as: 'leads' });
      while (importJob(jobId).state === 'running' && importJob(jobId).rows === 0)
        await new Promise((r) => setTimeout(r, 5));
      expect(importJob(jobId).state).toBe('running');

      const during = await dispatch(ctx, 'leads:create', {
        title: 'During the import',
        sourceId: sourceId(ctx, 'Upwork'),
      });
      expect(during).toEqual({ ok: false, error: { code: 'busy', message: busyMessage } });
      expect(importJob(jobId).state).toBe('running'); // the answer came while the import still ran

      cancelImportJob(jobId);
      expect((await waitForJob(jobId)).state).toBe('cancelled');
      const after = await dispatch(ctx, 'leads:create', {
        title: 'After the import',
        sourceId: sourceId(ctx, 'Upwork'),
      });
      expect(after.ok).toBe(true);
      expect(ctx.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    } finally {
      ctx.close();
    }
  });

  it(
    'while another process holds the write lock: the app answers "busy", the CLI refuses in one line; both work after',
    { timeout: 120_000 },
    async () => {
      const dbPath = tempDbPath('r.db');
      expect((await runCli(['--db', dbPath, 'seed', '--leads', '10'])).code).toBe(0);
      const csv = path.join(path.dirname(dbPath), 'one.csv');
      fs.writeFileSync(csv, leadsCsv(['cli-1']));
      const app = await startApp(dbPath);
      const holder = new Database(dbPath);
      try {
        const sources = (await app.api('sources:list')).value as { id: number; name: string }[];
        const upwork = sources.find((s) => s.name === 'Upwork')!.id;
        holder.exec('BEGIN IMMEDIATE'); // a long write elsewhere (another window's import)

        const api = await app.api('leads:create', { title: 'While locked', sourceId: upwork });
        expect(api).toEqual({ ok: false, error: { code: 'busy', message: busyMessage } });
        const cli = await runCli(['--db', dbPath, 'import', csv]);
        expect(cli.code).toBe(1);
        // One line: the CLI's own wording for a refused operation, or the shared one an import job reports.
        expect(cli.stderr).toMatch(
          /^leadledger: LeadLedger is (open on this file in another window|saving another change to this file)[^\n]*nothing was (written|saved)[^\n]*\n$/,
        );
        expect(cli.stderr).not.toMatch(/locked|SQLITE/);

        holder.exec('ROLLBACK');
        expect((await app.api('leads:create', { title: 'After the lock', sourceId: upwork })).ok).toBe(true);
        const again = await runCli(['--db', dbPath, 'import', csv]);
        expect(again.code, again.stderr).toBe(0);
      } finally {
        holder.close();
        expect(await app.stop()).toBe(0);
      }
      const db = new Database(dbPath, { readonly: true });
      try {
        const titles = (db.prepare('SELECT title FROM leads').all() as { title: string }[]).map((r) => r.title);
        expect(titles).toEqual(expect.arrayContaining(['After the lock', 'Imported cli-1']));
        expect(titles).not.toContain('While locked');
      } finally {
        db.close();
        fs.rmSync(path.dirname(dbPath), { recursive: true, force: true });
      }
    },
  );
});
