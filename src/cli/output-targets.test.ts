import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDbPath } from '../../test-support/temp-db';
import { runCliCaptured as cli } from './test-support/run-captured';

// `-o P` / `--output P` where the user pointed (README, Command line): real child
// processes on the real command, real FIFOs (mkfifo), real symlinks and devices.
const env = { ...process.env, LEADLEDGER_FROM_SOURCE: '1' };
let db: string;
let dir: string;
let expected: string;

beforeAll(async () => {
  db = tempDbPath();
  dir = path.dirname(db);
  expect((await cli('--db', db, 'seed', '--leads', '40')).code).toBe(0);
  expected = (await cli('--db', db, 'export', 'leads')).stdout;
  expect(expected.split('\r\n').length).toBeGreaterThan(40);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) =>
  spawnSync('node', ['bin/leadledger.js', '--db', db, ...args], { encoding: 'utf8', env, timeout: 60_000 });
const shell = (script: string) => spawnSync('bash', ['-c', script], { encoding: 'utf8', env, timeout: 60_000 });
const mode = (file: string) => fs.statSync(file).mode & 0o777;
const oneLine = (text: string) => expect(text).toMatch(/^leadledger: [^\n]+\n$/);
const hasMkfifo = spawnSync('mkfifo', ['--version']).status === 0;

/** Starts `cat FIFO > OUT` and resolves with what it read once the writer closes. */
function readFifo(fifo: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = spawn('cat', [fifo]);
    let text = '';
    reader.stdout.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    reader.on('error', reject);
    reader.on('close', () => resolve(text));
  });
}

