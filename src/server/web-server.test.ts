import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationNames } from '../shared/api/contract';
import { openTempCtx } from '../../test-support/temp-db';
import { contentSecurityPolicy, maxJsonBody, pageContentSecurityPolicy } from './security';
import { startWebServer, type WebServer } from './web-server';

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

let ctx: ReturnType<typeof openTempCtx>;
let server: WebServer;
let rendererDir: string;
const indexHtml = fs.readFileSync(path.resolve('src/renderer/index.html'), 'utf8');

beforeAll(async () => {
  ctx = openTempCtx();
  rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadledger-renderer-'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), indexHtml);
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  server = await startWebServer({ ctx, rendererDir, token: 'test-token-123' });
});
afterAll(async () => {
  await server.close();
  ctx.close();
  fs.rmSync(rendererDir, { recursive: true, force: true });
});

/** A raw request, so Host, Origin and bodies are exactly what a hostile page could send. */
function request(
  method: string,
  urlPath: string,
  options: {
    headers?: Record<string, string>;
    body?: string | Buffer;
    chunks?: Buffer[];
    host?: string | null;
    address?: string;
  } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.host !== null) headers.host = options.host ?? `127.0.0.1:${server.port}`;
    const req = http.request({
      host: options.address ?? '127.0.0.1',
      port: server.port,
      method,
      path: urlPath,
      headers,
      setHost: false,
    });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (options.chunks) {
      for (const chunk of options.chunks) req.write(chunk);
      req.end();
    } else req.end(options.body);
  });
}

const api = (name: string, body: unknown = {}, headers: Record<string, string> = {}) =>
  request('POST', `/api/${name}`, {
    headers: { 'content-type': 'application/json', authorization: 'Bearer test-token-123', ...headers },
    body: JSON.stringify(body),
  });

