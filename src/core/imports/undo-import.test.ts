import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importCsvFile } from '../csv/import-engine';
import { rollupDrift } from '../rollups/rebuild';
import { dispatch } from '../dispatch';
import { callOk, openTempCtx } from '../../../test-support/temp-db';

// docs/domain.md §7, Undo an import: what it added goes; a lead edited since refuses it, by name.
const fx = (name: string) => path.resolve('src/core/csv/__fixtures__', name);
let ctx: ReturnType<typeof openTempCtx>;
let clock = new Date('2026-08-15T12:00:00Z');
beforeEach(() => {
  clock = new Date('2026-08-15T12:00:00Z');
  ctx = openTempCtx();
  Object.assign(ctx, { now: () => clock });
});
afterEach(() => ctx.close());
const count = (table: string) => (ctx.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('imports:undo', () => {
  it('removes the leads and expenses an import added, once; the history says it was undone', async () => {
    const leads = await importCsvFile(ctx.db, fx('leads-lf.csv'), {}, { now: ctx.now });
    const expenses = await importCsvFile(ctx.db, fx('expenses.csv'), {}, { now: ctx.now });
    expect([count('leads') > 0, count('expenses') > 0]).toEqual([true, true]);
    expect(await callOk(ctx, 'imports:undo', { id: expenses.importId })).toMatchObject({
      removed: { expenses: expenses.inserted },
      restored: 0,
    });
    expect(await callOk(ctx, 'imports:undo', { id: leads.importId })).toMatchObject({
      removed: { leads: leads.inserted },
    });
    expect([count('leads'), count('expenses')]).toEqual([0, 0]);
    expect(rollupDrift(ctx.db)).toEqual([]);
    const again = await dispatch(ctx, 'imports:undo', { id: leads.importId });
    expect(!again.ok && again.error.message).toMatch(/was undone already/);
    const history = await callOk<{ id: number; undoneAt: string | null }[]>(ctx, 'imports:list', {});
    expect(history.map((h) => [h.id, h.undoneAt !== null])).toEqual([
      [expenses.importId, true],
      [leads.importId, true],
    ]);
  });

  it('is refused, naming the lead, when activity was logged on a lead of the import', async () => {
    const leads = await importCsvFile(ctx.db, fx('leads-lf.csv'), {}, { now: ctx.now });
    const lead = ctx.db.prepare(`SELECT id, title FROM leads ORDER BY id LIMIT 1`).get() as {
      id: number;
      title: string;
    };
    clock = new Date('2026-08-16T09:00:00Z');
    await callOk(ctx, 'activity:create', {
      leadId: lead.id,
      kind: 'call',
      at: '2026-08-16T09:00:00Z',
      text: 'Talked about the scope',
    });
    const refused = await dispatch(ctx, 'imports:undo', { id: leads.importId });
    expect(!refused.ok && refused.error.message).toContain(`lead #${lead.id} "${lead.title}"`);
    expect(count('leads')).toBe(leads.inserted);
  });

  it('is refused, naming the lead, when a lead of the import was edited after it', async () => {
    const leads = await importCsvFile(ctx.db, fx('leads-lf.csv'), {}, { now: ctx.now });
    const lead = ctx.db.prepare(`SELECT id, title FROM leads ORDER BY id LIMIT 1`).get() as {
      id: number;
      title: string;
    };
    clock = new Date('2026-08-16T09:00:00Z');
    await callOk(ctx, 'leads:update', { id: lead.id, notes: 'Called them' });
    const refused = await dispatch(ctx, 'imports:undo', { id: leads.importId });
    expect(!refused.ok && refused.error.message).toContain(`lead #${lead.id} "${lead.title}"`);
    expect(count('leads')).toBe(leads.inserted);
  });
});
