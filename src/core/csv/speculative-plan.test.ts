import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempCtx } from '../../../test-support/temp-db';
import { rollupDrift } from '../rollups/rebuild';
import { importCsvFile, type ImportProgress } from './import-engine';

// A big import decides how to read the file from its first rows (here 2) and checks the whole file
// as it goes (speculative-plan.ts): what it writes and says must be what deciding first gives.

const saved = { bulk: process.env.LEADLEDGER_IMPORT_BULK_BYTES, first: process.env.LEADLEDGER_IMPORT_FIRST_ROWS };
let dir: string;
beforeEach(() => {
  process.env.LEADLEDGER_IMPORT_BULK_BYTES = '0'; // every file counts as big
  process.env.LEADLEDGER_IMPORT_FIRST_ROWS = '2';
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-spec-'));
});
afterEach(() => {
  for (const [key, value] of [
    ['LEADLEDGER_IMPORT_BULK_BYTES', saved.bulk],
    ['LEADLEDGER_IMPORT_FIRST_ROWS', saved.first],
  ] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The same file imported speculatively and deciding first, into two fresh databases. */
async function both(csv: string) {
  const file = path.join(dir, 'leads.csv');
  fs.writeFileSync(file, csv);
  const out = [];
  for (const speculate of [true, false]) {
    const ctx = openTempCtx();
    try {
      const progress: ImportProgress[] = [];
      const result = await importCsvFile(
        ctx.db,
        file,
        { as: 'leads' },
        { now: ctx.now, speculate, onProgress: (p) => progress.push(p) },
      ).then(
        (summary) => ({ summary: { ...summary, importId: null }, error: null }),
        (error: Error) => ({ summary: null, error: error.message }),
      );
      const rows = ctx.db.prepare(`SELECT ref, title, value_minor, currency, created_on FROM leads ORDER BY id`).all();
      expect(rollupDrift(ctx.db)).toEqual([]);
      const last = progress.at(-1);
      out.push({ ...result, rows, done: result.error ? null : last && last.bytes === last.totalBytes });
    } finally {
      ctx.close();
    }
  }
  return { speculative: out[0]!, decidedFirst: out[1]! };
}

const head = 'ref,source,title,stage,created_on,value,currency\n';

describe('deciding from the first rows', () => {
  it('a file whose later rows say otherwise (a decimal comma after whole numbers) is imported as deciding first would', async () => {
    const csv = `${head}a,Upwork,A,new,2026-08-01,800,EUR\nb,Upwork,B,new,2026-08-02,900,EUR\nc,Upwork,C,new,2026-08-03,"1.234,56",EUR\n`;
    const { speculative, decidedFirst } = await both(csv);
    expect(speculative).toEqual(decidedFirst);
    expect(decidedFirst.rows).toContainEqual({
      ref: 'c',
      title: 'C',
      value_minor: 123456,
      currency: 'EUR',
      created_on: '2026-08-03',
    });
    expect(speculative.summary?.readAs.join(' ')).toMatch(/decimal comma/);
  });

  it('a file whose later rows contradict the first (a decimal point, then a comma) is refused with the same message, nothing written', async () => {
    const csv = `${head}a,Upwork,A,new,2026-08-01,800.50,EUR\nb,Upwork,B,new,2026-08-02,900,EUR\nc,Upwork,C,new,2026-08-03,"1.234,56",EUR\n`;
    const { speculative, decidedFirst } = await both(csv);
    expect(decidedFirst.error).toMatch(/both a decimal point \(line 2: "800.50"\) and a decimal comma \(line 4/);
    expect(speculative).toEqual(decidedFirst);
    expect(speculative.rows).toEqual([]);
  });

  it('dates that only later rows tell apart (04/05 then 13/05) are read as the whole file says', async () => {
    const csv = `ref,source,title,stage,created_on\na,Upwork,A,new,04/05/2026\nb,Upwork,B,new,05/06/2026\nc,Upwork,C,new,13/05/2026\n`;
    const { speculative, decidedFirst } = await both(csv);
    expect(speculative).toEqual(decidedFirst);
    expect(decidedFirst.rows.map((r) => (r as { created_on: string }).created_on)).toEqual([
      '2026-05-04',
      '2026-06-05',
      '2026-05-13',
    ]);
  });

  it('an ordinary file gives the same rows and summary in one pass, with progress ending at 100 %', async () => {
    const rows = Array.from(
      { length: 50 },
      (_, i) => `r${i},Upwork,T${i},new,2026-08-${String((i % 28) + 1).padStart(2, '0')},${i}.50,USD`,
    );
    const { speculative, decidedFirst } = await both(`${head}${rows.join('\n')}\n`);
    expect(speculative).toEqual(decidedFirst);
    expect(speculative.summary?.inserted).toBe(50);
    expect(speculative.done).toBe(true);
  });
});
