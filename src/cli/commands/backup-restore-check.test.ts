import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { listBackups } from '../../core/db/backup';
import { damagePage, sha256, truncateFile } from '../../core/backups/corrupt-files';
import { latestVersion } from '../../core/db/migrations';
import { tempDbPath } from '../../../test-support/temp-db';
import { runCliCaptured } from '../test-support/run-captured';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const cli = runCliCaptured;

async function seeded(leads = 200) {
  const file = tempDbPath();
  dirs.push(path.dirname(file));
  expect((await cli('--db', file, 'seed', '--leads', String(leads))).code).toBe(0);
  return file;
}

const leadCount = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM leads').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('leadledger backup / restore', () => {
  it('backs up, lists, and restores keeping a copy of what it replaces', async () => {
    const file = await seeded(200);
    const made = await cli('--db', file, 'backup');
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(
      /^Backed up .* to .*backups\/leadledger-\d{8}-\d{6}-\d{3}-manual\.db \(\d+\.\d MB, integrity checked\)\n$/,
    );
    const [backup] = listBackups(file);
    expect((await cli('--db', file, 'backup', '--list')).stdout).toContain(backup!.path);
    await cli('--db', file, 'seed', '--leads', '50', '--seed', '9');
    expect(leadCount(file)).toBe(250);
    const restored = await cli('--db', file, 'restore', backup!.path);
    expect(restored).toMatchObject({ code: 0, stderr: '' });
    expect(restored.stdout).toMatch(/The database it replaced was kept as .*-pre-restore\.db/);
    expect(leadCount(file)).toBe(200);
    const kept = listBackups(file).find((b) => b.reason === 'pre-restore')!;
    expect(leadCount(kept.path)).toBe(250);
  });

  it('refuses a damaged backup with one line and a non-zero exit, changing nothing', async () => {
    const file = await seeded(300);
    await cli('--db', file, 'backup');
    const [backup] = listBackups(file);
    damagePage(backup!.path, 4);
    const hash = sha256(file);
    const result = await cli('--db', file, 'restore', backup!.path);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^leadledger: Not restored: .* is damaged .*\n$/);
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(sha256(file)).toBe(hash);
    expect(listBackups(file)).toHaveLength(1);
  });

  it('refuses a backup from a newer schema', async () => {
    const file = await seeded(10);
    const newer = path.join(path.dirname(file), 'from-the-future.db');
    fs.copyFileSync(file, newer);
    const db = new Database(newer);
    db.pragma(`user_version = ${latestVersion + 1}`);
    db.close();
    const result = await cli('--db', file, 'restore', newer);
    expect(result).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^leadledger: Not restored: .*newer LeadLedger/),
    });
  });
});

describe('leadledger check', () => {
  it('says ok on a healthy database', async () => {
    const file = await seeded(150);
    const result = await cli('--db', file, 'check');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^ok: integrity, references and summary tables of .* \(schema \d+, 150 leads\)\n$/);
  });

  it('finds drifted summary tables and broken references, and --repair rebuilds the summaries', async () => {
    const file = await seeded(150);
    const db = new Database(file);
    db.exec(
      `UPDATE lead_rollup SET leads = leads + 1 WHERE (source_id, day, currency) = (SELECT source_id, day, currency FROM lead_rollup LIMIT 1)`,
    );
    db.close();
    const drift = await cli('--db', file, 'check');
    expect(drift.code).toBe(1);
    expect(drift.stderr).toMatch(
      /^leadledger: .*summary tables differ from the data \(lead_rollup\); run leadledger check --repair\n$/,
    );
    const repaired = await cli('--db', file, 'check', '--repair');
    expect(repaired).toMatchObject({ code: 0, stdout: expect.stringMatching(/summary tables rebuilt/) });
    expect((await cli('--db', file, 'check')).code).toBe(0);

    const broken = new Database(file);
    broken.pragma('foreign_keys = OFF');
    broken.exec(`UPDATE leads SET source_id = 9999 WHERE id = (SELECT MIN(id) FROM leads)`);
    broken.close();
    const fk = await cli('--db', file, 'check');
    expect(fk).toMatchObject({ code: 1, stderr: expect.stringMatching(/1 broken reference \(leads → sources\)/) });
  });

  for (const [what, damage] of [
    ['truncated', (f: string) => truncateFile(f, 0.4)],
    ['damaged', (f: string) => damagePage(f, 5)],
    ['foreign', (f: string) => fs.writeFileSync(f, 'PK\u0003\u0004 a zip file, not a database'.repeat(10))],
  ] as const) {
    it(`reports a ${what} file in one line, exits non-zero, and every command leaves it untouched`, async () => {
      const file = await seeded(400);
      damage(file);
      const hash = sha256(file);
      for (const argv of [['check'], ['backup'], ['seed', '--leads', '1']]) {
        const result = await cli('--db', file, ...argv);
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/^leadledger: .*(is damaged|not a LeadLedger database).*\n$/);
        expect(result.stderr.trim().split('\n')).toHaveLength(1);
      }
      expect(sha256(file)).toBe(hash);
      expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(['leadledger.db']);
    });
  }

  it('refuses a database from a newer LeadLedger in every command, untouched', async () => {
    const file = await seeded(20);
    const db = new Database(file);
    db.pragma(`user_version = ${latestVersion + 1}`);
    db.close();
    const hash = sha256(file);
    for (const argv of [['check'], ['backup'], ['seed', '--leads', '1']]) {
      const result = await cli('--db', file, ...argv);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        new RegExp(
          `^leadledger: .*was written by a newer LeadLedger \\(schema ${latestVersion + 1}; this version knows up to ${latestVersion}\\)\\. It was left untouched: update LeadLedger to open it\\.\\n$`,
        ),
      );
    }
    expect(sha256(file)).toBe(hash);
  });
});
