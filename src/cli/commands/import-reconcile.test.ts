import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDbPath } from '../../../test-support/temp-db';
import { runCliCaptured } from '../test-support/run-captured';

// docs/domain.md §7 through the CLI on a real file: typed payments, then a statement holding them.
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const cli = runCliCaptured;

const statement = [
  'Date,Ref ID,Type,Description,Agency,Freelancer,Team,Account Name,PO,Amount,Amount in local currency,Currency,Balance',
  '24-Mar-26,900003,Fixed Price,Invoice for API integration,,,,Ever,,250,,,0',
  '13-Mar-26,900002,Hourly,Invoice for Shopify theme fixes,,,,Ever,,240,,,0',
  '06-Mar-26,900001,Fixed Price,Invoice for Landing page rebuild,,,,Ever,,200,,,0',
].join('\n');

describe('leadledger import meets typed payments', () => {
  it('a refused import says --json inserted 0, naming the bad row', async () => {
    const db = tempDbPath();
    dirs.push(path.dirname(db));
    const file = path.join(path.dirname(db), 'expenses.csv');
    fs.writeFileSync(
      file,
      'ref,date,source,category,description,amount,currency,connects\ne1,2026-03-01,Upwork,advertising,Ads,25.00,USD,\ne2,2026-03-02,Upwork,connects,Returned,-12.00,USD,80\n',
    );
    const run = await cli('--db', db, 'import', file, '--json');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({
      applied: false,
      inserted: 0,
      invalidCount: 1,
      invalid: [{ line: 3, message: expect.stringMatching(/^amount: A Connects purchase cannot be negative/) }],
    });
  });

  it('prints matched and possible duplicates, lists them with --json, and imports:undo puts the typed ones back', async () => {
    const db = tempDbPath();
    dirs.push(path.dirname(db));
    const file = path.join(path.dirname(db), 'statements_2026-03-01_2026-03-31.csv');
    fs.writeFileSync(file, `${statement}\n`);
    const api = (op: string, input: object) => cli('--db', db, 'api', op, JSON.stringify(input));
    // A write makes the database (with its preset channels); a read alone would not (the CLI's store mode).
    expect((await api('sources:create', { name: 'Contra' })).code).toBe(0);
    const sources = JSON.parse((await api('sources:list', {})).stdout) as { id: number; name: string }[];
    const upwork = sources.find((s) => s.name === 'Upwork')!.id;
    expect((await api('payments:create', { sourceId: upwork, date: '2026-03-03', gross: '200.00' })).code).toBe(0);
    expect((await api('payments:create', { sourceId: upwork, date: '2026-02-20', gross: '240.00' })).code).toBe(0); // 21 days before

    const run = await cli('--db', db, 'import', file);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/: 2 inserted, 0 updated/);
    expect(run.stdout).toContain(
      'Matched to what you entered: 1\n  payment of 2026-03-06, 200.00 USD is payment #1 (2026-03-03, 200.00 USD, Upwork',
    );
    expect(run.stdout).toContain('Possible duplicates: 1 (imported as new');
    expect(run.stdout).toContain(
      '  payment of 2026-03-13, 240.00 USD imported as new: possible duplicate of payment #2 (2026-02-20, 240.00 USD, Upwork)',
    );

    const json = await cli('--db', db, 'import', file, '--dry-run', '--json');
    const summary = JSON.parse(json.stdout) as { matched: unknown[]; possibleDuplicates: unknown[]; inserted: number };
    // Again: the statement's rows are known by their keys now; nothing is typed-only any more but payment #2.
    expect(summary).toMatchObject({ inserted: 0, matched: [] });

    const list = await cli('--db', db, 'api', '--list');
    expect(list.stdout).toMatch(/imports:undo/);
    const undo = await api('imports:undo', { id: 1 });
    expect(undo.code).toBe(0);
    expect(JSON.parse(undo.stdout)).toMatchObject({ restored: 1, removed: { payments: 2 } });
    const file2 = new Database(db, { readonly: true });
    try {
      expect(file2.prepare(`SELECT id, date, gross_minor, import_id FROM payments ORDER BY id`).all()).toEqual([
        { id: 1, date: '2026-03-03', gross_minor: 20000, import_id: null },
        { id: 2, date: '2026-02-20', gross_minor: 24000, import_id: null },
      ]);
    } finally {
      file2.close();
    }
  });
});
