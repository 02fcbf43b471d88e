import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../test-support/app-process';
import { hasSqliteShell, openShell } from '../../../test-support/sqlite-shell';

// Only SQLite's own verdict calls a file damaged (docs/safety.md). A file another program holds, a
// full disk and a read-only folder are said as what they are, and the file is left exactly as it was:
// nothing moved aside, no backup restored over it. Real `leadledger web` processes, a real sqlite3 shell.

const bin = path.resolve('bin/leadledger.js');
const dirs: string[] = [];
const mounts: string[] = [];
afterEach(() => {
  for (const dir of mounts.splice(0)) spawnSync('umount', ['-l', dir]);
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

afterAll(() => {
  if (renderer) fs.rmSync(renderer, { recursive: true, force: true });
});

const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadledger-start-'));
  dirs.push(dir);
  return dir;
};

let renderer: string | undefined;
const rendererDir = () => {
  if (!renderer) {
    renderer = fs.mkdtempSync(path.join(os.tmpdir(), 'leadledger-renderer-'));
    fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>LeadLedger</title>');
  }
  return renderer;
};

type Web = { child: ChildProcess; out: () => string; err: () => string; exited: Promise<number | null> };

function startWeb(db: string, env: Record<string, string> = {}, args: string[] = []): Web {
  const child = spawn(process.execPath, [bin, '--db', db, 'web', '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LEADLEDGER_FROM_SOURCE: '1', LEADLEDGER_RENDERER_DIR: rendererDir(), ...env },
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, out: () => out, err: () => err, exited };
}

async function until(what: string, test: () => boolean, web?: Web, ms = 90_000) {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${web?.err() ?? ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
/** The folder's files, without the -wal/-shm SQLite may create (empty) while it looks. */
const listing = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((f) => !/-(wal|shm)$/.test(f))
    .sort();
const count = (file: string, sql = 'SELECT COUNT(*) AS n FROM leads') => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe.skipIf(!hasSqliteShell)('start-up while the sqlite3 shell holds an exclusive lock', () => {
  it(
    "waits, saying so, and opens once the shell lets go; the shell's write is kept, nothing restored",
    { timeout: 180_000 },
    async () => {
      const dir = tempDir();
      const db = path.join(dir, 'leadledger.db');
      expect((await runCli(['--db', db, 'seed', '--leads', '12'])).code).toBe(0);
      expect((await runCli(['--db', db, 'backup'])).code).toBe(0);
      const shell = openShell(db);
      await shell.run(
        `PRAGMA locking_mode = EXCLUSIVE;\nBEGIN EXCLUSIVE;\nUPDATE leads SET notes = 'held by the shell' WHERE id = 1;\nCOMMIT;`,
      );
      const before = listing(dir);
      const web = startWeb(db, { LEADLEDGER_LOCK_WAIT_MS: '120000' });
      try {
        await until(
          'the waiting message',
          () => /Another program is using the database file .*waiting/.test(web.err()),
          web,
        );
        expect(web.out()).not.toMatch(/running at/);
        const { code } = await shell.quit();
        expect(code).toBe(0);
        await until('the server', () => /running at/.test(web.out()), web);
        expect(web.err()).not.toMatch(/damaged|moved|restored/i);
      } finally {
        web.child.kill('SIGTERM');
        await web.exited;
      }
      expect(count(db)).toBe(12);
      expect(count(db, `SELECT COUNT(*) AS n FROM leads WHERE notes = 'held by the shell'`)).toBe(1);
      expect(listing(dir)).toEqual(before);
    },
  );

  it(
    'refuses in one clear message when the shell keeps it, leaving the file exactly as it was',
    { timeout: 180_000 },
    async () => {
      const dir = tempDir();
      const db = path.join(dir, 'leadledger.db');
      expect((await runCli(['--db', db, 'seed', '--leads', '12'])).code).toBe(0);
      expect((await runCli(['--db', db, 'backup'])).code).toBe(0);
      const shell = openShell(db);
      try {
        await shell.run(
          `PRAGMA locking_mode = EXCLUSIVE;\nBEGIN EXCLUSIVE;\nUPDATE leads SET notes = 'held' WHERE id = 1;\nCOMMIT;`,
        );
        const hash = sha(db);
        const before = listing(dir);
        const web = startWeb(db, { LEADLEDGER_LOCK_WAIT_MS: '1500' });
        expect(await web.exited).toBe(1);
        expect(web.err().trim().split('\n').at(-1)).toMatch(
          /^leadledger: Another program is using the database file .*leadledger\.db .*close it, then start LeadLedger again\. Nothing was changed\.$/,
        );
        expect(sha(db)).toBe(hash);
        expect(listing(dir)).toEqual(before);
      } finally {
        await shell.quit();
      }
    },
  );
});

describe('start-up on a damaged file', () => {
  it(
    'the CLI and browser mode say what is wrong and what to do; nothing is moved, restored or created',
    { timeout: 180_000 },
    async () => {
      const dir = tempDir();
      const db = path.join(dir, 'leadledger.db');
      expect((await runCli(['--db', db, 'seed', '--leads', '40'])).code).toBe(0);
      expect((await runCli(['--db', db, 'backup'])).code).toBe(0);
      // A bad sector in the middle of the file.
      const fd = fs.openSync(db, 'r+');
      fs.writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, Math.floor(fs.statSync(db).size / 4096 / 2) * 4096);
      fs.closeSync(fd);
      const hash = sha(db);
      const before = listing(dir);
      const api = await runCli(['--db', db, 'api', 'leads:list', '{}']);
      expect(api.code).toBe(1);
      expect(api.stderr.trim().split('\n')).toHaveLength(1);
      expect(api.stderr).toMatch(
        /leadledger\.db is damaged .*Nothing was changed\. See "leadledger check --repair", or restore a backup: "leadledger restore FILE"/,
      );
      const web = startWeb(db);
      expect(await web.exited).toBe(1);
      expect(web.err()).toMatch(
        /is damaged .*Nothing was changed\. You can restore the newest good backup \(.* UTC: leadledger --db ".*leadledger\.db" restore ".*-manual\.db"\), open it read-only .*leadledger web --read-only/,
      );
      expect(sha(db)).toBe(hash);
      expect(listing(dir)).toEqual(before);
    },
  );
});

/** A 20 MiB tmpfs, or undefined where mounting is not allowed (not root, a container without CAP_SYS_ADMIN). */
function smallDisk(): string | undefined {
  const dir = tempDir();
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=20m', 'tmpfs', dir], { encoding: 'utf8' });
  if (mounted.status !== 0) return undefined;
  mounts.push(dir);
  return dir;
}

function fillDisk(file: string) {
  const fd = fs.openSync(file, 'w');
  try {
    for (const size of [1 << 20, 1 << 14, 512, 1]) {
      const chunk = Buffer.alloc(size, 1);
      for (;;) {
        try {
          fs.writeSync(fd, chunk);
        } catch {
          break;
        }
      }
    }
  } finally {
    fs.closeSync(fd);
  }
}

const canMount = (() => {
  if (process.getuid?.() !== 0) return false;
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'leadledger-mount-probe-'));
  const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe]).status === 0;
  if (ok) spawnSync('umount', [probe]);
  fs.rmSync(probe, { recursive: true, force: true });
  return ok;
})();

