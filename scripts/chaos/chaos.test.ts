import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const hasSqlite = spawnSync('sqlite3', ['-version']).status === 0;

// A few sequences in `npm test`; the full run is `node scripts/chaos.mjs --sequences 1000` (docs/safety.md).
// Seed 4 from #0 draws the scenarios of docs/safety.md: a sqlite3 shell opened before a big import and
// writing after it, a restore under app writes, a start under the shell's exclusive lock, and one
// sequence through a symlinked database path.
describe.skipIf(!hasSqlite)('chaos: app, CLI, foreign sqlite3 clients, restores and SIGKILLs on one file', () => {
  it('loses no acknowledged write and damages nothing', { timeout: 300_000 }, () => {
    const run = spawnSync(
      process.execPath,
      ['scripts/chaos.mjs', '--sequences', '3', '--seed', '4', '--first', '0', '--leads', '1000'],
      { cwd: root, encoding: 'utf8', timeout: 290_000 },
    );
    const out = run.stdout + run.stderr;
    const figure = (name: string) => Number(new RegExp(`^${name}: (\\d+)`, 'm').exec(run.stdout)?.[1] ?? NaN);
    expect(figure('sequences run'), out).toBe(3);
    expect(figure('lost'), out).toBe(0);
    expect(figure('damaged'), out).toBe(0);
    expect(figure('CLI failures without a one-line message'), out).toBe(0);
    expect(figure('harness errors'), out).toBe(0);
    expect(run.stdout).toMatch(/^seed: 4$/m);
    for (const step of ['foreign-open-early+app-import', 'cli-restore+api-writes', 'restart-under-lock'])
      expect(run.stdout, out).toContain(` ${step}`);
    expect(figure('sequences through a symlinked database path'), out).toBeGreaterThan(0);
    // The run must have done something worth checking.
    expect(figure('kills'), out).toBeGreaterThan(0);
    expect(figure('acknowledged writes checked'), out).toBeGreaterThan(20);
    expect(run.status, out).toBe(0);
  });
});
