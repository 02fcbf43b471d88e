import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importCsvFile } from '../csv/import-engine';
import { exportToFile } from '../imports/export-to';
import { openTempCtx } from '../../../test-support/temp-db';
import { openConnection } from './connection';
import { inspectDatabaseFile } from './inspect';
import { openDatabase } from './open';
import { isOpenInProcess } from './open-files';

// Closing any descriptor of a file drops every POSIX lock the process holds on it. The symptom a
// test can see: another process gets the exclusive lock although our connection is open.

/** Whether another process can take the exclusive lock right now (it cannot while we hold a shared one). */
function otherProcessGetsExclusive(file: string): boolean {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1]);
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    try { db.exec('BEGIN EXCLUSIVE'); db.exec('COMMIT'); process.stdout.write('got'); }
    catch (e) { process.stdout.write(e.code); }
    db.close();`;
  const result = spawnSync(process.execPath, ['-e', script, file], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout === 'got';
}

let ctx: ReturnType<typeof openTempCtx>;
beforeEach(() => {
  ctx = openTempCtx();
  ctx.db.prepare('SELECT COUNT(*) FROM leads').get(); // a read: the connection now holds its shared lock
});
afterEach(() => ctx.close());

describe('no raw descriptor on an open database', () => {
  it('the open connection keeps its lock: another process cannot take the file', () => {
    expect(isOpenInProcess(ctx.dbPath)).toBe(true);
    expect(otherProcessGetsExclusive(ctx.dbPath)).toBe(false);
  });

  it('inspecting the open file (as every import did) keeps our locks', () => {
    inspectDatabaseFile(ctx.dbPath);
    expect(otherProcessGetsExclusive(ctx.dbPath)).toBe(false);
    openDatabase(ctx.dbPath).close();
    openConnection(ctx.dbPath).close();
    expect(otherProcessGetsExclusive(ctx.dbPath)).toBe(false);
  });

  it('refuses to read the database or its -wal as a CSV, or to export over it', async () => {
    for (const file of [
      ctx.dbPath,
      `${ctx.dbPath}-wal`,
      path.join(path.dirname(ctx.dbPath), '.', path.basename(ctx.dbPath)),
    ]) {
      await expect(importCsvFile(ctx.db, file, { as: 'leads' }, { now: ctx.now })).rejects.toMatchObject({
        code: 'invalid_input',
        message: expect.stringMatching(/is the LeadLedger database/),
      });
    }
    const link = path.join(path.dirname(ctx.dbPath), 'hard-link.csv');
    fs.linkSync(ctx.dbPath, link);
    await expect(importCsvFile(ctx.db, link, { as: 'leads' }, { now: ctx.now })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(exportToFile(ctx, 'leads', {}, ctx.dbPath)).rejects.toMatchObject({ code: 'invalid_input' });
    expect(otherProcessGetsExclusive(ctx.dbPath)).toBe(false);
    expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('once every connection is closed the file is free again', () => {
    ctx.store.close();
    expect(isOpenInProcess(ctx.dbPath)).toBe(false);
    expect(otherProcessGetsExclusive(ctx.dbPath)).toBe(true);
  });
});
