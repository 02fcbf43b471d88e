import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LeadRow } from '../../shared/api/schemas/leads';
import { callOk, openTempCtx, sourceId } from '../../../test-support/temp-db';
import { listLeads } from './leads-repo';

let ctx: ReturnType<typeof openTempCtx>;
beforeEach(() => {
  ctx = openTempCtx();
});
afterEach(() => ctx.close());

const create = (title: string) =>
  callOk<LeadRow>(ctx, 'leads:create', { title, sourceId: sourceId(ctx, 'Referral'), createdOn: '2026-08-01' });
const total = (search: string) => listLeads(ctx.db, { search }, undefined, 0, 10).total;

// listLeads remembers the count of a filter between calls; every kind of write must be seen.
describe('the remembered count of a search', () => {
  it('follows this connection’s inserts, updates and deletes', async () => {
    await create('Alpha site');
    expect(total('alpha')).toBe(1);
    expect(total('alpha')).toBe(1);
    const second = await create('Alpha shop');
    expect(total('alpha')).toBe(2);
    await callOk(ctx, 'leads:update', { id: second.id, title: 'Beta shop' });
    expect(total('alpha')).toBe(1);
    expect(total('beta')).toBe(1);
    await callOk(ctx, 'leads:delete', { id: second.id });
    expect(total('beta')).toBe(0);
    expect(total('alpha')).toBe(1);
  });

  it('follows a commit made by another connection to the same file', async () => {
    await create('Alpha site');
    expect(total('alpha')).toBe(1);
    const other = new Database(ctx.store.path);
    try {
      other.prepare(`UPDATE leads SET title = 'Gamma site'`).run();
    } finally {
      other.close();
    }
    expect(total('alpha')).toBe(0);
    expect(total('gamma')).toBe(1);
  });
});
