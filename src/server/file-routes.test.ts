import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempCtx } from '../../test-support/temp-db';
import { exportToFile } from '../core/imports/export-to';
import { setupFileRoutes } from './file-routes';
import { startWebServer, type WebServer } from './web-server';

// Browser mode's side of the file-transfer extension, end to end over real HTTP: the same
// operations (csv:inspect, csv:start-import, csv:export-file) as Electron and the CLI.
let ctx: ReturnType<typeof openTempCtx>;
let server: WebServer;
let rendererDir: string;
const token = 'file-routes-token';
const base = () => `http://127.0.0.1:${server.port}`;
const auth = { authorization: `Bearer ${token}` };
const fixture = path.resolve('src/core/csv/__fixtures__/leads-quoted.csv');

beforeAll(async () => {
  ctx = openTempCtx();
  rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadledger-renderer-'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
  setupFileRoutes();
  server = await startWebServer({ ctx, rendererDir, token });
});
afterAll(async () => {
  await server.close();
  ctx.close();
  fs.rmSync(rendererDir, { recursive: true, force: true });
});

async function call(name: string, input: unknown) {
  const response = await fetch(`${base()}/api/${name}`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  return (await response.json()) as { ok: boolean; value: never; error?: { message: string } };
}

const tempFolders = () => fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('leadledger-export-'));

describe('file transfer in browser mode', () => {
  it('upload → csv:start-import; target → csv:export-file → download, byte for byte the export', async () => {
    const upload = await fetch(`${base()}/api/files/upload?name=leads.csv`, {
      method: 'POST',
      headers: auth,
      body: fs.readFileSync(fixture),
    });
    expect(upload.status).toBe(200);
    const uploaded = ((await upload.json()) as { value: { fileId: string; name: string } }).value;
    expect(uploaded.name).toBe('leads.csv');
    expect((await call('csv:inspect', { fileId: uploaded.fileId })).value).toMatchObject({
      fileName: 'leads.csv',
      format: 'leads',
    });
    const { jobId } = (await call('csv:start-import', { fileId: uploaded.fileId })).value as { jobId: string };
    for (let i = 0; i < 200; i++) {
      const job = (await call('csv:job', { jobId })).value as { state: string };
      if (job.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(((await call('csv:job', { jobId })).value as { state: string }).state).toBe('done');

    const before = tempFolders();
    const target = (await (
      await fetch(`${base()}/api/files/target?name=leadledger-leads.csv`, { method: 'POST', headers: auth })
    ).json()) as { value: { fileId: string; name: string } };
    expect(target.value.name).toBe('leadledger-leads.csv');
    const exported = await call('csv:export-file', { fileId: target.value.fileId, kind: 'leads', bom: true });
    expect(exported).toMatchObject({ ok: true, value: { fileName: 'leadledger-leads.csv' } });
    const download = await fetch(`${base()}/api/files/download?fileId=${target.value.fileId}`, { headers: auth });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="leadledger-leads.csv"');
    const bytes = Buffer.from(await download.arrayBuffer());
    const direct = path.join(path.dirname(ctx.dbPath), 'direct.csv');
    await exportToFile(ctx, 'leads', { bom: true }, direct);
    expect(bytes.length).toBeGreaterThan(200);
    expect(bytes).toEqual(fs.readFileSync(direct));
    // delivered once, then the temporary file and its folder are gone (the server removes it just after the last byte)
    await expect.poll(tempFolders, { timeout: 2000 }).toEqual(before);
    expect((await fetch(`${base()}/api/files/download?fileId=${target.value.fileId}`, { headers: auth })).status).toBe(
      404,
    );
  });

  it('a name that is not ASCII (отчёт.csv) downloads under its own name (RFC 6266 filename*); the export file is private (0600)', async () => {
    const target = (await (
      await fetch(`${base()}/api/files/target?name=${encodeURIComponent('отчёт "Q3".csv')}`, {
        method: 'POST',
        headers: auth,
      })
    ).json()) as { value: { fileId: string; name: string } };
    expect((await call('csv:export-file', { fileId: target.value.fileId, kind: 'leads' })).ok).toBe(true);
    const written = fs
      .readdirSync(os.tmpdir())
      .filter((f) => f.startsWith(`leadledger-export-${process.pid}-`))
      .map((f) => path.join(os.tmpdir(), f, 'export.csv'))
      .filter((f) => fs.existsSync(f));
    expect(written.length).toBeGreaterThan(0);
    for (const file of written) expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const download = await fetch(`${base()}/api/files/download?fileId=${target.value.fileId}`, { headers: auth });
    expect(download.status).toBe(200);
    const header = download.headers.get('content-disposition') ?? '';
    expect(header).toBe(
      `attachment; filename="_____ Q3.csv"; filename*=UTF-8''${encodeURIComponent('отчёт "Q3".csv')}`,
    );
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(header)![1]!)).toBe('отчёт "Q3".csv');
    expect((await download.text()).startsWith('ref,')).toBe(true);
  });

  it('an uploaded SQLite database is named so, without its binary header', async () => {
    // A copy through SQLite (VACUUM INTO): a raw descriptor on the open file would drop its locks.
    const copy = path.join(path.dirname(ctx.dbPath), 'copy.db');
    ctx.db.prepare('VACUUM INTO ?').run(copy);
    const upload = (await (
      await fetch(`${base()}/api/files/upload?name=leadledger.db`, {
        method: 'POST',
        headers: auth,
        body: fs.readFileSync(copy),
      })
    ).json()) as { value: { fileId: string } };
    const inspected = await call('csv:inspect', { fileId: upload.value.fileId });
    expect(inspected).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'The uploaded file: this is a LeadLedger/SQLite database file, not a CSV',
      },
    });
  });

  it('an upload id is not a download target, and the routes need the token', async () => {
    const upload = (await (
      await fetch(`${base()}/api/files/upload?name=x.csv`, { method: 'POST', headers: auth, body: 'a,b\n' })
    ).json()) as { value: { fileId: string } };
    expect((await fetch(`${base()}/api/files/download?fileId=${upload.value.fileId}`, { headers: auth })).status).toBe(
      404,
    );
    const refused = await call('csv:export-file', { fileId: upload.value.fileId, kind: 'leads' });
    expect(refused).toMatchObject({
      ok: false,
      error: { message: 'That file is no longer available: choose it again' },
    });
    for (const [method, route] of [
      ['POST', 'upload'],
      ['POST', 'target'],
      ['GET', 'download'],
    ] as const) {
      expect((await fetch(`${base()}/api/files/${route}?name=x.csv&fileId=00`, { method })).status).toBe(401);
    }
  });
});
