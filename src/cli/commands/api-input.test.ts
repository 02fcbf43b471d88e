import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxJsonInputBytes } from '../../shared/api/limits';
import { maxJsonBody } from '../../server/security';
import { tempDbPath } from '../../../test-support/temp-db';
import { runCliCaptured as cli } from '../test-support/run-captured';

// Bounded input and plain errors (README, Command line): real child processes, real pipes, FIFOs and devices.
const env = { ...process.env, LEADLEDGER_FROM_SOURCE: '1' };
let db: string;
let dir: string;

beforeAll(async () => {
  db = tempDbPath();
  dir = path.dirname(db);
  expect((await cli('--db', db, 'seed', '--leads', '5')).code).toBe(0);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const shell = (script: string, timeout = 60_000) =>
  spawnSync('bash', ['-c', script], { encoding: 'utf8', env, timeout });
const run = (...args: string[]) =>
  spawnSync('node', ['bin/leadledger.js', '--db', db, ...args], { encoding: 'utf8', env, timeout: 60_000 });
const noStack = (text: string) =>
  expect(text).not.toMatch(/^\s+at |Something went wrong|Unexpected error|E[A-Z]{3,}:/m);

describe('leadledger api OPERATION - reads at most what browser mode accepts', () => {
  it('is the same limit as the browser-mode request body (1 MB)', () => {
    expect(maxJsonInputBytes).toBe(1024 * 1024);
    expect(maxJsonBody).toBe(maxJsonInputBytes);
  });

  it('an endless stdin is refused in one line without reading it all', { timeout: 60_000 }, () => {
    const started = Date.now();
    const r = shell(
      `yes '{}' | node bin/leadledger.js --db '${db}' api app:info -; echo "exit=\${PIPESTATUS[1]}" >&2`,
      40_000,
    );
    expect(r.error).toBeUndefined(); // not killed by the timeout
    expect(r.stderr).toBe(
      'leadledger: The input on standard input is larger than 1 MB (1,048,576 bytes), the most one call takes: nothing was done\nexit=1\n',
    );
    expect(r.stdout).toBe('');
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it(
    'just under the limit is read; just past it is refused, and --json gives the envelope',
    { timeout: 60_000 },
    () => {
      const input = path.join(dir, 'input.json');
      fs.writeFileSync(input, `${' '.repeat(maxJsonInputBytes - 2)}{}`);
      const ok = shell(`node bin/leadledger.js --db '${db}' api app:info - < '${input}'`);
      expect(ok.status).toBe(0);
      expect(JSON.parse(ok.stdout)).toMatchObject({ leadCount: 5 });
      fs.writeFileSync(input, `${' '.repeat(maxJsonInputBytes - 1)}{}`);
      const over = shell(`node bin/leadledger.js --db '${db}' api app:info - --json < '${input}'`);
      expect(over.status).toBe(1);
      expect(JSON.parse(over.stdout)).toEqual({
        ok: false,
        error: {
          code: 'invalid_input',
          message: expect.stringMatching(/^The input on standard input is larger than 1 MB/),
        },
      });
    },
  );
});

describe('--file names what is wrong with the path, in one line', () => {
  it(
    'a missing path, a folder, a FIFO, a device: one line each, never a stack, never a spin',
    { timeout: 120_000 },
    async () => {
      const fifo = path.join(dir, 'pipe.csv');
      spawnSync('mkfifo', [fifo]);
      const cases: [string, string][] = [
        [path.join(dir, 'missing.csv'), 'no such file'],
        [dir, 'it is a folder, not a file'],
        ['/dev/zero', 'it is a device, not a file'],
      ];
      if (fs.existsSync(fifo)) cases.push([fifo, 'it is a pipe, not a file (save what it sends to a file first)']);
      for (const [file, why] of cases) {
        for (const op of ['csv:inspect', 'csv:preview']) {
          const input =
            op === 'csv:preview'
              ? '{"mapping":{"target":"leads","columns":{},"dateFormat":"YYYY-MM-DD","decimal":"."}}'
              : '{}';
          const started = Date.now();
          const r = run('api', op, input, '--file', file);
          expect(r.error, `${op} ${file}`).toBeUndefined();
          expect(r.status, `${op} ${file}`).toBe(1);
          expect(r.stderr, `${op} ${file}`).toBe(`leadledger: Cannot read ${file}: ${why}\n`);
          expect(Date.now() - started).toBeLessThan(30_000);
        }
      }
      // leadledger import goes through the same reader.
      const imported = run('import', dir);
      expect(imported.status).toBe(1);
      expect(imported.stderr).toBe(`leadledger: ${dir} is not a file\n`);
      noStack(imported.stderr);
    },
  );

  it('a SQLite database given as a CSV is named so, with no binary echo', async () => {
    const copy = path.join(dir, 'other.db');
    fs.copyFileSync(db, copy);
    for (const args of [
      ['api', 'csv:inspect', '{}', '--file', copy],
      ['import', copy],
    ]) {
      const r = run(...args);
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toMatch(
        /^leadledger: [^\n]*this is a LeadLedger\/SQLite database file, not a CSV\n$/,
      );
      expect(r.stderr).not.toContain('SQLite format 3');
      expect([...r.stderr].some((c) => c.charCodeAt(0) < 0x20 && c !== '\n')).toBe(false);
    }
  });

  it('a FIFO given to --file does not wait for a writer', { timeout: 60_000 }, async () => {
    const fifo = path.join(dir, 'waiting.csv');
    spawnSync('mkfifo', [fifo]);
    if (!fs.existsSync(fifo)) return;
    const child = spawn('node', ['bin/leadledger.js', '--db', db, 'api', 'csv:inspect', '{}', '--file', fifo], { env });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      child.on('close', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    expect(code).toBe(1);
    expect(stderr).toContain('it is a pipe, not a file');
  });
});

describe('unknown input fields', () => {
  it('a typo in an optional field: one line naming it, exit 1, nothing changed', () => {
    const r = run('api', 'leads:update', '{"id":1,"stgae":"won"}');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('leadledger: stgae: Unknown field: this operation has no field of that name\n');
    expect(JSON.parse(run('api', 'leads:get', '{"id":1}').stdout).stage).not.toBe('won');
  });
});
