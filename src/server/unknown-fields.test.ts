import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from './web-server';
import { openTempCtx, sourceId } from '../../test-support/temp-db';
import { dispatch, unknownFields } from '../core/dispatch';

// An input field the operation does not have is refused by name, on every host: dispatch is what
// Electron's IPC handler calls with the page's input as it is (electron/main/ipc.ts), the browser-mode
// server goes through it too, and so does the CLI (src/cli/commands/api-input.test.ts) (README, Command line).
let ctx: ReturnType<typeof openTempCtx>;
let server: WebServer;
let leadId: number;
let rendererDir: string;

beforeAll(async () => {
  ctx = openTempCtx();
  const created = await dispatch(ctx, 'leads:create', { title: 'Typo target', sourceId: sourceId(ctx, 'Upwork') });
  if (!created.ok) throw new Error(created.error.message);
  leadId = (created.value as { id: number }).id;
  rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadledger-renderer-'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
  server = await startWebServer({ ctx, rendererDir, token: 'test-token-123' });
});
afterAll(async () => {
  await server?.close();
  ctx.close();
  fs.rmSync(rendererDir, { recursive: true, force: true });
});

const stage = () => (ctx.db.prepare('SELECT stage FROM leads WHERE id = ?').get(leadId) as { stage: string }).stage;

describe('unknown input fields', () => {
  it('IPC (dispatch as Electron calls it): a typo in an optional field is refused, naming it, and nothing changes', async () => {
    const result = await dispatch(ctx, 'leads:update', { id: leadId, stgae: 'won' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'stgae: Unknown field: this operation has no field of that name',
        fields: [{ path: 'stgae', message: 'Unknown field: this operation has no field of that name' }],
      },
    });
    expect(stage()).toBe('new');
  });

  it('nested objects, array items, intersections and no-input operations too', async () => {
    const bad = async (name: string, input: unknown) => {
      const r = await dispatch(ctx, name, input);
      return r.ok ? [] : (r.error.fields ?? []).map((f) => f.path);
    };
    expect(await bad('app:info', { verbose: true })).toEqual(['verbose']);
    expect(await bad('payments:list', { from: '2026-01-01', bogus: 1 })).toEqual(['bogus']); // DateRange.and(…)
    expect(await bad('reports:channels', { from: '2026-01-01', basis: 'cash', colour: 'red' })).toEqual(['colour']);
    expect(
      await bad('leads:create', { title: 'x', sourceId: sourceId(ctx, 'Upwork'), tags: ['a'], extra: null }),
    ).toEqual(['extra']);
    expect(unknownFields({ a: [{ b: 1, c: 2 }], d: undefined }, { a: [{ b: 1 }] })).toEqual(['a.0.c']);
    // What the operations know still goes through, defaults and all.
    expect((await dispatch(ctx, 'leads:update', { id: leadId, stage: 'applied' })).ok).toBe(true);
    expect(stage()).toBe('applied');
  });

  it('HTTP (browser mode): the same envelope', async () => {
    const reply = await fetch(`http://127.0.0.1:${server.port}/api/leads:update`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer test-token-123' },
      body: JSON.stringify({ id: leadId, stgae: 'won' }),
    });
    expect(await reply.json()).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: [{ path: 'stgae' }] },
    });
    expect(stage()).toBe('applied');
  });
});
