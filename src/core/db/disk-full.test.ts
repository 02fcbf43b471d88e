import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importCsvFile } from '../csv/import-engine';
import { dispatch } from '../dispatch';
import { toApiError } from '../errors';
import { loadSampleData } from '../app/sample-data';
import { openTempCtx, sourceId } from '../../../test-support/temp-db';

// SQLite's own I/O-error tests fill the disk; PRAGMA max_page_count does the same to one connection.

let ctx: ReturnType<typeof openTempCtx>;
beforeEach(() => {
  ctx = openTempCtx();
  loadSampleData(ctx, { leads: 300, seed: 4 });
});
afterEach(() => ctx.close());

function snapshot(): string {
  const tables = (
    ctx.db
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .all() as { name: string }[]
  ).map((t) => t.name);
  return JSON.stringify(tables.map((t) => [t, ctx.db.prepare(`SELECT * FROM "${t}" ORDER BY 1`).all()]));
}

/** No room for even one more page. */
function fillDisk(extraPages = 0) {
  ctx.db.exec('VACUUM'); // no free pages left inside the file
  const pages = ctx.db.pragma('page_count', { simple: true }) as number;
  ctx.db.pragma(`max_page_count = ${pages + extraPages}`);
}

function leadsCsv(rows: number): string {
  const file = path.join(path.dirname(ctx.dbPath), 'leads.csv');
  const lines = [
    'ref,source,title,client,url,stage,created_on,applied_on,closed_on,connects,boost_connects,connects_refunded,value,currency,lost_reason,tags,notes,follow_up_on',
  ];
  for (let i = 0; i < rows; i++)
    lines.push(
      `full-${i},Upwork,Job number ${i} with a longer title,Client ${i},,applied,2026-03-01,2026-03-02,,12,0,0,250.00,USD,,react,${'n'.repeat(80)},`,
    );
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('disk full', () => {
  it('a single write says the disk is full and changes nothing', async () => {
    fillDisk();
    const before = snapshot();
    const result = await dispatch(ctx, 'leads:create', {
      title: 'Big notes',
      sourceId: sourceId(ctx, 'Upwork'),
      notes: 'x'.repeat(19_000),
      tags: ['a', 'b'],
    });
    expect(result).toEqual({
      ok: false,
      error: { code: 'storage', message: 'The disk is full: nothing was saved. Free some space and try again.' },
    });
    expect(ctx.db.inTransaction).toBe(false);
    expect(snapshot()).toBe(before);
    // Space again: the same write goes through.
    ctx.db.pragma('max_page_count = 1073741823');
    expect(
      (
        await dispatch(ctx, 'leads:create', {
          title: 'Big notes',
          sourceId: sourceId(ctx, 'Upwork'),
          notes: 'x'.repeat(19_000),
        })
      ).ok,
    ).toBe(true);
  });

  it('an import that fills the disk half-way rolls back completely with a clear error', async () => {
    const file = leadsCsv(3000);
    fillDisk(40);
    const before = snapshot();
    let thrown: unknown;
    try {
      await importCsvFile(ctx.db, file, { as: 'leads' }, { now: ctx.now });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeDefined();
    expect(toApiError(thrown).message).toMatch(/disk is full/);
    expect(ctx.db.inTransaction).toBe(false);
    expect(snapshot()).toBe(before);
    expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    ctx.db.pragma('max_page_count = 1073741823');
    const summary = await importCsvFile(ctx.db, file, { as: 'leads' }, { now: ctx.now });
    expect(summary).toMatchObject({ applied: true, inserted: 3000 });
  });

  it('an edit that needs a new page fails whole: the lead, its history and the rollups stay as they were', async () => {
    const id = (ctx.db.prepare('SELECT id FROM leads ORDER BY id LIMIT 1').get() as { id: number }).id;
    fillDisk();
    const before = snapshot();
    const result = await dispatch(ctx, 'leads:update', {
      id,
      notes: 'y'.repeat(19_000),
      stage: 'won',
      value: '1000.00',
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'storage', message: expect.stringMatching(/disk is full/) },
    });
    expect(snapshot()).toBe(before);
  });
});
