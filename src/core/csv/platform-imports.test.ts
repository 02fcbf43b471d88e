import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rollupDrift } from '../rollups/rebuild';
import { openTempCtx } from '../test-support/temp-db';
import { importCsvFile, type ImportOptions } from './import-engine';
import { parseCsvText } from './parser';
import { typeKey } from './type-decisions';
import { upworkTypes } from './upwork';

const fx = (name: string) => path.join(import.meta.dirname, '__fixtures__', name);
let ctx: ReturnType<typeof openTempCtx>;
beforeEach(() => {
  ctx = openTempCtx();
});
afterEach(() => ctx.close());
const run = (name: string, options: ImportOptions = {}) => importCsvFile(ctx.db, fx(name), options, { now: ctx.now });
const rows = (sql: string) => ctx.db.prepare(sql).all() as Record<string, unknown>[];

const payments = () => rows(`SELECT p.ref, p.date, s.name AS source, p.gross_minor AS gross, p.fee_minor AS fee, p.currency FROM payments p JOIN sources s ON s.id = p.source_id ORDER BY p.id`);
const expenses = () => rows(`SELECT e.ref, e.category, e.amount_minor AS amount, e.connects FROM expenses e ORDER BY e.id`);

describe('Upwork, current layout', () => {
  it('maps every transaction type of DOMAIN.md §3', async () => {
    const s = await run('upwork-current.csv');
    expect(s).toMatchObject({ format: 'upwork', rows: 23, inserted: 17, transfers: 3, merged: 3, invalidCount: 0, applied: true });
    expect(payments()).toEqual([
      { ref: 'upwork:T100:hourly:R1', date: '2026-09-25', source: 'Upwork', gross: 40000, fee: 4000, currency: 'USD' },
      { ref: 'upwork:T101:fixedprice:R3', date: '2026-09-24', source: 'Upwork', gross: 100000, fee: 10000, currency: 'USD' },
      { ref: 'upwork:T102:fixedprice:R5', date: '2026-09-23', source: 'Upwork', gross: 5000, fee: 0, currency: 'USD' },
      { ref: 'upwork:T103:milestone:R6', date: '2026-09-23', source: 'Upwork', gross: 30000, fee: 0, currency: 'USD' },
      { ref: 'upwork:T104:bonus:R7', date: '2026-09-22', source: 'Upwork', gross: 2500, fee: 0, currency: 'USD' },
      { ref: 'upwork:T105:miscellaneous:R8', date: '2026-09-22', source: 'Upwork', gross: 500, fee: 0, currency: 'USD' },
      // Refund with its service fee refund (same Transaction ID): negative gross, negative fee.
      { ref: 'upwork:T106:refund:R9', date: '2026-09-21', source: 'Upwork', gross: -3000, fee: -300, currency: 'USD' },
      { ref: 'upwork:T107:refundtoclient:R11', date: '2026-09-21', source: 'Upwork', gross: -1000, fee: 0, currency: 'USD' },
      // A service fee whose earning is not in the file stands alone.
      { ref: 'upwork:T118:servicefee:R23', date: '2026-09-17', source: 'Upwork', gross: 0, fee: 700, currency: 'USD' },
    ]);
    expect(expenses()).toEqual([
      { ref: 'upwork:T108:connects:R12', category: 'connects', amount: 1200, connects: 80 },
      { ref: 'upwork:T109:subscription:R13', category: 'subscription', amount: 1999, connects: 0 },
      { ref: 'upwork:T110:membershipfee:R14', category: 'subscription', amount: 1499, connects: 0 },
      { ref: 'upwork:T111:withdrawalfee:R15', category: 'fee', amount: 99, connects: 0 },
      { ref: 'upwork:T112:gst:R16', category: 'tax', amount: 100, connects: 0 },
      { ref: 'upwork:T113:vat:R17', category: 'tax', amount: 200, connects: 0 },
      { ref: 'upwork:T114:tax:R18', category: 'tax', amount: 300, connects: 0 },
      { ref: 'upwork:T115:wht:R19', category: 'tax', amount: 400, connects: 0 },
    ]);
    expect(rollupDrift(ctx.db)).toEqual([]);
  });

  it('the fixture covers every known type', () => {
    const records = parseCsvText(fs.readFileSync(fx('upwork-current.csv'), 'utf8')).slice(1);
    const seen = new Set(records.map((r) => typeKey(r.fields[2] ?? '')));
    expect(upworkTypes.length).toBe(20);
    for (const t of upworkTypes) expect(seen.has(t), t).toBe(true);
  });

  it('older header spellings and type spellings (hyphens, case)', async () => {
    const s = await run('upwork-current-older-headers.csv');
    expect(s).toMatchObject({ format: 'upwork', inserted: 1, merged: 1 });
    expect(payments()).toMatchObject([{ gross: 10000, fee: 1000 }]);
  });

  it('an unknown type is an invalid row, never guessed', async () => {
    const s = await run('upwork-current-unknown-type.csv');
    expect(s.applied).toBe(false);
    expect(s.invalid).toEqual([{ line: 3, message: 'Upwork type "Mystery Credit" is not one LeadLedger knows; nothing is guessed' }]);
    expect(payments()).toEqual([]);
  });

  it('--source puts the rows on another channel (created when new)', async () => {
    const s = await run('upwork-current.csv', { source: 'Upwork (agency)' });
    expect(s.createdSources).toEqual(['Upwork (agency)']);
    expect(new Set(payments().map((p) => p.source))).toEqual(new Set(['Upwork (agency)']));
  });
});

