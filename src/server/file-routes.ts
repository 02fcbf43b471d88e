import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { createTempFile, hostFile, releaseFile } from '../core/host-files';
import { addRoute } from './web-server';

// Browser mode's side of the file-transfer extension (docs/architecture.md, "File transfer"). The page gets ids,
// never paths, exactly as in Electron; the work in between is the same operations for both:
//   POST /api/files/upload?name=N     body → a private temp file → { fileId, name }  (Electron: open dialog / drop)
//   POST /api/files/target?name=N     → { fileId, name } of an empty temp file       (Electron: save dialog)
//   …  csv:inspect / csv:start-import / csv:export-file with that fileId            (both, through dispatch)
//   GET  /api/files/download?fileId=  streams the written file once, then deletes it (Electron: already in place)
const maxUpload = 2 * 1024 * 1024 * 1024;

function json(response: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

function cleanName(name: string | null, fallback: string): string {
  const base = path
    .basename(name ?? fallback)
    .replace(/\p{Cc}/gu, '')
    .slice(0, 200);
  return base || fallback;
}

async function upload(request: IncomingMessage, response: ServerResponse, url: URL) {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > maxUpload)
    return json(response, 413, {
      ok: false,
      error: { code: 'invalid_input', message: 'The file is larger than 2 GB' },
    });
  const name = cleanName(url.searchParams.get('name'), 'upload.csv');
  const file = createTempFile(name, 'read');
  let size = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      done(size > maxUpload ? new Error('The file is larger than 2 GB') : null, chunk);
    },
  });
  try {
    await pipeline(request, limit, fs.createWriteStream(file.path, { mode: 0o600 }));
  } catch (error) {
    releaseFile(file.fileId);
    return json(response, 400, {
      ok: false,
      error: { code: 'invalid_input', message: `The upload failed: ${(error as Error).message}` },
    });
  }
  json(response, 200, { ok: true, value: { fileId: file.fileId, name, size } });
}

function target(response: ServerResponse, url: URL) {
  const { fileId, name } = createTempFile(cleanName(url.searchParams.get('name'), 'leadledger.csv'), 'write');
  json(response, 200, { ok: true, value: { fileId, name } });
}

/**
 * The Content-Disposition of a download (RFC 6266): an ASCII name as it is; any other (`отчёт.csv`)
 * also as `filename*` in UTF-8 (RFC 8187), with an ASCII stand-in for old clients. A header holds
 * Latin-1 only: writing the name raw threw, and the download answered 500.
 */
export function attachment(name: string): string {
  const ascii = name.replace(/["\\]/g, '').replace(/[^\x20-\x7e]/g, '_');
  if (ascii === name) return `attachment; filename="${ascii}"`;
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

async function download(response: ServerResponse, url: URL) {
  const fileId = url.searchParams.get('fileId') ?? '';
  let file: { path: string; name: string };
  try {
    file = hostFile(fileId, 'write');
  } catch (error) {
    return json(response, 404, { ok: false, error: { code: 'not_found', message: (error as Error).message } });
  }
  response.writeHead(200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': attachment(file.name),
    'content-length': fs.statSync(file.path).size,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  try {
    await pipeline(fs.createReadStream(file.path), response);
  } finally {
    releaseFile(fileId);
  }
}

let registered = false;

/** Registers the three routes above on the browser-mode server (behind its token and host checks). */
export function setupFileRoutes(): void {
  if (registered) return;
  registered = true;
  addRoute(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method === 'POST' && url.pathname === '/api/files/upload') await upload(request, response, url);
    else if (request.method === 'POST' && url.pathname === '/api/files/target') target(response, url);
    else if (request.method === 'GET' && url.pathname === '/api/files/download') await download(response, url);
    else return false;
    return true;
  });
}
