import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerFile } from '../csv/file-registry';
import { dispatch } from '../dispatch';
import { openTempCtx } from '../../../test-support/temp-db';
import { waitForJob } from '../../../test-support/import-jobs';

const fx = (name: string) => path.join(import.meta.dirname, '..', 'csv', '__fixtures__', name);
let ctx: ReturnType<typeof openTempCtx>;
beforeEach(() => {
  ctx = openTempCtx();
});
afterEach(() => ctx.close());

const fileId = (file: string) =>
  registerFile({ path: file, name: path.basename(file), mode: 'read', temporary: false });
async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await dispatch(ctx, name, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('csv:inspect says which layout and why, and previews the first rows as they will be read', () => {
  it('a recognised platform file', async () => {
    const i = await call<Record<string, unknown>>('csv:inspect', { fileId: fileId(fx('upwork-legacy-excel.csv')) });
    expect(i).toMatchObject({
      format: 'upwork-legacy',
      layout: {
        label: 'Upwork transaction history (legacy statement)',
        recognisedBy: ['Date', 'Ref ID', 'Type', 'Description', 'Amount'],
        readAs: ['comma-separated', 'Date as D-MMM-YY'],
      },
      problem: null,
    });
    const rows = i.readRows as { line: number; kind: string; date: string; amount: string }[];
    expect(rows.slice(0, 6).map((r) => [r.line, r.kind, r.date, r.amount])).toEqual([
      [2, 'transfer', '', ''],
      [3, 'expense (subscription)', '2021-03-27', '20.00'],
      [4, 'expense (fee)', '2021-03-25', '0.99'],
      [5, 'transfer', '', ''],
      [6, 'fee', '', ''],
      [7, 'payment', '2021-03-09', '300.00'],
    ]);
  });

  it('another report of a known platform is named, and the wizard offered', async () => {
    const i = await call<Record<string, unknown>>('csv:inspect', {
      fileId: fileId(fx('upwork-earnings-by-contract.csv')),
    });
    expect(i).toMatchObject({ format: null, layout: null, problem: expect.stringMatching(/Earnings by contract/) });
  });

  it('preview and inspect of an oversized row are invalid_input with the line, not internal (issue 9.7)', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'll-big-')), 'big.csv');
    fs.writeFileSync(file, `ref,source,title,created_on\nX1,Upwork,"${'a'.repeat(1_100_000)}",2026-08-01\n`);
    const id = fileId(file);
    const inspect = await dispatch(ctx, 'csv:inspect', { fileId: id });
    expect(inspect).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: expect.stringMatching(/Line 2: the record starting here is larger than 1024 KB/),
      },
    });
    const mapping = {
      target: 'leads',
      columns: { title: 2, source: 1, created_on: 3 },
      dateFormat: 'YYYY-MM-DD',
      decimal: '.',
    };
    const preview = await dispatch(ctx, 'csv:preview', { fileId: id, mapping });
    expect(preview).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/Line 2/) },
    });
  });
});

describe('unknown types: listed in the summary, decided once per platform through the API', () => {
  it('decide, list, import again, forget', async () => {
    const id = fileId(fx('upwork-legacy-unknown-types.csv'));
    const first = await waitForJob(
      (await call<{ jobId: string }>('csv:start-import', { fileId: id, dryRun: true })).jobId,
    );
    expect(first.summary!.unknownTypes.map((u) => [u.type, u.count])).toEqual([
      ['Adjustment', 2],
      ['Expense', 1],
    ]);
    const bad = await dispatch(ctx, 'csv:decide-types', {
      platform: 'upwork',
      decisions: [{ type: 'Expense', as: 'expense' }],
    });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: [{ path: 'decisions.0.category' }] },
    });
    const saved = await call('csv:decide-types', {
      platform: 'upwork',
      decisions: [
        { type: 'Adjustment', as: 'transfer' },
        { type: 'Expense', as: 'expense', category: 'other' },
      ],
    });
    expect(saved).toEqual([
      { platform: 'upwork', type: 'Adjustment', as: 'transfer', category: null },
      { platform: 'upwork', type: 'Expense', as: 'expense', category: 'other' },
    ]);
    const second = await waitForJob((await call<{ jobId: string }>('csv:start-import', { fileId: id })).jobId);
    expect(second.summary).toMatchObject({
      applied: true,
      unknownTypes: [],
      transfers: 2,
      counts: { payments: 1, expenses: { other: 1 } },
    });
    expect(await call('csv:forget-type', { platform: 'upwork', type: 'adjustment' })).toEqual({ deleted: true });
    expect(await call('csv:type-decisions', {})).toEqual([
      { platform: 'upwork', type: 'Expense', as: 'expense', category: 'other' },
    ]);
  });
});
