import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveTypeDecision } from './import-decisions-repo';
import { rollupDrift } from '../rollups/rebuild';
import { openTempCtx } from '../../../test-support/temp-db';
import { importCsvFile, type ImportOptions } from './import-engine';
import { parseCsvText } from './parser';
import { typeKey } from './type-decisions';
import { upworkTypes } from './upwork';

// One fixture of our own making for each quirk of ../shared/corpus/real/SOURCES.md (docs/domain.md §3).

const fx = (name: string) => path.join(import.meta.dirname, '__fixtures__', name);
let ctx: ReturnType<typeof openTempCtx>;
beforeEach(() => {
  ctx = openTempCtx();
});
afterEach(() => ctx.close());
const run = (name: string, options: ImportOptions = {}) => importCsvFile(ctx.db, fx(name), options, { now: ctx.now });
const rows = (sql: string) => ctx.db.prepare(sql).all() as Record<string, unknown>[];

const payments = () =>
  rows(
    `SELECT p.ref, p.date, s.name AS source, p.gross_minor AS gross, p.fee_minor AS fee, p.currency FROM payments p JOIN sources s ON s.id = p.source_id ORDER BY p.id`,
  );
const money = () => payments().map((p) => [p.date, p.gross, p.fee, p.currency]);
const expenses = () =>
  rows(`SELECT e.ref, e.category, e.amount_minor AS amount, e.connects FROM expenses e ORDER BY e.id`);

describe('Upwork, current layout', () => {
  it('maps every transaction type of DOMAIN.md §3', async () => {
    const s = await run('upwork-current.csv');
    expect(s).toMatchObject({
      format: 'upwork',
      rows: 24,
      inserted: 18,
      transfers: 3,
      merged: 3,
      invalidCount: 0,
      applied: true,
    });
    expect(s.recognisedBy).toEqual(['Date', 'Transaction ID', 'Transaction type', 'Amount $']);
    expect(s.counts).toMatchObject({
      payments: 8,
      fees: 4,
      transfers: 3,
      expenses: { connects: 1, subscription: 2, fee: 2, tax: 4 },
    });
    expect(payments()).toEqual([
      { ref: 'upwork:T100:hourly:R1', date: '2026-09-25', source: 'Upwork', gross: 40000, fee: 4000, currency: 'USD' },
      {
        ref: 'upwork:T101:fixedprice:R3',
        date: '2026-09-24',
        source: 'Upwork',
        gross: 100000,
        fee: 10000,
        currency: 'USD',
      },
      { ref: 'upwork:T102:fixedprice:R5', date: '2026-09-23', source: 'Upwork', gross: 5000, fee: 0, currency: 'USD' },
      { ref: 'upwork:T103:milestone:R6', date: '2026-09-23', source: 'Upwork', gross: 30000, fee: 0, currency: 'USD' },
      { ref: 'upwork:T104:bonus:R7', date: '2026-09-22', source: 'Upwork', gross: 2500, fee: 0, currency: 'USD' },
      {
        ref: 'upwork:T105:miscellaneous:R8',
        date: '2026-09-22',
        source: 'Upwork',
        gross: 500,
        fee: 0,
        currency: 'USD',
      },
      // Refund with its service fee refund (same Transaction ID): negative gross, negative fee.
      { ref: 'upwork:T106:refund:R9', date: '2026-09-21', source: 'Upwork', gross: -3000, fee: -300, currency: 'USD' },
      {
        ref: 'upwork:T107:refundtoclient:R11',
        date: '2026-09-21',
        source: 'Upwork',
        gross: -1000,
        fee: 0,
        currency: 'USD',
      },
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
      { ref: 'upwork:T119:processingfee:R24', category: 'fee', amount: 150, connects: 0 },
    ]);
    expect(rollupDrift(ctx.db)).toEqual([]);
  });

  it('the fixture covers every known type', () => {
    const records = parseCsvText(fs.readFileSync(fx('upwork-current.csv'), 'utf8')).slice(1);
    const seen = new Set(records.map((r) => typeKey(r.fields[2] ?? '')));
    expect(upworkTypes.length).toBe(21);
    for (const t of upworkTypes) expect(seen.has(t), t).toBe(true);
  });

  it('a Service Fee before its payment shares its Transaction ID, with its own Ref ID; rows out of date order', async () => {
    const s = await run('upwork-current-fee-first.csv');
    expect(s).toMatchObject({ inserted: 2, merged: 2, transfers: 1, invalidCount: 0 });
    expect(money()).toEqual([
      ['2026-10-02', 90000, 9000, 'USD'],
      ['2026-09-28', 5000, 500, 'USD'],
    ]);
  });

  it('Title Case headers, Agency/Team, Entered Description and a BOM; "80 Connects" under Membership Fee', async () => {
    const s = await run('upwork-current-titlecase.csv');
    expect(s).toMatchObject({ format: 'upwork', inserted: 2, merged: 1, invalidCount: 0 });
    expect(money()).toEqual([['2026-11-20', 50000, 5000, 'USD']]);
    expect(rows(`SELECT description FROM payments`)[0]!.description).toContain('Week 46');
    expect(expenses()).toMatchObject([{ category: 'connects', amount: 1200, connects: 80 }]);
  });

  it('ExchangeRate instead of Amount in local currency; "Aug 05, 2026"; GST naming a Ref ID is a tax, not a fee', async () => {
    const s = await run('upwork-current-exchangerate.csv');
    expect(s).toMatchObject({ format: 'upwork', inserted: 2, merged: 1, invalidCount: 0 });
    expect(money()).toEqual([['2026-08-05', 25000, 2500, 'USD']]);
    expect(expenses()).toMatchObject([{ category: 'tax', amount: 450 }]);
  });

  it('--source puts the rows on another channel (created when new)', async () => {
    const s = await run('upwork-current.csv', { source: 'Upwork (agency)' });
    expect(s.createdSources).toEqual(['Upwork (agency)']);
    expect(new Set(payments().map((p) => p.source))).toEqual(new Set(['Upwork (agency)']));
  });

  it('another Upwork report is named as such, never read as ours', async () => {
    await expect(run('upwork-earnings-by-contract.csv')).rejects.toThrow(
      "This is Upwork's 'Earnings by contract' report; export the Transaction history instead",
    );
    await expect(run('upwork-earnings-by-contract.csv', { as: 'payments' })).rejects.toThrow('Earnings by contract');
  });
});