describe('export -o and api --output write where the user pointed', () => {
  it('a new file is written whole and private (0600); an existing file keeps its mode', () => {
    const fresh = path.join(dir, 'fresh.csv');
    expect(run('export', 'leads', '-o', fresh).status).toBe(0);
    expect(fs.readFileSync(fresh, 'utf8')).toBe(expected);
    expect(mode(fresh)).toBe(0o600);
    const shared = path.join(dir, 'shared.csv');
    fs.writeFileSync(shared, 'old');
    fs.chmodSync(shared, 0o640);
    expect(run('export', 'leads', '-o', shared).status).toBe(0);
    expect(fs.readFileSync(shared, 'utf8')).toBe(expected);
    expect(mode(shared)).toBe(0o640);
    const secret = path.join(dir, 'secret.csv');
    fs.writeFileSync(secret, 'old', { mode: 0o600 });
    expect(run('api', 'csv:export-file', '{"kind":"leads"}', '--output', secret).status).toBe(0);
    expect(mode(secret)).toBe(0o600);
    expect(fs.readdirSync(dir).filter((n) => n.includes('.partial-'))).toEqual([]);
    if (process.getuid?.() === 0) {
      // Run as root, a user's file stays the user's.
      fs.chownSync(shared, 4321, 4321);
      expect(run('export', 'leads', '-o', shared).status).toBe(0);
      expect([fs.statSync(shared).uid, fs.statSync(shared).gid, mode(shared)]).toEqual([4321, 4321, 0o640]);
    }
  });

  it.skipIf(!hasMkfifo)('a FIFO is written through and stays a FIFO (export -o and api --output)', async () => {
    const fifo = path.join(dir, 'pipe.csv');
    spawnSync('mkfifo', [fifo]);
    for (const args of [
      ['export', 'leads', '-o', fifo],
      ['api', 'csv:export-file', '{"kind":"leads"}', '--output', fifo],
    ]) {
      const got = readFifo(fifo);
      const r = await new Promise<number | null>((resolve) =>
        spawn('node', ['bin/leadledger.js', '--db', db, ...args], { env, stdio: 'ignore' }).on('close', resolve),
      );
      expect(r, args.join(' ')).toBe(0);
      expect(await got).toBe(expected);
      expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
    }
  });

  it('a symlink is followed: the link stays, its target gets the export and keeps its mode', () => {
    const target = path.join(dir, 'synced', 'leads.csv');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, 'old');
    fs.chmodSync(target, 0o644);
    const link = path.join(dir, 'link.csv');
    fs.symlinkSync(path.relative(dir, target), link);
    expect(run('export', 'leads', '-o', link).status).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(target, 'utf8')).toBe(expected);
    expect(mode(target)).toBe(0o644);
    // A link to a file not there yet: the file is created where the link points.
    const dangling = path.join(dir, 'later.csv');
    fs.symlinkSync('synced/later-target.csv', dangling);
    expect(run('export', 'leads', '-o', dangling).status).toBe(0);
    expect(fs.lstatSync(dangling).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'synced', 'later-target.csv'), 'utf8')).toBe(expected);
    // A link to the database itself is refused: the export never lands on it.
    const toDb = path.join(dir, 'db-link.csv');
    fs.symlinkSync(path.basename(db), toDb);
    const refused = run('export', 'leads', '-o', toDb);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(
      `leadledger: ${toDb} is the LeadLedger database, not a CSV file: choose another file\n`,
    );
    expect(JSON.parse(run('api', 'app:info').stdout).leadCount).toBe(40);
  });

  it('a symlink to /proc/self/fd/1 writes to standard output and stays a link', () => {
    const link = path.join(dir, 'out-link');
    fs.symlinkSync('/proc/self/fd/1', link);
    const r = run('export', 'leads', '-o', link);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(expected);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('-o - and -o /dev/stdout write to standard output; /dev/stdout stays a link', () => {
    for (const out of ['-', '/dev/stdout']) {
      const r = run('export', 'leads', '-o', out);
      expect(r.status, out).toBe(0);
      expect(r.stdout, out).toBe(expected);
      const api = run('api', 'csv:export-file', '{"kind":"leads"}', '--output', out);
      expect(api.status, out).toBe(0);
      expect(api.stdout, out).toBe(expected);
    }
    expect(fs.lstatSync('/dev/stdout').isSymbolicLink()).toBe(true);
    // Redirected by the shell into a file (`>>`): added at its end, the file not replaced.
    const log = path.join(dir, 'log.csv');
    fs.writeFileSync(log, 'before\n', { mode: 0o640 });
    const inode = fs.statSync(log).ino;
    expect(shell(`node bin/leadledger.js --db '${db}' export leads -o /dev/stdout >> '${log}'`).status).toBe(0);
    expect(fs.readFileSync(log, 'utf8')).toBe(`before\n${expected}`);
    expect(fs.statSync(log).ino).toBe(inode);
  });

  it('a device is written through, never replaced; /dev/full says "disk full" and fails', () => {
    const nul = run('export', 'leads', '-o', '/dev/null');
    expect(nul.status).toBe(0);
    expect(fs.statSync('/dev/null').isCharacterDevice()).toBe(true);
    if (!fs.existsSync('/dev/full')) return;
    for (const args of [
      ['export', 'leads', '-o', '/dev/full'],
      ['api', 'csv:export-file', '{"kind":"leads"}', '--output', '/dev/full'],
    ]) {
      const r = run(...args);
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr).toBe('leadledger: Cannot write /dev/full: disk full, nothing was written\n');
    }
    expect(fs.statSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('a folder is refused in one line', () => {
    for (const args of [
      ['export', 'leads', '-o', dir],
      ['api', 'csv:export-file', '{"kind":"leads"}', '--output', dir],
    ]) {
      const r = run(...args);
      expect(r.status, args.join(' ')).toBe(1);
      oneLine(r.stderr);
      expect(r.stderr).toBe(`leadledger: Cannot write ${dir}: it is a folder, not a file\n`);
    }
    const missing = path.join(dir, 'no-such', 'x.csv');
    const r = run('export', 'leads', '-o', missing);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`leadledger: Cannot write ${missing}: the folder ${path.dirname(missing)} does not exist\n`);
  });

  it('a full disk: "disk full", exit 1, the existing file as it was and no temp file left (a 64 KB tmpfs)', async (context) => {
    const mount = path.join(dir, 'small');
    fs.mkdirSync(mount);
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mount], { encoding: 'utf8' });
    if (mounted.status !== 0)
      return context.skip(`cannot mount a tmpfs here (${(mounted.stderr || mounted.error?.message || '').trim()})`);
    try {
      const big = path.join(dir, 'big.db');
      expect((await cli('--db', big, 'seed', '--leads', '2000')).code).toBe(0);
      const file = path.join(mount, 'leads.csv');
      fs.writeFileSync(file, 'what was there before\n', { mode: 0o644 });
      const r = spawnSync('node', ['bin/leadledger.js', '--db', big, 'export', 'leads', '-o', file], {
        encoding: 'utf8',
        env,
        timeout: 60_000,
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(`leadledger: Cannot write ${file}: disk full, nothing was written\n`);
      expect(fs.readFileSync(file, 'utf8')).toBe('what was there before\n');
      expect(fs.readdirSync(mount)).toEqual(['leads.csv']);
    } finally {
      spawnSync('umount', [mount]);
    }
  });
});
