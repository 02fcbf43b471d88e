import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempCtx } from '../../../test-support/temp-db';
import { rollupDrift } from '../rollups/rebuild';
import { ImportCancelled, importCsvFile, type ImportHooks } from './import-engine';
import { probed } from '../../../test-support/probes';

// A big import reads, maps and checks its rows in a worker thread (parsed-rows.ts). What it writes and
// says must be exactly what reading in-thread gives: same rows, same messages with their lines.

const saved = { ...process.env };
let dir: string;
beforeEach(() => {
  process.env.LEADLEDGER_IMPORT_BULK_BYTES = '0'; // every file counts as big: planned from its first rows
  process.env.LEADLEDGER_IMPORT_FIRST_ROWS = '50';
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-parsed-'));
});
afterEach(() => {
  for (const key of [
    'LEADLEDGER_IMPORT_BULK_BYTES',
    'LEADLEDGER_IMPORT_FIRST_ROWS',
    'LEADLEDGER_IMPORT_WORKER_STOP_AT_LINE',
  ]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

const head = 'ref,source,title,client,stage,created_on,applied_on,value,currency,tags\n';

/** 3,000 leads over several batches, with the faults a real file has at known lines. */
function leadsFile(): string {
  const lines: string[] = [];
  for (let i = 0; i < 3000; i++) {
    const line = i + 2;
    let row = `r${i},${['Upwork', 'Fiverr', 'LinkedIn'][i % 3]},"Job ${i}, part ""${i % 7}""",Client ${i % 40},${i % 5 === 0 ? 'applied' : 'new'},2026-0${1 + (i % 8)}-1${i % 10},${i % 5 === 0 ? `2026-0${1 + (i % 8)}-2${i % 10}` : ''},${(i * 13.5).toFixed(2)},USD,${i % 4 === 0 ? 'web;urgent' : ''}`;
    if (line === 700) row = `r${i},Upwork,Bad date,,new,2026-13-45,,10.00,USD,`;
    if (line === 1500) row = `${row},surplus`;
    if (line === 2200) row = `r10,Upwork,Job 10 again,Client 10,new,2026-03-10,,99.00,USD,`;
    if (line === 2600) row = `r${i},Upwork,,,new,2026-03-10,,1.00,USD,`;
    lines.push(row);
  }
  return head + lines.join('\n') + '\n';
}

async function importWith(csv: string, hooks: Partial<ImportHooks> = {}, skipInvalid = true) {
  const file = path.join(dir, 'leads.csv');
  fs.writeFileSync(file, csv);
  const ctx = openTempCtx();
  try {
    const result = await importCsvFile(ctx.db, file, { as: 'leads', skipInvalid }, { now: ctx.now, ...hooks }).then(
      (summary) => ({ summary: { ...summary, importId: null }, error: null }),
      (error: Error) => ({ summary: null, error: `${error.name}: ${error.message}` }),
    );
    const rows = ctx.db
      .prepare(
        `SELECT ref, source_id, title, client, stage, created_on, applied_on, value_minor, tags, position, client_id FROM leads ORDER BY id`,
      )
      .all();
    expect(rollupDrift(ctx.db)).toEqual([]);
    return { ...result, rows };
  } finally {
    ctx.close();
  }
}

describe('a parse worker', () => {
  it('gives the rows, counts and messages (with their lines) of reading in-thread', async () => {
    const csv = leadsFile();
    const before = probed.parseWorkerRun;
    const worker = await importWith(csv);
    expect(probed.parseWorkerRun, 'the worker fed the whole file').toBe(before + 1);
    const inThread = await importWith(csv, { parseWorker: false });
    expect(probed.parseWorkerRun).toBe(before + 1);
    expect(worker).toEqual(inThread);
    expect(worker.rows.length).toBe(2996);
    const messages = JSON.stringify(worker.summary?.invalid);
    for (const line of [700, 1500, 2600]) expect(messages).toContain(`${line}`);
    expect(worker.summary).toMatchObject({ rows: 3000, inserted: 2996, updated: 1 });
  });

  it('refuses a file with invalid rows as in-thread (nothing written) unless told to skip them', async () => {
    const csv = leadsFile();
    const worker = await importWith(csv, {}, false);
    expect(worker).toEqual(await importWith(csv, { parseWorker: false }, false));
    expect(worker.rows).toEqual([]);
    expect(worker.summary?.applied).toBe(false);
  });

  it('stops at a broken quote with the in-thread message and writes nothing', async () => {
    const csv = `${leadsFile()}zz,Upwork,"never closed,new,2026-01-01\n`;
    const worker = await importWith(csv);
    expect(worker.error).toMatch(/Line 3002: a quoted field is never closed/);
    expect(worker).toEqual(await importWith(csv, { parseWorker: false }));
    expect(worker.rows).toEqual([]);
  });

  it('stops when cancelled part-way, writing nothing', async () => {
    let chunks = 0;
    const cancelled = await importWith(
      leadsFile().repeat(1).concat(leadsFile().slice(head.length).replace(/^r/gm, 's')),
      {
        chunkBytes: 16 * 1024,
        onProgress: () => chunks++,
        isCancelled: () => chunks >= 2,
      },
    );
    expect(cancelled.error).toBe(`${new ImportCancelled().name}: ${new ImportCancelled().message}`);
    expect(cancelled.rows).toEqual([]);
  });

  it('that stops part-way (a crash, out of memory): the import starts again in-thread and ends as reading in-thread', async () => {
    const csv = leadsFile();
    const inThread = await importWith(csv, { parseWorker: false });
    process.env.LEADLEDGER_IMPORT_WORKER_STOP_AT_LINE = '1800';
    const before = probed.parseWorkerRun;
    const recovered = await importWith(csv);
    expect(probed.parseWorkerRun, 'the worker never finished').toBe(before);
    expect(recovered).toEqual(inThread);
  });
});