describe('Upwork, legacy layout', () => {
  it('maps every type; fees join the Ref ID their description names', async () => {
    const s = await run('statements_2026-09-01_2026-09-30.csv');
    expect(s).toMatchObject({
      format: 'upwork-legacy',
      rows: 22,
      inserted: 16,
      transfers: 3,
      merged: 3,
      invalidCount: 0,
    });
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
      ['upwork:921', 'fee', 150, 0],
    ]);
  });

  it('re-saved by Excel: 28-Feb-20 dates, 542.5 and -1000, fee rows before the payment they name, Membership Fee for Connects (10)', async () => {
    const s = await run('upwork-legacy-excel.csv');
    expect(s).toMatchObject({ format: 'upwork-legacy', invalidCount: 0, transfers: 3, merged: 2 });
    expect(s.readAs).toContain('Date as D-MMM-YY');
    expect(money()).toEqual([
      ['2021-03-09', 30000, 6000, 'USD'],
      ['2021-03-02', 54250, 5425, 'USD'],
      ['2021-03-01', 15400, 0, 'USD'],
    ]);
    expect(expenses().map((e) => [e.category, e.amount, e.connects])).toEqual([
      ['subscription', 2000, 0],
      ['fee', 99, 0],
      ['connects', 150, 10],
    ]);
  });

  it('--as upwork accepts either layout; --as paypal on it is refused naming the missing column', async () => {
    await expect(run('statements_2026-09-01_2026-09-30.csv', { as: 'paypal' })).rejects.toThrow(
      /not paypal CSV: it has no column/,
    );
    const s = await run('statements_2026-09-01_2026-09-30.csv', { as: 'upwork' });
    expect(s.format).toBe('upwork-legacy');
  });
});

