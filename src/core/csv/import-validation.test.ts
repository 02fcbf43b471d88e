import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../dispatch';
import { openTempCtx, sourceId } from '../../../test-support/temp-db';
import { importCsvFile } from './import-engine';

// docs/domain.md §2.7: imported rows get the checks of the form, through the same zod schemas.

let ctx: ReturnType<typeof openTempCtx>;
beforeEach(() => {
  ctx = openTempCtx();
});
afterEach(() => ctx.close());

function file(text: string): string {
  const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'll-valid-')), 'rows.csv');
  fs.writeFileSync(f, text);
  return f;
}

const header =
  'ref,source,title,url,stage,created_on,applied_on,closed_on,connects,connects_refunded,value,currency,tags';

describe('imported rows are checked like the form', () => {
  it('title length, URL scheme, date order, connects, tags and amounts: each with its line and column', async () => {
    const s = await importCsvFile(
      ctx.db,
      file(
        [
          header,
          `V1,Upwork,${'t'.repeat(201)},,new,2026-08-01,,,0,0,,USD,`,
          'V2,Upwork,Bad URL,javascript:alert(1),new,2026-08-01,,,0,0,,USD,',
          'V3,Upwork,Closed early,,won,2026-08-01,2026-08-05,2026-08-03,0,0,,USD,',
          'V4,Upwork,Applied early,,applied,2026-08-05,2026-08-01,,0,0,,USD,',
          'V5,Upwork,Refunds,,new,2026-08-01,,,1,4,,USD,',
          `V6,Upwork,Long tag,,new,2026-08-01,,,0,0,,USD,${'x'.repeat(41)}`,
          'V7,Upwork,Fine,https://x.test/7,new,2026-08-01,,,0,0,10.00,USD,a;b',
          ' ,Upwork,,,new,2026-08-01,,,0,0,,USD,',
        ].join('\n'),
      ),
      {},
      { now: ctx.now },
    );
    expect(s.applied).toBe(false);
    expect(s.invalid).toEqual([
      { line: 2, message: 'title: At most 200 characters' },
      { line: 3, message: 'url: Use a web address starting with http:// or https://' },
      { line: 4, message: 'closed_on: Closed (2026-08-03) cannot be before Applied (2026-08-05)' },
      { line: 5, message: 'applied_on: Applied (2026-08-01) cannot be before Created (2026-08-05)' },
      { line: 6, message: 'connects_refunded: Cannot refund more connects than were spent' },
      { line: 7, message: 'tags.0: Tags are at most 40 characters' },
      { line: 9, message: 'title: Give the lead a title' },
    ]);
    expect(Object.keys(s.counts.invalid).sort()).toEqual([
      'applied_on',
      'closed_on',
      'connects_refunded',
      'tags.0',
      'title',
      'url',
    ]);
  });

  it('the API refuses the same values with the same messages (one validator)', async () => {
    const upwork = sourceId(ctx, 'Upwork');
    const api = await dispatch(ctx, 'leads:create', {
      title: 'x',
      sourceId: upwork,
      url: 'javascript:alert(1)',
      createdOn: '2026-08-01',
      appliedOn: '2026-08-05',
      closedOn: '2026-08-03',
    });
    expect(api.ok).toBe(false);
    if (api.ok) return;
    expect(api.error.fields).toEqual([
      { path: 'url', message: 'Use a web address starting with http:// or https://' },
      { path: 'closedOn', message: 'Closed (2026-08-03) cannot be before Applied (2026-08-05)' },
    ]);
  });

  it('payments and expenses: description length and connects on a non-connects expense', async () => {
    const p = await importCsvFile(
      ctx.db,
      file(`ref,date,source,description,gross,fee,currency\nP1,2026-08-01,Upwork,${'d'.repeat(501)},10.00,,USD\n`),
      {},
      { now: ctx.now },
    );
    expect(p.invalid).toEqual([{ line: 2, message: 'description: At most 500 characters' }]);
    const e = await importCsvFile(
      ctx.db,
      file('ref,date,source,category,description,amount,currency,connects\nE1,2026-08-01,Upwork,tax,VAT,1.00,USD,5\n'),
      {},
      { now: ctx.now },
    );
    expect(e.invalid).toEqual([{ line: 2, message: 'connects: Only a connects purchase has a number of connects' }]);
  });
});
