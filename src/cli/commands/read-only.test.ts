import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCliCaptured as cli } from '../test-support/run-captured';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function emptyDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadledger-ro-'));
  dirs.push(dir);
  return dir;
}

const fixture = path.resolve('src/core/csv/__fixtures__/leads-lf.csv');

describe('read-only commands create nothing', () => {
  for (const argv of [
    ['report'],
    ['report', '--json'],
    ['export', 'leads'],
    ['export', 'report', '--json'],
    ['check'],
    ['backup', '--list'],
    ['connects'],
    ['funnel'],
    ['plan', '--source', 'Upwork', '--proposals', '10'],
    ['api', 'reports:channels'],
    ['api', 'leads:list', '{"limit":5}'],
  ]) {
    it(`${argv.join(' ')} on a missing database: exit 1, one line, no folder or file made`, async () => {
      const dir = emptyDir();
      for (const db of [path.join(dir, 'leadledger.db'), path.join(dir, 'not', 'yet', 'leadledger.db')]) {
        const r = await cli('--db', db, ...argv);
        expect(r).toEqual({ code: 1, stdout: '', stderr: `leadledger: no LeadLedger database at ${db}\n` });
      }
      expect(fs.readdirSync(dir)).toEqual([]);
    });
  }

  it('an empty file is no database either, and stays as it is', async () => {
    const dir = emptyDir();
    const db = path.join(dir, 'leadledger.db');
    fs.writeFileSync(db, '');
    expect((await cli('--db', db, 'report')).stderr).toBe(`leadledger: no LeadLedger database at ${db}\n`);
    expect(fs.readdirSync(dir)).toEqual(['leadledger.db']);
    expect(fs.statSync(db).size).toBe(0);
  });

  it('export -o to a missing database writes no output file', async () => {
    const dir = emptyDir();
    const out = path.join(dir, 'leads.csv');
    expect((await cli('--db', path.join(dir, 'x.db'), 'export', 'leads', '-o', out)).code).toBe(1);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a write creates a new database: connects opening and api sources:create (the contract marks both writes)', async () => {
    const dir = emptyDir();
    const viaApi = path.join(dir, 'a', 'api.db');
    expect((await cli('--db', viaApi, 'api', 'sources:create', '{"name":"Referrals"}')).code).toBe(0);
    expect(fs.existsSync(viaApi)).toBe(true);
    const viaConnects = path.join(dir, 'b', 'connects.db');
    const opening = ['connects', 'opening', '--source', 'Upwork', '--count', '40', '--on', '2026-01-01'];
    expect((await cli('--db', viaConnects, ...opening)).code).toBe(0);
    expect(fs.existsSync(viaConnects)).toBe(true);
  });

  it('a call that does not run creates nothing: an unknown operation, an invalid input', async () => {
    const dir = emptyDir();
    const db = path.join(dir, 'leadledger.db');
    expect((await cli('--db', db, 'api', 'leads:nothing')).code).toBe(1);
    expect((await cli('--db', db, 'api', 'leads:list', '{"limit":"many"}')).stderr).toMatch(/limit/);
    expect((await cli('--db', db, 'api', 'sources:create', '{}')).stderr).toMatch(/name/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('seed and import still create a new database (and its folder)', async () => {
    const dir = emptyDir();
    const seeded = path.join(dir, 'a', 'seeded.db');
    expect((await cli('--db', seeded, 'seed', '--leads', '5')).code).toBe(0);
    expect(fs.existsSync(seeded)).toBe(true);
    const imported = path.join(dir, 'b', 'imported.db');
    expect((await cli('--db', imported, 'import', fixture)).code).toBe(0);
    expect(fs.existsSync(imported)).toBe(true);
    // and then the read-only commands work on them
    expect((await cli('--db', imported, 'report', '--json')).code).toBe(0);
    expect((await cli('--db', imported, 'check')).code).toBe(0);
  });

  it('web still creates a new database', { timeout: 60_000 }, async () => {
    const dir = emptyDir();
    const renderer = path.join(dir, 'renderer');
    fs.mkdirSync(renderer);
    fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>x</title>');
    const db = path.join(dir, 'web', 'leadledger.db');
    const child = spawn(process.execPath, ['bin/leadledger.js', '--db', db, 'web', '--port', '0'], {
      env: { ...process.env, LEADLEDGER_FROM_SOURCE: '1', LEADLEDGER_RENDERER_DIR: renderer },
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('Press Ctrl+C')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`web exited ${code}: ${out}`)));
    });
    expect(fs.existsSync(db)).toBe(true);
    const exited = new Promise<string>((resolve) =>
      child.once('exit', (code, signal) => resolve(`${code} ${signal} ${err}`)),
    );
    child.kill('SIGTERM');
    expect(await exited).toBe('0 null ');
  });
});
