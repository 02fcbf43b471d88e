import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDbPath } from '../../test-support/temp-db';
import { errorLine } from './main';
import { runCliCaptured as cli } from './test-support/run-captured';

// Real child processes on the real command (bin/leadledger.js from the TypeScript source).
const env = { ...process.env, LEADLEDGER_FROM_SOURCE: '1' };
let db: string;

beforeAll(async () => {
  db = tempDbPath();
  expect((await cli('--db', db, 'seed', '--leads', '3000')).code).toBe(0);
});
afterAll(() => fs.rmSync(path.dirname(db), { recursive: true, force: true }));

const shell = (script: string) => spawnSync('bash', ['-c', script], { encoding: 'utf8', env, timeout: 60_000 });
const noStack = (text: string) => expect(text).not.toMatch(/^\s+at |Error:.*\n\s+at /m);

describe('the CLI never prints a stack trace', () => {
  it('a closed pipe (export leads | head -1) ends quietly with exit 0', () => {
    const r = shell(`node bin/leadledger.js --db '${db}' export leads | head -1; echo "exit=\${PIPESTATUS[0]}" >&2`);
    expect(r.stdout).toBe(
      'ref,source,title,client,url,stage,created_on,applied_on,closed_on,connects,boost_connects,connects_refunded,value,currency,lost_reason,tags,notes,follow_up_on,invited,minutes_after_post,proposals_when_bid,viewed_on,boost_outcome\r\n',
    );
    expect(r.stderr).toBe('exit=0\n');
  });

  it('api output into a closed pipe too', () => {
    const r = shell(
      `node bin/leadledger.js --db '${db}' api leads:list '{"limit":1000}' | head -c 10 > /dev/null; echo "exit=\${PIPESTATUS[0]}" >&2`,
    );
    expect(r.stderr).toBe('exit=0\n');
  });

  it.skipIf(!fs.existsSync('/dev/full'))('writing into /dev/full: one line saying the disk is full, exit 1', () => {
    for (const args of ['export leads', 'report', 'api app:info']) {
      const r = shell(`node bin/leadledger.js --db '${db}' ${args} > /dev/full`);
      expect(r.status, args).toBe(1);
      expect(r.stderr, args).toBe('leadledger: cannot write the output: the disk is full\n');
    }
  });

  it(
    'a database locked by another process: one friendly line, nothing half-written, no stack',
    { timeout: 60_000 },
    () => {
      const holder = new Database(db);
      holder.pragma('busy_timeout = 0');
      holder.prepare('BEGIN IMMEDIATE').run();
      try {
        const r = shell(`node bin/leadledger.js --db '${db}' api sources:create '{"name":"Locked out"}'`);
        expect(r.status).toBe(1);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(/^leadledger: [^\n]*(SQLITE_BUSY|locked|another|open)[^\n]*\n$/i);
        expect(r.stderr).not.toMatch(/Unexpected error|Something went wrong/);
        noStack(r.stderr);
      } finally {
        holder.prepare('ROLLBACK').run();
        holder.close();
      }
    },
  );

  it('SQLite errors get the API wording (disk full, damaged), never "Unexpected error"', () => {
    const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    expect(errorLine(full)).toBe('The disk is full: nothing was saved. Free some space and try again.');
    const corrupt = Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' });
    expect(errorLine(corrupt)).not.toMatch(/Unexpected error/);
    expect(errorLine(new Error('boom\n    at x (y.ts:1:1)'))).toBe('Unexpected error: boom');
  });
});
