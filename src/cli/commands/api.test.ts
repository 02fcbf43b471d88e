import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contract, operationNames } from '../../shared/api/contract';
import { tempDbPath } from '../../../test-support/temp-db';
import { runCliCaptured as cli, runCliWithStdin } from '../test-support/run-captured';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function freshDb() {
  const file = tempDbPath();
  dirs.push(path.dirname(file));
  return file;
}

/** A database made by a write, as a user's first `api` call that writes would make it. */
async function createdDb() {
  const db = freshDb();
  expect((await cli('--db', db, 'api', 'sources:create', '{"name":"Contra"}')).code).toBe(0);
  return db;
}

const oneLine = (text: string) => text.endsWith('\n') && text.trim().split('\n').length === 1;

describe('leadledger api', () => {
  it('--list prints every operation of the contract with its one-line description', async () => {
    const { code, stdout } = await cli('api', '--list');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual(operationNames);
    for (const name of operationNames) {
      const description = contract[name].description;
      expect(description, `${name} needs a description in its op(…) definition`).toMatch(/^[A-Z].{8,}/);
      expect(lines.find((l) => l.startsWith(`${name} `))).toContain(description);
    }
  });

  it('OPERATION --help lists the input fields from the zod schema: names, types, required, enums, defaults', async () => {
    const { code, stdout } = await cli('api', 'leads:create', '--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^leads:create: Add a lead\n/);
    expect(stdout).toMatch(/^ {2}title +string \(1–200 characters\) +required$/m);
    expect(stdout).toMatch(/^ {2}sourceId +integer \(> 0\) +required$/m);
    expect(stdout).toMatch(/^ {2}stage +one of new \| applied \| replied \| interview \| won \| lost +optional$/m);
    expect(stdout).toMatch(/^ {2}tags +array of string/m);
    const board = (await cli('api', 'leads:board', '--help')).stdout;
    expect(board).toMatch(/^ {2}perColumn +integer \(1–500\) +optional, default 100$/m);
    const nested = (await cli('api', 'csv:start-import', '--help')).stdout;
    expect(nested).toMatch(/^ {2}mapping\.target +one of leads \| payments \| expenses \| time +required$/m);
    expect((await cli('api', 'app:info', '--help')).stdout).toContain('Input: none ({})');
  });

  it('prints the value as JSON and exits 0; writes go through the same dispatcher as the app', async () => {
    const db = freshDb();
    const created = await cli('--db', db, 'api', 'sources:create', '{"name":"Toptal"}');
    expect(created).toMatchObject({ code: 0, stderr: '' });
    const source = JSON.parse(created.stdout);
    expect(source).toMatchObject({ name: 'Toptal' });
    const lead = await cli(
      '--db',
      db,
      'api',
      'leads:create',
      JSON.stringify({ title: 'Data pipeline', sourceId: source.id, createdOn: '2026-08-01' }),
    );
    expect(lead.code).toBe(0);
    expect(JSON.parse(lead.stdout)).toMatchObject({ title: 'Data pipeline', stage: 'new' });
    const info = JSON.parse((await cli('--db', db, 'api', 'app:info')).stdout);
    expect(info).toMatchObject({ dbPath: db, leadCount: 1 });
  });

  it('an unknown operation: one line, exit 1, no database created; --json prints the envelope', async () => {
    const db = freshDb();
    const r = await cli('--db', db, 'api', 'leads:explode', '{}');
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'leadledger: Unknown operation "leads:explode"\n' });
    expect(fs.existsSync(db)).toBe(false);
    const json = await cli('--db', db, 'api', 'leads:explode', '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({
      ok: false,
      error: { code: 'unknown_operation', message: 'Unknown operation "leads:explode"' },
    });
    expect((await cli('api', 'leads:explode', '--help')).code).toBe(1);
  });

  it('bad JSON: one line naming the problem, exit 1; --json gives the invalid_input envelope', async () => {
    const db = freshDb();
    const r = await cli('--db', db, 'api', 'leads:create', '{title: x}');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^leadledger: The input is not valid JSON: /);
    expect(oneLine(r.stderr)).toBe(true);
    const json = await cli('--db', db, 'api', 'leads:create', '{title', '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/not valid JSON/) },
    });
    expect(fs.existsSync(db)).toBe(false);
  });

  it('invalid input: one line naming every field, exit 1; --json gives the fields', async () => {
    const db = freshDb();
    const r = await cli('--db', db, 'api', 'leads:create', '{"title":"","stage":"pending"}');
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toBe(true);
    for (const field of ['title', 'sourceId', 'stage']) expect(r.stderr).toContain(`${field}: `);
    const json = JSON.parse((await cli('--db', db, 'api', 'leads:create', '{"title":""}', '--json')).stdout);
    expect(json.ok).toBe(false);
    expect(json.error.code).toBe('invalid_input');
    expect(json.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['sourceId', 'title']);
  });

  it('a handler error: its message in one line, exit 1, envelope with --json', async () => {
    const db = await createdDb();
    const r = await cli('--db', db, 'api', 'leads:get', '{"id":424242}');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('leadledger: Lead 424242 does not exist\n');
    expect(oneLine(r.stderr)).toBe(true);
    const json = JSON.parse((await cli('--db', db, 'api', 'leads:get', '{"id":424242}', '--json')).stdout);
    expect(json).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('a read on a missing database creates nothing and says so; a write creates it (the contract says which)', async () => {
    const dir = path.dirname(freshDb());
    const missing = path.join(dir, 'nope', 'x.db');
    const read = await cli('--db', missing, 'api', 'backups:list');
    expect(read).toEqual({ code: 1, stdout: '', stderr: `leadledger: no LeadLedger database at ${missing}\n` });
    const json = JSON.parse((await cli('--db', missing, 'api', 'leads:list', '--json')).stdout);
    expect(json).toMatchObject({ ok: false, error: { message: `no LeadLedger database at ${missing}` } });
    expect(fs.existsSync(path.join(dir, 'nope'))).toBe(false);
    expect((await cli('--db', missing, 'api', 'sources:create', '{"name":"Toptal"}')).code).toBe(0);
    expect(JSON.parse((await cli('--db', missing, 'api', 'backups:list')).stdout)).toEqual(expect.any(Object));
  });

  it('reads the input from stdin with -, in-process and from a real pipe', async () => {
    const db = freshDb();
    const r = await runCliWithStdin('{"name":"Contra"}\n', '--db', db, 'api', 'sources:create', '-');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).name).toBe('Contra');
    const child = spawnSync(process.execPath, ['bin/leadledger.js', '--db', db, 'api', 'sources:list', '-'], {
      input: '{"includeArchived":true}',
      encoding: 'utf8',
      env: { ...process.env, LEADLEDGER_FROM_SOURCE: '1' },
    });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(JSON.parse(child.stdout).map((s: { name: string }) => s.name)).toContain('Contra');
    const bad = spawnSync(process.execPath, ['bin/leadledger.js', '--db', db, 'api', 'sources:create', '-'], {
      input: 'not json',
      encoding: 'utf8',
      env: { ...process.env, LEADLEDGER_FROM_SOURCE: '1' },
    });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^leadledger: The input is not valid JSON: .*\n$/);
  });

  it('--file registers a path for operations that take a fileId', async () => {
    const db = await createdDb();
    const fixture = path.resolve('src/core/csv/__fixtures__/leads-lf.csv');
    const r = await cli('--db', db, 'api', 'csv:inspect', '--file', fixture);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ fileName: 'leads-lf.csv', format: 'leads' });
    const out = path.join(path.dirname(db), 'out.csv');
    const exported = await cli('--db', db, 'api', 'csv:export-file', '{"kind":"leads"}', '--output', out);
    expect(JSON.parse(exported.stdout)).toEqual({ rows: 0, fileName: 'out.csv' });
    expect(fs.readFileSync(out, 'utf8')).toMatch(/^ref,source,title,/);
  });

  it('usage mistakes exit 2', async () => {
    expect((await cli('api')).code).toBe(2);
    expect((await cli('api', 'app:info', '{}', '{}')).code).toBe(2);
    expect((await cli('api', '--help')).stdout).toContain('leadledger api --list');
  });
});
