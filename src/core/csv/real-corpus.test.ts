import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rollupDrift } from '../rollups/rebuild';
import { openTempCtx } from '../../../test-support/temp-db';
import { importCsvFile } from './import-engine';

// Every file of ../shared/corpus/real (third-party exports, never copied into the project) against
// the expected figures of its SOURCES.md (docs/domain.md §3 rules). Skipped, saying why, without it.

const corpus = path.resolve(import.meta.dirname, '../../../../shared/corpus/real');
const present = fs.existsSync(path.join(corpus, 'SOURCES.md'));

type Money = Record<string, { gross: number; fee: number; count: number }>;
type Expected = {
  payments: Money;
  expenses?: Record<string, { amount: number; connects?: number }>;
  transfers: number;
  skipped: number;
  format: string;
};

const expected: Record<string, Expected | { refused: RegExp }> = {
  'upwork_gauzy_statement_20200201_20200229.csv': {
    format: 'upwork-legacy',
    payments: { USD: { gross: 99650, fee: 11425, count: 3 } },
    expenses: { connects: { amount: 300, connects: 20 }, subscription: { amount: 2000 }, fee: { amount: 198 } },
    transfers: 3,
    skipped: 0,
  },
  'upwork_gauzy_statement_20200214_20200313.csv': {
    format: 'upwork-legacy',
    payments: { USD: { gross: 3600, fee: 720, count: 1 } },
    expenses: { subscription: { amount: 1499 } },
    transfers: 1,
    skipped: 0,
  },
  'upwork_pmtracker_current_RECONSTRUCTED.csv': {
    format: 'upwork',
    payments: { USD: { gross: 189000, fee: 18900, count: 2 } },
    expenses: {},
    transfers: 1,
    skipped: 0,
  },
  'upwork_earnings_by_contract_naodalemu.csv': {
    refused: /Upwork's 'Earnings by contract' report; export the Transaction history instead/,
  },
  'paypal_hledger_custom.csv': {
    format: 'paypal',
    payments: { USD: { gross: 1000, fee: 59, count: 1 } },
    transfers: 3,
    skipped: 3,
  },
  'paypal_nilswerner_english.csv': {
    format: 'paypal',
    payments: { USD: { gross: 12550, fee: 415, count: 2 } },
    transfers: 1,
    skipped: 2,
  },
  'paypal_nilswerner_german.csv': {
    format: 'paypal-de',
    payments: { EUR: { gross: 4075, fee: 225, count: 2 } },
    transfers: 2,
    skipped: 1,
  },
  'paypal_jakobhellermann_de_2023.csv': {
    format: 'paypal-de-2023',
    payments: { EUR: { gross: 107668, fee: 57, count: 70 } },
    transfers: -1,
    skipped: -1,
  },
  'paypal_amouhzi_example1.csv': { format: 'paypal-fr', payments: {}, transfers: 1, skipped: 0 },
  'paypal_amouhzi_example2.csv': { format: 'paypal-fr', payments: {}, transfers: 1, skipped: 0 },
  'paypal_amouhzi_basic.csv': { format: 'paypal-balance', payments: {}, transfers: 3, skipped: 2 },
  'paypal_ejbest_balance_affecting.csv': { format: 'paypal-balance', payments: {}, transfers: 4, skipped: 5 },
  'paypal_plutov_header_only.csv': { format: 'paypal', payments: {}, transfers: 0, skipped: 0 },
  'stripe_hledger_balance.csv': {
    format: 'stripe-balance',
    payments: { USD: { gross: 1123, fee: 0, count: 2 } },
    transfers: 0,
    skipped: 0,
  },
  'stripe_payments_brknt_testmode.csv': {
    format: 'stripe-payments',
    payments: { USD: { gross: 24000, fee: 876, count: 6 } },
    transfers: 0,
    skipped: 0,
  },
  'stripe_payments_craftit_testmode.csv': {
    format: 'stripe-payments',
    payments: { USD: { gross: 5630000, fee: 163390, count: 4 } },
    transfers: 0,
    skipped: 0,
  },
  'stripe_payments_meedi8.csv': {
    format: 'stripe-payments',
    payments: { GBP: { gross: 2997, fee: 156, count: 3 } },
    transfers: 0,
    skipped: 8,
  },
  'stripe_payments_overlayon_thb.csv': {
    format: 'stripe-payments',
    payments: { THB: { gross: 53480, fee: 3788, count: 1 } },
    transfers: 0,
    skipped: 0,
  },
  'stripe_payments_overlayon_semicolon.csv': {
    format: 'stripe-payments',
    payments: { THB: { gross: 28433230, fee: 2110635, count: 622 } },
    transfers: 0,
    skipped: 0,
  },
  'stripe_connect_fees_kosta_decimalcomma.csv': { refused: /Stripe Connect's 'Collected fees' export/ },
};

let ctx: ReturnType<typeof openTempCtx>;
beforeEach(() => {
  ctx = openTempCtx();
});
afterEach(() => ctx.close());

const all = <T>(sql: string) => ctx.db.prepare(sql).all() as T[];
const money = (): Money =>
  Object.fromEntries(
    all<{ currency: string; gross: number; fee: number; count: number }>(
      `SELECT currency, SUM(gross_minor) AS gross, SUM(fee_minor) AS fee, COUNT(*) AS count FROM payments GROUP BY currency`,
    ).map((r) => [r.currency, { gross: r.gross, fee: r.fee, count: r.count }]),
  );
const expenses = () =>
  Object.fromEntries(
    all<{ category: string; amount: number; connects: number }>(
      `SELECT category, SUM(amount_minor) AS amount, SUM(connects) AS connects FROM expenses GROUP BY category`,
    ).map((r) => [
      r.category,
      r.category === 'connects' ? { amount: r.amount, connects: r.connects } : { amount: r.amount },
    ]),
  );

describe.skipIf(!present)('the real corpus imports with the figures of SOURCES.md', () => {
  it('knows every file of the corpus', () => {
    const files = fs.readdirSync(corpus).filter((f) => f.endsWith('.csv'));
    // The files added 2026-12-06 are checked by real-corpus-added.test.ts.
    const added = [
      'toggl_vages_2018-10.csv',
      'toggl_solidtime_test1.csv',
      'clockify_solidtime_test1.csv',
      'harvest_solidtime_test1.csv',
      'wise_kedder_2020layout.csv',
      'paypal_oca_statement_en.csv',
      'paypal_oca_activity_en.csv',
    ];
    expect(files.sort()).toEqual([...Object.keys(expected), ...added].sort());
  });

  it.each(Object.keys(expected))('%s', async (name) => {
    const file = path.join(corpus, name);
    const want = expected[name]!;
    if ('refused' in want) {
      await expect(importCsvFile(ctx.db, file, {}, { now: ctx.now })).rejects.toThrow(want.refused);
      expect(all(`SELECT * FROM payments`)).toEqual([]);
      return;
    }
    const s = await importCsvFile(ctx.db, file, {}, { now: ctx.now });
    expect(s.invalid).toEqual([]);
    expect(s).toMatchObject({ format: want.format, applied: true });
    expect(money()).toEqual(want.payments);
    if (want.expenses) expect(expenses()).toEqual(want.expenses);
    if (want.transfers >= 0) expect(s.transfers).toBe(want.transfers);
    if (want.skipped >= 0) expect(s.skipped).toBe(want.skipped);
    expect(rollupDrift(ctx.db)).toEqual([]);
    // Idempotence: the same file again changes nothing.
    const again = await importCsvFile(ctx.db, file, {}, { now: ctx.now });
    expect(again).toMatchObject({ inserted: 0, updated: 0 });
    expect(money()).toEqual(want.payments);
  });

  it('the German 2023+ file: 70 payments and 271 rows that are not revenue', async () => {
    const s = await importCsvFile(
      ctx.db,
      path.join(corpus, 'paypal_jakobhellermann_de_2023.csv'),
      {},
      { now: ctx.now },
    );
    expect(s.rows).toBe(341);
    expect(s.transfers + s.skipped).toBe(271);
  });

  it('meedi8: the 8 requires_payment_method rows are skipped by reason', async () => {
    const s = await importCsvFile(ctx.db, path.join(corpus, 'stripe_payments_meedi8.csv'), {}, { now: ctx.now });
    expect(s.counts.skipped).toEqual({ 'status requires_payment_method': 8 });
  });
});

describe.skipIf(present)('the real corpus', () => {
  it.skip(`is not at ${corpus}: the figures of SOURCES.md were not checked`, () => {});
});