describe('Upwork, legacy layout', () => {
  it('maps every type; fees join the Ref ID their description names', async () => {
    const s = await run('statements_2026-09-01_2026-09-30.csv');
    expect(s).toMatchObject({ format: 'upwork-legacy', rows: 21, inserted: 15, transfers: 3, merged: 3, invalidCount: 0 });
    expect(payments().map((p) => [p.ref, p.gross, p.fee])).toEqual([
      ['upwork:900', 40000, 4000],
      ['upwork:902', 100000, 10000],
      ['upwork:904', 30000, 0],
      ['upwork:905', 2500, 0],
      ['upwork:906', 500, 0],
      ['upwork:907', -3000, -300],
      ['upwork:909', -1000, 0],
    ]);
    expect(expenses().map((e) => [e.ref, e.category, e.amount, e.connects])).toEqual([
      ['upwork:910', 'connects', 600, 40],
      ['upwork:911', 'subscription', 1999, 0],
      ['upwork:912', 'subscription', 1499, 0],
      ['upwork:913', 'fee', 99, 0],
      ['upwork:914', 'tax', 100, 0],
      ['upwork:915', 'tax', 200, 0],
      ['upwork:916', 'tax', 300, 0],
      ['upwork:917', 'tax', 400, 0],
    ]);
  });

  it('--as upwork accepts either layout; --as paypal on it is refused naming the missing column', async () => {
    await expect(run('statements_2026-09-01_2026-09-30.csv', { as: 'paypal' })).rejects.toThrow(/not paypal CSV: it has no column Gross/);
    const s = await run('statements_2026-09-01_2026-09-30.csv', { as: 'upwork' });
    expect(s.format).toBe('upwork-legacy');
  });
});

describe('PayPal and Stripe', () => {
  it('PayPal activity: payments with fee = −Fee, refunds negative, decimal commas, transfers and pending skipped', async () => {
    const s = await run('paypal-activity.csv');
    expect(s).toMatchObject({ format: 'paypal', rows: 6, inserted: 4, transfers: 1, skipped: 1, createdSources: ['PayPal'] });
    expect(payments()).toEqual([
      { ref: 'paypal:PP1', date: '2026-09-25', source: 'PayPal', gross: 100000, fee: 3430, currency: 'USD' },
      { ref: 'paypal:PP2', date: '2026-09-26', source: 'PayPal', gross: -10000, fee: -343, currency: 'USD' },
      { ref: 'paypal:PP4', date: '2026-09-28', source: 'PayPal', gross: 25000, fee: 875, currency: 'EUR' },
    ]);
    expect(expenses()).toEqual([{ ref: 'paypal:PP6', category: 'other', amount: 1500, connects: 0 }]);
  });

  it('Stripe balance report: charge and refund are payments, payout a transfer, Stripe fee an expense', async () => {
    const s = await run('stripe-balance.csv');
    expect(s).toMatchObject({ format: 'stripe-balance', inserted: 3, transfers: 1 });
    expect(payments()).toEqual([
      { ref: 'stripe:txn_1', date: '2026-09-25', source: 'Stripe', gross: 50000, fee: 1480, currency: 'USD' },
      { ref: 'stripe:txn_2', date: '2026-09-26', source: 'Stripe', gross: -5000, fee: 0, currency: 'USD' },
    ]);
    expect(expenses()).toEqual([{ ref: 'stripe:txn_4', category: 'fee', amount: 200, connects: 0 }]);
  });

  it('Stripe payments export (both date headers): paid charges, refunded part, failed skipped', async () => {
    const s = await run('stripe-payments.csv');
    expect(s).toMatchObject({ format: 'stripe-payments', rows: 3, inserted: 3, skipped: 1 });
    expect(payments().map((p) => [p.ref, p.gross, p.fee])).toEqual([
      ['stripe:ch_1', 20000, 610],
      ['stripe:ch_2', 10000, 320],
      ['stripe:ch_2:refund', -4000, 0],
    ]);
    const older = await run('stripe-payments-older.csv');
    expect(older).toMatchObject({ format: 'stripe-payments', inserted: 1 });
  });
});
