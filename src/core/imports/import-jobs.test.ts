import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeLeadsCsv } from '../csv/bench/generate-leads';
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

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await dispatch(ctx, name, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

const fileId = (file: string) =>
  registerFile({ path: file, name: path.basename(file), mode: 'read', temporary: false });

describe('csv:* operations', () => {
  it('inspect recognises a format; an unknown one gets suggestions and the wizard fields', async () => {
    const upwork = await call<{ format: string; formatLabel: string }>('csv:inspect', {
      fileId: fileId(fx('upwork-current.csv')),
    });
    expect(upwork).toMatchObject({ format: 'upwork', formatLabel: 'Upwork transaction history' });
    const other = await call<{
      format: null;
      headers: string[];
      preview: string[][];
      fields: Record<string, { name: string; required: boolean }[]>;
    }>('csv:inspect', {
      fileId: fileId(fx('fiverr-earnings.csv')),
    });
    expect(other.format).toBeNull();
    expect(other.headers).toEqual(['Order Date', 'Buyer', 'Gig', 'Earned']);
    expect(other.preview[1]).toEqual(['26/09/2026', 'beta_buyer', 'Banner, animated', '80,00']);
    expect(other.fields.payments!.filter((f) => f.required).map((f) => f.name)).toEqual(['date', 'gross']);
  });

  it('preview validates each row; save-mapping stores it under the header signature and offers it again', async () => {
    const id = fileId(fx('fiverr-earnings.csv'));
    const mapping = {
      target: 'payments',
      columns: { date: 0, description: 2, gross: 3 },
      dateFormat: 'DD/MM/YYYY',
      decimal: '.',
      source: 'Fiverr',
      currency: 'EUR',
    };
    const bad = await call<{ rows: { line: number; error: string | null }[] }>('csv:preview', { fileId: id, mapping });
    expect(bad.rows.map((r) => r.error)).toEqual([
      'gross: "1.234,50" is not an amount',
      'gross: "80,00" is not an amount',
    ]);
    const good = await call<{ rows: { error: string | null }[] }>('csv:preview', {
      fileId: id,
      mapping: { ...mapping, decimal: ',' },
    });
    expect(good.rows.every((r) => r.error === null)).toBe(true);
    await call('csv:save-mapping', { name: 'Fiverr', fileId: id, mapping: { ...mapping, decimal: ',' } });
    const again = await call<{ mappings: { name: string; matches: boolean }[] }>('csv:inspect', { fileId: id });
    expect(again.mappings).toEqual([expect.objectContaining({ name: 'Fiverr', matches: true })]);
    const other = await call<{ mappings: { matches: boolean }[] }>('csv:inspect', {
      fileId: fileId(fx('leads-lf.csv')),
    });
    expect(other.mappings[0]!.matches).toBe(false);
  });

  it('start-import runs on its own connection and the job reports the summary', async () => {
    const { jobId } = await call<{ jobId: string }>('csv:start-import', { fileId: fileId(fx('leads-lf.csv')) });
    const job = await waitForJob(jobId);
    expect(job).toMatchObject({ state: 'done', rows: 3, error: null });
    expect(job.summary).toMatchObject({ inserted: 3, applied: true });
    expect(
      (
        ctx.db.prepare(`SELECT COUNT(*) AS n FROM leads WHERE import_id = ?`).get(job.summary!.importId) as {
          n: number;
        }
      ).n,
    ).toBe(3);
    const listed = await call<{ total: number }>('leads:list', { importId: job.summary!.importId, limit: 10 });
    expect(listed.total).toBe(3);
  });

  it('deletes an uploaded copy once its import is written, not after a dry run', async () => {
    const dir = fs.mkdtempSync(path.join(path.dirname(ctx.dbPath), 'upload-'));
    const upload = path.join(dir, 'upload.csv');
    fs.copyFileSync(fx('leads-lf.csv'), upload);
    const id = registerFile({ path: upload, name: 'leads.csv', mode: 'read', temporary: true });
    const dry = await waitForJob(
      (await call<{ jobId: string }>('csv:start-import', { fileId: id, dryRun: true })).jobId,
    );
    expect(dry.summary).toMatchObject({ dryRun: true, applied: false });
    expect(fs.existsSync(upload)).toBe(true);
    const done = await waitForJob((await call<{ jobId: string }>('csv:start-import', { fileId: id })).jobId);
    expect(done.summary).toMatchObject({ inserted: 3, applied: true });
    expect(fs.existsSync(dir)).toBe(false);
    expect(await dispatch(ctx, 'csv:inspect', { fileId: id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('cancel leaves nothing imported; a parse error fails the job with its line', async () => {
    const big = path.join(path.dirname(ctx.dbPath), 'big.csv');
    writeLeadsCsv(big, 100_000);
    const { jobId } = await call<{ jobId: string }>('csv:start-import', { fileId: fileId(big) });
    expect(await call('csv:cancel', { jobId })).toEqual({ cancelled: true });
    const job = await waitForJob(jobId);
    expect(job.state).toBe('cancelled');
    expect((ctx.db.prepare(`SELECT COUNT(*) AS n FROM leads`).get() as { n: number }).n).toBe(0);
    const failed = await waitForJob(
      (await call<{ jobId: string }>('csv:start-import', { fileId: fileId(fx('leads-unterminated.csv')) })).jobId,
    );
    expect(failed).toMatchObject({
      state: 'failed',
      error: 'leads-unterminated.csv: Line 3: a quoted field is never closed; nothing was imported',
    });
    fs.rmSync(big);
  });

  it('export-file writes to a registered target; unknown ids are refused', async () => {
    await call('csv:start-import', { fileId: fileId(fx('leads-lf.csv')) }).then((r) =>
      waitForJob((r as { jobId: string }).jobId),
    );
    const target = path.join(path.dirname(ctx.dbPath), 'out.csv');
    const id = registerFile({ path: target, name: 'out.csv', mode: 'write', temporary: false });
    expect(await call('csv:export-file', { fileId: id, kind: 'leads', bom: true })).toEqual({
      rows: 3,
      fileName: 'out.csv',
    });
    expect(fs.readFileSync(target, 'utf8')).toMatch(/^\uFEFFref,source,title/);
    const denied = await dispatch(ctx, 'csv:export-file', { fileId: fileId(fx('leads-lf.csv')), kind: 'leads' });
    expect(denied).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