describe('unknown Upwork types are the user’s call, once per platform', () => {
  it('are listed (type, count, first lines) and refused until decided; never guessed', async () => {
    const s = await run('upwork-legacy-unknown-types.csv');
    expect(s.applied).toBe(false);
    expect(s.unknownTypes).toEqual([
      { platform: 'upwork', type: 'Adjustment', count: 2, lines: [2, 5] },
      { platform: 'upwork', type: 'Expense', count: 1, lines: [3] },
    ]);
    expect(s.counts.invalid).toEqual({ 'unknown type': { count: 3, lines: [2, 3, 5] } });
    expect(payments()).toEqual([]);
  });

  it('a saved decision is used by later imports', async () => {
    saveTypeDecision(ctx.db, 'upwork', 'adjustment', { type: 'Adjustment', as: 'payment' });
    saveTypeDecision(ctx.db, 'upwork', 'expense', { type: 'Expense', as: 'expense', category: 'other' });
    const s = await run('upwork-legacy-unknown-types.csv');
    expect(s).toMatchObject({ applied: true, invalidCount: 0, unknownTypes: [] });
    expect(money()).toEqual([
      ['2026-10-10', 1250, 0, 'USD'],
      ['2026-10-09', 10000, 0, 'USD'],
      ['2026-10-08', 250, 0, 'USD'],
    ]);
    expect(expenses()).toMatchObject([{ category: 'other', amount: 800 }]);
    saveTypeDecision(ctx.db, 'upwork', 'adjustment', { type: 'Adjustment', as: 'ignore' });
    const again = await run('upwork-legacy-unknown-types.csv');
    expect(again.counts.skipped).toEqual({ 'type Adjustment (ignored by your decision)': 2 });
  });

  it('the same type decided for PayPal does not apply to Upwork', async () => {
    saveTypeDecision(ctx.db, 'paypal', 'adjustment', { type: 'Adjustment', as: 'payment' });
    const s = await run('upwork-legacy-unknown-types.csv');
    expect(s.unknownTypes.map((u) => u.type)).toEqual(['Adjustment', 'Expense']);
  });
});

describe('PayPal', () => {
  it('English: a trailing space in the type, a pending bank deposit, one type for money in and out; fee = Gross − Net', async () => {
    const s = await run('paypal-en-custom.csv');
    expect(s).toMatchObject({ format: 'paypal', inserted: 1, transfers: 1, invalidCount: 0 });
    expect(s.counts.skipped).toEqual({ 'outgoing payment (purchase)': 2 });
    expect(payments()).toEqual([
      { ref: 'paypal:1C', date: '2026-10-13', source: 'PayPal', gross: 1000, fee: 59, currency: 'USD' },
    ]);
    expect(expenses()).toEqual([]);
  });

  it('English with positive fees (Net = Gross − Fee), ragged rows, no final newline: the fee is still a cost', async () => {
    const s = await run('paypal-en-positive-fees.csv');
    expect(s).toMatchObject({ inserted: 2, transfers: 1, invalidCount: 0 });
    expect(money()).toEqual([
      ['2026-09-15', 10000, 290, 'USD'],
      ['2026-10-06', 2550, 125, 'USD'],
    ]);
  });

  it('German classic: decimal commas with thousands, Abgeschlossen, a conversion pair, Ausstehend skipped', async () => {
    const s = await run('paypal-de-classic.csv');
    expect(s).toMatchObject({ format: 'paypal-de', inserted: 2, transfers: 2, invalidCount: 0, decimal: ',' });
    expect(s.counts.skipped).toEqual({ 'outgoing payment (purchase)': 1, 'not completed (Ausstehend)': 1 });
    expect(money()).toEqual([
      ['2026-09-15', 102500, 150, 'EUR'],
      ['2026-09-25', 1575, 75, 'EUR'],
    ]);
  });

  it('German 2023+: Beschreibung is the type, Entgelt the fee, the shipping column is not; BOM and CRLF', async () => {
    const s = await run('paypal-de-2023.csv');
    expect(s).toMatchObject({ format: 'paypal-de-2023', inserted: 2, transfers: 2, invalidCount: 0 });
    expect(s.recognisedBy).toContain('Entgelt');
    expect(s.counts.skipped).toEqual({ 'outgoing payment (purchase)': 1, 'refund received': 1 });
    expect(money()).toEqual([
      ['2026-02-02', 1200, 0, 'EUR'],
      ['2026-09-17', 404, 57, 'EUR'],
    ]);
  });

  it('French: NBSP and a duplicate name in the header, an unquoted empty field, a refund given, En attente skipped', async () => {
    const s = await run('paypal-fr.csv');
    expect(s).toMatchObject({ format: 'paypal-fr', inserted: 2, transfers: 1, invalidCount: 0 });
    expect(s.warnings.join()).toMatch(/"Numéro de facture" appears more than once/);
    expect(s.counts.skipped).toEqual({ 'not completed (En attente)': 1 });
    expect(money()).toEqual([
      ['2026-02-16', 10000, 340, 'EUR'],
      ['2026-02-17', -2000, -68, 'EUR'],
    ]);
  });

  it('old UK layout: a space after every comma of the header, a trailing empty column, DD/MM dates, Amount only', async () => {
    const s = await run('paypal-uk-balance.csv');
    expect(s).toMatchObject({ format: 'paypal-balance', inserted: 0, transfers: 3, invalidCount: 0 });
    expect(s.counts.skipped).toEqual({ 'outgoing payment (purchase)': 2 });
  });

  it('balance affecting: BOM, no final newline, a comma inside quotes; money in is a payment without a fee', async () => {
    const s = await run('paypal-balance-affecting.csv');
    expect(s).toMatchObject({ format: 'paypal-balance', inserted: 1, transfers: 1, invalidCount: 0 });
    expect(payments()).toMatchObject([{ ref: 'paypal:R-1', date: '2026-01-02', gross: 4000, fee: 0 }]);
  });

  it('a header with no rows imports nothing and does not fail', async () => {
    const s = await run('paypal-header-only.csv');
    expect(s).toMatchObject({ format: 'paypal', rows: 0, inserted: 0, applied: true });
  });
});

