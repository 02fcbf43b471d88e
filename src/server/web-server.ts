import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sirv from 'sirv';
import type { Ctx } from '../core/context';
import { dispatch } from '../core/dispatch';
import { hostAllowed, isJsonContentType, maxJsonBody, originAllowed, securityHeaders, tokenMatches } from './security';

/** `address` is the one the socket is bound to (getsockname), so tests can assert it. */
export type WebServer = { url: string; address: string; port: number; token: string; close: () => Promise<void> };

/** `onRequest`: told of every request (the start-up backup waits for a quiet moment). */
export type WebServerOptions = { ctx: Ctx; port?: number; rendererDir: string; token?: string; onRequest?: () => void };

function send(response: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...securityHeaders,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...extra,
  });
  response.end(text);
}

function sendText(response: ServerResponse, status: number, text: string, extra: Record<string, string> = {}) {
  response.writeHead(status, {
    ...securityHeaders,
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    ...extra,
  });
  response.end(text);
}

const tooLarge = () => Object.assign(new Error('too large'), { status: 413 });

/** Reads a body up to `limit` bytes; beyond it, rejects with status 413 and stops reading. */
export function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) return reject(tooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    request.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        request.pause();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', reject);
  });
}

/** Extra routes (file upload and download) register here; they get the checked request. */
export type ExtraRoute = (request: IncomingMessage, response: ServerResponse, ctx: Ctx) => Promise<boolean>;
const extraRoutes: ExtraRoute[] = [];
export function addRoute(route: ExtraRoute): void {
  extraRoutes.push(route);
}

async function handleApi(request: IncomingMessage, response: ServerResponse, ctx: Ctx, token: string, port: number) {
  // No CORS: a preflight gets no Access-Control-* headers, so browsers block cross-origin calls.
  if (request.method === 'OPTIONS')
    return send(response, 405, { ok: false, error: { code: 'unsupported', message: 'Use POST' } }, { allow: 'POST' });
  if (!originAllowed(request.headers.origin, port)) {
    return send(response, 403, {
      ok: false,
      error: { code: 'unsupported', message: 'Cross-origin requests are refused' },
    });
  }
  if (!tokenMatches(request, token))
    return send(response, 401, { ok: false, error: { code: 'unauthorized', message: 'Missing or wrong token' } });
  for (const route of extraRoutes) if (await route(request, response, ctx)) return;
  if (request.method !== 'POST')
    return send(response, 405, { ok: false, error: { code: 'unsupported', message: 'Use POST' } }, { allow: 'POST' });
  if (!isJsonContentType(request.headers['content-type'])) {
    return send(response, 415, { ok: false, error: { code: 'unsupported', message: 'Send application/json' } });
  }
  let input: unknown;
  try {
    const body = await readBody(request, maxJsonBody);
    input = body === '' ? {} : JSON.parse(body);
  } catch (error) {
    const status = (error as { status?: number }).status ?? 400;
    // After a refused body the rest is not read: close the connection once the answer is out.
    const close: Record<string, string> = status === 413 ? { connection: 'close' } : {};
    return send(
      response,
      status,
      {
        ok: false,
        error: {
          code: 'invalid_input',
          message: status === 413 ? `Request body too large (limit ${maxJsonBody} bytes)` : 'Body is not valid JSON',
        },
      },
      close,
    );
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
  const statics = sirv(options.rendererDir, {
    single: true,
    etag: true,
    gzip: false,
    dev: false,
    setHeaders: (response) => {
      for (const [name, value] of Object.entries(securityHeaders)) response.setHeader(name, value);
    },
  });
  let port = 0;
  const server = http.createServer((request, response) => {
    options.onRequest?.();
    // On every answer, including those of extra routes (writeHead merges what setHeader set).
    for (const [name, value] of Object.entries(securityHeaders)) response.setHeader(name, value);
    // Host first, for static files too: a DNS-rebinding page must not even read the HTML.
    if (!hostAllowed(request.headers.host, port)) return sendText(response, 403, 'Forbidden host');
    if ((request.url ?? '').startsWith('/api/')) {
      handleApi(request, response, options.ctx, token, port).catch((error: unknown) => {
        if (!response.headersSent)
          send(response, 500, { ok: false, error: { code: 'internal', message: String(error) } });
      });
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return sendText(response, 405, 'Method not allowed', { allow: 'GET, HEAD' });
    statics(request, response, () => sendText(response, 404, 'Not found'));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const bound = server.address() as AddressInfo;
      port = bound.port;
      resolve({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        address: bound.address,
        port,
        token,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            // Idle keep-alive sockets (and ones that never sent a request) would hold the close for minutes.
            server.closeAllConnections();
          }),
      });
    });
  });
}
