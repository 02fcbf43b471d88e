import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sirv from 'sirv';
import type { Ctx } from '../core/context';
import { dispatch } from '../core/dispatch';
import { hostAllowed, maxJsonBody, tokenMatches } from './security';

export type WebServer = { url: string; port: number; token: string; close: () => Promise<void> };

export type WebServerOptions = { ctx: Ctx; port?: number; rendererDir: string; token?: string };

function send(response: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(text);
}

function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(Object.assign(new Error('too large'), { status: 413 }));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** Extra routes (file upload and download) register here; they get the checked request. */
export type ExtraRoute = (request: IncomingMessage, response: ServerResponse, ctx: Ctx) => Promise<boolean>;
const extraRoutes: ExtraRoute[] = [];
export function addRoute(route: ExtraRoute): void {
  extraRoutes.push(route);
}

async function handleApi(request: IncomingMessage, response: ServerResponse, ctx: Ctx, token: string) {
  if (!tokenMatches(request, token)) return send(response, 401, { ok: false, error: { code: 'unauthorized', message: 'Missing or wrong token' } });
  for (const route of extraRoutes) if (await route(request, response, ctx)) return;
  if (request.method !== 'POST') return send(response, 405, { ok: false, error: { code: 'method', message: 'Use POST' } });
  const type = request.headers['content-type'] ?? '';
  if (!type.startsWith('application/json')) {
    return send(response, 415, { ok: false, error: { code: 'unsupported', message: 'Send application/json' } });
  }
  let input: unknown;
  try {
    const body = await readBody(request, maxJsonBody);
    input = body === '' ? {} : JSON.parse(body);
  } catch (error) {
    const status = (error as { status?: number }).status ?? 400;
    return send(response, status, { ok: false, error: { code: 'invalid_input', message: status === 413 ? 'Request body too large' : 'Body is not valid JSON' } });
  }
  const name = decodeURIComponent((request.url ?? '').slice('/api/'.length).split('?')[0] ?? '');
  const result = await dispatch(ctx, name, input);
  send(response, result.ok ? 200 : result.error.code === 'unknown_operation' ? 404 : 200, result);
}

/** Browser mode: the same UI and API on 127.0.0.1 only, behind a random token. */
export function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  if (!fs.existsSync(path.join(options.rendererDir, 'index.html'))) {
    throw new Error(`The UI is not built (${options.rendererDir} has no index.html): run "npm run build" first`);
  }
  const statics = sirv(options.rendererDir, { single: true, etag: true, gzip: false, dev: false });
  let port = 0;
  const server = http.createServer((request, response) => {
    if (!hostAllowed(request.headers.host, port)) {
      response.writeHead(403, { 'content-type': 'text/plain' }).end('Forbidden host');
      return;
    }
    if ((request.url ?? '').startsWith('/api/')) {
      handleApi(request, response, options.ctx, token).catch((error: unknown) => {
        if (!response.headersSent) send(response, 500, { ok: false, error: { code: 'internal', message: String(error) } });
      });
      return;
    }
    statics(request, response, () => {
      response.writeHead(404).end('Not found');
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        port,
        token,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