describe('Stripe', () => {
  it('balance report: charge (unquoted empty description) and refund are payments, the rest transfers', async () => {
    const s = await run('stripe-balance.csv');
    expect(s).toMatchObject({ format: 'stripe-balance', inserted: 2, transfers: 2 });
    expect(payments()).toEqual([
      { ref: 'stripe:txn_1', date: '2026-09-25', source: 'Stripe', gross: 50000, fee: 1480, currency: 'USD' },
      { ref: 'stripe:txn_2', date: '2026-09-26', source: 'Stripe', gross: -5000, fee: 0, currency: 'USD' },
    ]);
  });

  it('payments export: gross = Amount − Amount Refunded, a refunded payment keeps its fee, Failed skipped', async () => {
    const s = await run('stripe-payments.csv');
    expect(s).toMatchObject({ format: 'stripe-payments', rows: 4, inserted: 3, skipped: 1 });
    expect(payments().map((p) => [p.ref, p.gross, p.fee])).toEqual([
      ['stripe:ch_1', 20000, 610],
      ['stripe:ch_2', 0, 320],
      ['stripe:ch_4', 55500, 2205],
    ]);
  });

  it('the older "Created (UTC)" header', async () => {
    const s = await run('stripe-payments-older.csv');
    expect(s).toMatchObject({ format: 'stripe-payments', inserted: 1 });
    expect(money()).toEqual([['2026-09-20', 1000, 59, 'EUR']]);
  });

  it('rows that never became payments are skipped even with an empty id', async () => {
    const s = await run('stripe-payments-incomplete.csv');
    expect(s).toMatchObject({
      inserted: 1,
      invalidCount: 0,
      counts: { skipped: { 'status requires_payment_method': 2 } },
    });
  });

  it('a converted payment is recorded in the settlement currency, fee = Fee + Taxes On Fee', async () => {
    await run('stripe-payments-converted.csv');
    expect(money()).toEqual([['2026-06-10', 53480, 3788, 'THB']]);
  });

  it('semicolons, CRLF, TRUE, no id, no final newline: identical rows stay separate, re-importing adds nothing', async () => {
    const s = await run('stripe-payments-semicolon.csv');
    expect(s).toMatchObject({ delimiter: ';', inserted: 3, skipped: 1, invalidCount: 0 });
    expect(money()).toEqual([
      ['2026-06-07', 53480, 3788, 'THB'],
      ['2026-06-06', 35006, 2849, 'THB'],
      ['2026-06-06', 35006, 2849, 'THB'],
    ]);
    expect(await run('stripe-payments-semicolon.csv')).toMatchObject({ inserted: 0, unchanged: 3 });
  });

  it('semicolons with decimal commas and DD.MM.YYYY dates', async () => {
    const s = await run('stripe-payments-semicolon-comma.csv');
    expect(s).toMatchObject({ decimal: ',', inserted: 2, invalidCount: 0 });
    expect(money()).toEqual([
      ['2026-06-07', 101500, 2973, 'EUR'],
      ['2026-06-08', 900, 51, 'EUR'],
    ]);
  });

  it("Stripe Connect's collected fees are named as another report, never read as ours", async () => {
    await expect(run('stripe-connect-fees.csv')).rejects.toThrow("This is Stripe Connect's 'Collected fees' export");
  });
});
