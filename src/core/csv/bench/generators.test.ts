import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempCtx } from '../../../../test-support/temp-db';
import { rollupDrift } from '../../rollups/rebuild';
import { importCsvFile } from '../import-engine';
import { writePaypalCsv } from './generate-paypal';
import { writeUpworkCsv } from './generate-upwork';

// The bench files must be what the importers really read: recognised, no invalid row, the mix as planned.
let ctx: ReturnType<typeof openTempCtx>;
beforeEach(() => {
  ctx = openTempCtx();
});
afterEach(() => ctx.close());
const file = (name: string) => path.join(path.dirname(ctx.dbPath), name);
const one = (sql: string) => ctx.db.prepare(sql).get() as Record<string, number>;

describe('bench generators', () => {
  it('write an Upwork statement whose fees all find their payment', async () => {
    writeUpworkCsv(file('upwork.csv'), 1000);
    const s = await importCsvFile(ctx.db, file('upwork.csv'), {}, { now: ctx.now });
    expect(s).toMatchObject({
      format: 'upwork',
      rows: 1000,
      inserted: 600,
      transfers: 100,
      merged: 300,
      invalidCount: 0,
      applied: true,
    });
    expect(s.counts).toMatchObject({
      payments: 390,
      fees: 300,
      expenses: { connects: 100, subscription: 10, fee: 100 },
    });
    // Every Hourly/Fixed-price/Milestone payment carries its fee (about 10% of gross); bonuses have none.
    expect(
      one(`SELECT COUNT(*) AS n FROM payments WHERE fee_minor > 0 AND ABS(fee_minor * 10 - gross_minor) <= 10`).n,
    ).toBe(300);
    expect(one(`SELECT COUNT(*) AS n FROM payments WHERE fee_minor = 0`).n).toBe(90);
    expect(one(`SELECT SUM(connects) AS n FROM expenses WHERE category = 'connects'`).n).toBe(8000);
    expect(rollupDrift(ctx.db)).toEqual([]);
    // Deterministic: the same rows give the same bytes.
    writeUpworkCsv(file('again.csv'), 1000);
    expect(fs.readFileSync(file('again.csv'))).toEqual(fs.readFileSync(file('upwork.csv')));
  });

  it('write a PayPal download of payments, refunds, purchases, transfers and pending rows', async () => {
    writePaypalCsv(file('paypal.csv'), 1000);
    const s = await importCsvFile(ctx.db, file('paypal.csv'), {}, { now: ctx.now });
    expect(s).toMatchObject({
      format: 'paypal',
      rows: 1000,
      inserted: 500,
      transfers: 300,
      skipped: 200,
      invalidCount: 0,
      applied: true,
    });
    expect(
      ctx.db.prepare(`SELECT currency, COUNT(*) AS n FROM payments GROUP BY currency ORDER BY currency`).all(),
    ).toEqual([
      { currency: 'EUR', n: 100 },
      { currency: 'GBP', n: 100 },
      { currency: 'USD', n: 300 },
    ]);
    expect(one(`SELECT COUNT(*) AS n FROM payments WHERE gross_minor < 0`).n).toBe(100);
  });
});
