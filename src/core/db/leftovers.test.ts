import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sweepTempCopies } from '../csv/file-registry';
import { openDatabase } from './open';
import { tempDbPath } from '../../../test-support/temp-db';
import { openAppStore } from '../backups/recover';

// What a crash leaves is swept at the next start; what a running process is writing is not.

/** The pid of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
function touch(file: string, mtime = new Date()) {
  fs.writeFileSync(file, 'x');
  fs.utimesSync(file, mtime, mtime);
}

describe('leftovers swept at start', () => {
  it('half-written backups of a dead process and an old restore copy go; a running writer’s stay', () => {
    const dbPath = tempDbPath();
    openDatabase(dbPath).close();
    const backups = path.join(path.dirname(dbPath), 'backups');
    fs.mkdirSync(backups, { recursive: true });
    const dead = deadPid();
    const gone = [
      `.leadledger-20260801-120000-000-manual.db.p${dead}.tmp`,
      `.leadledger-20260801-120000-000-manual.db.p${dead}.tmp-journal`,
      '.leadledger-20260801-120000-000-daily.db.tmp', // an older version's name, an hour old
    ].map((name) => path.join(backups, name));
    const kept = [
      `.leadledger-20260801-120000-000-manual.db.p${process.pid}.tmp`, // a backup this process is writing
      '.leadledger-20260801-130000-000-daily.db.tmp', // an older version's, just started
      'leadledger-20260801-120000-000-manual.db', // a real backup
      '.other-20260801-120000-000-manual.db.p1.tmp', // not this database's
    ].map((name) => path.join(backups, name));
    gone.forEach((file, i) => touch(file, i === 2 ? old : new Date()));
    kept.forEach((file) => touch(file));
    touch(`${dbPath}.restoring`, old);

    openDatabase(dbPath).close();
    expect(gone.filter((f) => fs.existsSync(f))).toEqual([]);
    expect(kept.filter((f) => !fs.existsSync(f))).toEqual([]);
    expect(fs.existsSync(`${dbPath}.restoring`)).toBe(false);
    fs.rmSync(path.dirname(dbPath), { recursive: true, force: true });
  });

  it('upload and export copies of a dead process, and unnamed ones older than this process and an hour, go', () => {
    const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'leadledger-sweep-'));
    const startedAt = Date.now() - 1000;
    const dir = (name: string, mtime = new Date()) => {
      const full = path.join(temp, name);
      fs.mkdirSync(full);
      touch(path.join(full, 'upload.csv'));
      fs.utimesSync(full, mtime, mtime);
      return full;
    };
    const gone = [
      dir(`leadledger-upload-${deadPid()}-aaaaaa`),
      dir(`leadledger-export-${deadPid()}-eeeeee`),
      dir('leadledger-upload-bbbbbb', old),
    ];
    const kept = [
      dir(`leadledger-upload-${process.pid}-cccccc`),
      dir('leadledger-upload-dddddd'),
      dir('something-else', old),
    ];
    expect(sweepTempCopies(temp, startedAt).sort()).toEqual([...gone].sort());
    expect(kept.filter((f) => !fs.existsSync(f))).toEqual([]);
    fs.rmSync(temp, { recursive: true, force: true });
  });

  it('the app hosts sweep the system temp folder when they open their store', async () => {
    const leftover = path.join(os.tmpdir(), `leadledger-upload-${deadPid()}-zzzzzz`);
    fs.mkdirSync(leftover, { recursive: true });
    touch(path.join(leftover, 'upload.csv'));
    const dbPath = tempDbPath();
    const store = await openAppStore(dbPath, { startupDelayMs: 60_000 });
    if (store.status === 'opened') {
      store.schedule.stop();
      store.ctx.store.close();
    }
    expect(fs.existsSync(leftover)).toBe(false);
    fs.rmSync(path.dirname(dbPath), { recursive: true, force: true });
  });
});