const noCors = (reply: Reply) =>
  expect(Object.keys(reply.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);

describe('browser mode server', () => {
  it('listens on the loopback address only', async () => {
    // The address the socket is bound to: this fails on any machine if the server binds wider.
    expect(server.address).toBe('127.0.0.1');
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    // Linux routes all of 127/8 to the loopback device: a wildcard bind would answer on 127.0.0.2, ours refuses.
    if (process.platform === 'linux')
      await expect(request('GET', '/', { address: '127.0.0.2' })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (external)
      await expect(request('GET', '/', { address: external.address })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    const v6 = await request('GET', '/', { address: '::1' }).then(
      () => 'answered',
      (e: { code?: string }) => e.code,
    );
    expect(v6).not.toBe('answered');
  });

  it('answers a call with the token', async () => {
    const reply = await api('app:info');
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { schemaVersion: expect.any(Number) } });
    noCors(reply);
  });

  it('refuses every operation without the right token (401)', async () => {
    for (const name of operationNames) {
      for (const authorization of [
        undefined,
        'Bearer wrong-token-123',
        'Bearer ',
        'test-token-123',
        'Basic dGVzdC10b2tlbi0xMjM=',
      ]) {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (authorization !== undefined) headers.authorization = authorization;
        const reply = await request('POST', `/api/${name}`, { headers, body: '{}' });
        expect(reply.status, `${name} with ${authorization}`).toBe(401);
        noCors(reply);
      }
    }
    expect((await request('GET', '/api/app:info')).status).toBe(401);
    expect(
      (await request('POST', '/api/../api/app:info', { headers: { 'content-type': 'application/json' }, body: '{}' }))
        .status,
    ).toBe(401);
  });

  it('refuses a foreign Host header (403) on the API and on static files', async () => {
    const hosts = [
      'evil.example',
      `evil.example:${server.port}`,
      '127.0.0.1',
      `127.0.0.1:${server.port + 1}`,
      `localhost.evil.example:${server.port}`,
      `[::1]:${server.port}`,
      null,
    ];
    for (const host of hosts) {
      for (const target of ['/', '/index.html', '/assets/app.js', '/some/route']) {
        const reply = await request('GET', target, { host });
        // Node itself answers 400 to an HTTP/1.1 request with no Host at all.
        expect(reply.status, `${target} with Host ${host}`).toBe(host === null ? 400 : 403);
        expect(reply.body).not.toContain('<html');
      }
      const call = await request('POST', '/api/app:info', {
        host,
        headers: { 'content-type': 'application/json', authorization: 'Bearer test-token-123' },
        body: '{}',
      });
      expect(call.status).toBe(host === null ? 400 : 403);
    }
    expect((await request('GET', '/', { host: `localhost:${server.port}` })).status).toBe(200);
  });

  it('refuses a call from another origin even with the token (403)', async () => {
    for (const origin of ['https://evil.example', 'null', `http://127.0.0.1:${server.port + 1}`]) {
      const reply = await api('app:info', {}, { origin });
      expect(reply.status).toBe(403);
      noCors(reply);
    }
    expect((await api('app:info', {}, { origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
  });

  it('limits the body size (413) with and without a Content-Length', async () => {
    const big = JSON.stringify({ title: 'x'.repeat(maxJsonBody + 10) });
    const declared = await request('POST', '/api/leads:create', {
      headers: { 'content-type': 'application/json', authorization: 'Bearer test-token-123' },
      body: big,
    });
    expect(declared.status).toBe(413);
    const chunks = Array.from({ length: 24 }, () => Buffer.alloc(64 * 1024, 0x20));
    const streamed = await request('POST', '/api/leads:create', {
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer test-token-123',
        'transfer-encoding': 'chunked',
      },
      chunks,
    }).catch((error: { code?: string }) => ({ status: error.code ?? 'error', headers: {}, body: '' }));
    expect(streamed.status).toBe(413);
    expect((ctx.db.prepare('SELECT COUNT(*) AS n FROM leads').get() as { n: number }).n).toBe(0);
  });

  it('accepts only application/json bodies (415)', async () => {
    for (const type of [
      undefined,
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/jsonp',
      'application/json; charset=latin1',
      'text/json',
    ]) {
      const headers: Record<string, string> = { authorization: 'Bearer test-token-123' };
      if (type) headers['content-type'] = type;
      const reply = await request('POST', '/api/leads:create', { headers, body: '{"title":"x","sourceId":1}' });
      expect(reply.status, String(type)).toBe(415);
    }
    expect((await api('app:info', {}, { 'content-type': 'application/json; charset=utf-8' })).status).toBe(200);
  });

  it('answers no CORS preflight and sends no CORS headers', async () => {
    const preflight = await request('OPTIONS', '/api/leads:create', {
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(preflight.status).toBe(405);
    noCors(preflight);
    noCors(await request('GET', '/'));
    noCors(await request('OPTIONS', '/'));
  });

  it('sends the security headers with the HTML, the CSP the page meta tag plus frame-ancestors', async () => {
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(indexHtml)?.[1];
    expect(meta).toBe(pageContentSecurityPolicy);
    expect(contentSecurityPolicy).toBe(`${meta}; frame-ancestors 'none'`); // frame-ancestors works only as a header
    for (const target of ['/', '/index.html', '/leads/42', '/assets/app.js']) {
      const reply = await request('GET', target);
      expect(reply.status).toBe(200);
      expect(reply.headers).toMatchObject({
        'content-security-policy': contentSecurityPolicy,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'x-frame-options': 'DENY',
      });
    }
    expect((await api('app:info')).headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    expect((await request('POST', '/', { body: 'x' })).status).toBe(405);
  });

  it('survives random bytes as request bodies: a clear status, never a crash, no write when refused', async () => {
    const changes = () => (ctx.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...operationNames),
        fc.uint8Array({ minLength: 1, maxLength: 2048 }),
        async (name, bytes) => {
          const before = changes();
          const reply = await request('POST', `/api/${name}`, {
            headers: { 'content-type': 'application/json', authorization: 'Bearer test-token-123' },
            body: Buffer.from(bytes),
          });
          expect([200, 400]).toContain(reply.status);
          const body = JSON.parse(reply.body) as { ok: boolean; error?: { code: string } };
          if (!body.ok) {
            expect(body.error!.code).not.toBe('internal');
            expect(changes()).toBe(before);
          }
        },
      ),
      { numRuns: 150 },
    );
    expect((await api('app:info')).status).toBe(200);
  });
});
