import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDbPath } from '../../../test-support/temp-db';
import { runCliCaptured as cli } from '../test-support/run-captured';

// docs/domain.md §6 in the CLI: a time tracker's file takes --source NAME [--kind sales|delivery] for
// the whole file, or the saved project mapping; an unmapped project is an invalid row naming it.

const fx = (name: string) => path.resolve('src/core/csv/__fixtures__', name);
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
function freshDb() {
  const file = tempDbPath();
  dirs.push(path.dirname(file));
  return file;
}
const rows = (file: string, sql: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
};

describe('leadledger import of a time tracker', () => {
  it('without a channel: refused, each unmapped project named, and how to map it said; with --source/--kind: imported', async () => {
    const db = freshDb();
    const refused = await cli('--db', db, 'import', fx('toggl-subset.csv'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/line 2: project "Website" is not mapped to a channel/);
    expect(refused.stderr).toMatch(/line 5: project "Proposals" is not mapped to a channel/);
    expect(refused.stderr).toContain(
      "Map the projects once on the app's Import page, or give the whole file a channel: --source NAME [--kind sales|delivery]",
    );
    const imported = await cli('--db', db, 'import', fx('toggl-subset.csv'), '--source', 'Upwork', '--kind', 'sales');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/Toggl Track detailed report, 6 rows\): 5 inserted/);
    expect(imported.stdout).toMatch(/Rows became: 5 time entries/);
    expect(imported.stdout).toMatch(/Skipped: 1 entries under half a minute/);
    expect(rows(db, `SELECT kind, SUM(minutes) AS m FROM time_entries GROUP BY kind`)).toEqual([
      { kind: 'sales', m: 407 },
    ]);
    expect(await cli('--db', db, 'import', fx('toggl-subset.csv'), '--kind', 'later')).toMatchObject({
      code: 2,
      stderr: 'leadledger: --kind must be sales or delivery\n',
    });
  });

  it('a Harvest summary is named, with what to export instead', async () => {
    const db = freshDb();
    const dir = path.dirname(db);
    const file = path.join(dir, 'harvest-summary.csv');
    fs.writeFileSync(file, 'Client,Project,Hours,Billable Hours\nAcme,Website,12.5,12.5\n');
    const r = await cli('--db', db, 'import', file);
    expect(r).toMatchObject({ code: 1 });
    expect(r.stderr).toMatch(/This is a Harvest time summary: export the detailed time report instead/);
  });
});