describe('start-up on a full or read-only disk', () => {
  it.skipIf(!canMount)(
    'a full disk: "The disk is full", the file untouched; once space is freed every lead is there',
    { timeout: 180_000 },
    async () => {
      const dir = smallDisk()!;
      const db = path.join(dir, 'leadledger.db');
      expect((await runCli(['--db', db, 'seed', '--leads', '501'])).code).toBe(0);
      fillDisk(path.join(dir, 'filler'));
      const hash = sha(db);
      const before = listing(dir);
      const web = startWeb(db);
      expect(await web.exited).toBe(1);
      expect(web.err().trim().split('\n').at(-1)).toMatch(
        /^leadledger: The disk is full: LeadLedger cannot open .*leadledger\.db .*The file was not changed\.$/,
      );
      expect(web.err()).not.toMatch(/damaged|moved|restored|ENOSPC/);
      expect(sha(db)).toBe(hash);
      expect(listing(dir)).toEqual(before);

      fs.rmSync(path.join(dir, 'filler'));
      const again = startWeb(db);
      try {
        await until('the server', () => /running at/.test(again.out()), again);
        expect(again.err()).toBe('');
      } finally {
        again.child.kill('SIGTERM');
        await again.exited;
      }
      expect(count(db)).toBe(501);
    },
  );

  it.skipIf(!canMount)(
    'a read-only folder: one line saying so, never "damaged"; the file untouched',
    { timeout: 180_000 },
    async () => {
      const dir = smallDisk()!;
      const db = path.join(dir, 'leadledger.db');
      expect((await runCli(['--db', db, 'seed', '--leads', '20'])).code).toBe(0);
      const hash = sha(db);
      expect(spawnSync('mount', ['-o', 'remount,ro', dir]).status).toBe(0);
      const web = startWeb(db);
      expect(await web.exited).toBe(1);
      expect(web.err().trim().split('\n')).toHaveLength(1);
      expect(web.err()).toMatch(
        /^leadledger: .*leadledger\.db is read-only \(the file or its folder\).*The file was not changed\.\n$/,
      );
      const check = await runCli(['--db', db, 'check']);
      expect(check.stderr).not.toMatch(/damaged/);
      expect(sha(db)).toBe(hash);
    },
  );

  it.runIf(!canMount)('is skipped here: mounting a small tmpfs needs root (mount -t tmpfs)', () => {
    expect(canMount).toBe(false);
  });
});
