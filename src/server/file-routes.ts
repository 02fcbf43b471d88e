import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { exportKinds } from '../shared/api/schemas/csv';
import { isIsoDate } from '../shared/dates';
import { toApiError } from '../core/dispatch';
import { exportTo, type ExportKindAll } from '../core/services/export-to';
import { registerFile } from '../core/csv/file-registry';
import { exportFileName } from '../core/services/csv-service';
import type { Ctx } from '../core/context';
import { addRoute } from './web-server';

// Browser mode's file transfer: uploads stream to a private temp file that gets an id (the API
// never sees a path); exports stream out in batches with back-pressure.
const maxUpload = 2 * 1024 * 1024 * 1024;
const uploadDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'leadledger-upload-'));

function json(response: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

function cleanName(name: string | null): string {
  const base = path.basename(name ?? 'upload.csv').replace(/\p{Cc}/gu, '').slice(0, 200);
  return base || 'upload.csv';
}

async function upload(request: IncomingMessage, response: ServerResponse, url: URL) {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > maxUpload) return json(response, 413, { ok: false, error: { code: 'invalid_input', message: 'The file is larger than 2 GB' } });
  const name = cleanName(url.searchParams.get('name'));
  const dir = uploadDir();
  const file = path.join(dir, 'upload.csv');
  let size = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      done(size > maxUpload ? new Error('The file is larger than 2 GB') : null, chunk);
    },
  });
  try {
    await pipeline(request, limit, fs.createWriteStream(file, { mode: 0o600 }));
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    return json(response, 400, { ok: false, error: { code: 'invalid_input', message: `The upload failed: ${(error as Error).message}` } });
  }
  const fileId = registerFile({ path: file, name, mode: 'read', temporary: true });
  json(response, 200, { ok: true, value: { fileId, name, size } });
}

async function download(response: ServerResponse, url: URL, ctx: Ctx) {
  const kind = url.searchParams.get('kind') ?? '';
  const from = url.searchParams.get('from') || undefined;
  const to = url.searchParams.get('to') || undefined;
  const basisParam = url.searchParams.get('basis') || undefined;
  const basis = basisParam === 'cash' || basisParam === 'usage' ? basisParam : undefined;
  if (!(exportKinds as readonly string[]).includes(kind)) {
    return json(response, 400, { ok: false, error: { code: 'invalid_input', message: `kind must be one of ${exportKinds.join(', ')}` } });
  }
  if ((from && !isIsoDate(from)) || (to && !isIsoDate(to))) {
    return json(response, 400, { ok: false, error: { code: 'invalid_input', message: 'from and to are dates written YYYY-MM-DD' } });
  }
  const fileName = exportFileName(kind, ctx.now());
  let started = false;
  try {
    await exportTo(ctx, kind as ExportKindAll, { from, to, basis, bom: url.searchParams.get('bom') === '1' }, async (text) => {
      if (!started) {
        response.writeHead(200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="${fileName}"`,
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        });
        started = true;
      }
      if (!response.write(text)) await new Promise((resolve) => response.once('drain', resolve));
    });
    response.end();
  } catch (error) {
    if (!started) return json(response, 500, { ok: false, error: toApiError(error) });
    response.destroy(error as Error);
  }
}

let registered = false;

/** Registers POST /api/files/upload?name=… and GET /api/files/export?kind=…&from=…&to=…&bom=1. */
export function setupFileRoutes(): void {
  if (registered) return;
  registered = true;
  addRoute(async (request, response, ctx) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/api/files/upload' && request.method === 'POST') {
      await upload(request, response, url);
      return true;
    }
    if (url.pathname === '/api/files/export' && request.method === 'GET') {
      await download(response, url, ctx);
      return true;
    }
    return false;
  });
}

