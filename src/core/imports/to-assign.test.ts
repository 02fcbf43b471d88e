import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importCsvFile } from '../csv/import-engine';
import { callOk, openTempCtx } from '../../../test-support/temp-db';

// docs/domain.md §7: payments no title or client links wait on "To assign", for every channel.
let ctx: ReturnType<typeof openTempCtx>;
beforeEach(() => (ctx = openTempCtx(new Date('2026-04-05T12:00:00Z'))));
afterEach(() => ctx.close());

const statement = [
  'Date,Ref ID,Type,Description,Agency,Freelancer,Team,Account Name,PO,Amount,Amount in local currency,Currency,Balance',
  '13-Mar-26,900002,Hourly,Invoice for Shopify theme fixes,,,,Ever,,240,,,0',
  '06-Mar-26,900001,Fixed Price,Invoice for Landing page rebuild,,,,Ever,,200,,,0',
].join('\n');

describe('To assign covers every channel', () => {
  it('lists an Upwork payment with no lead, and reads it through a partial index', async () => {
    const file = path.join(path.dirname(ctx.dbPath), 'statement.csv');
    fs.writeFileSync(file, `${statement}\n`);
    await importCsvFile(ctx.db, file, {}, { now: ctx.now });
    const waiting = await callOk<{
      items: { sourceName: string; rail: string | null; grossMinor: number }[];
      total: number;
    }>(ctx, 'payments:to-assign', {});
    expect(waiting.total).toBe(2);
    expect(waiting.items.map((p) => [p.sourceName, p.rail, p.grossMinor])).toEqual([
      ['Upwork', null, 24000],
      ['Upwork', null, 20000],
    ]);
    expect(await callOk(ctx, 'payments:to-assign-count', {})).toEqual({ count: 2 });
    const plan = ctx.db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT COUNT(*) FROM payments p WHERE p.rail IS NULL AND p.import_id IS NOT NULL AND p.lead_id IS NULL AND p.assigned = 0 AND p.gross_minor != 0`,
      )
      .all() as { detail: string }[];
    expect(plan.map((r) => r.detail).join('\n')).toMatch(/payments_waiting/);
  });
});
