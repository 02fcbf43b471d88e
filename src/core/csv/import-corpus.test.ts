import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rollupDrift } from '../rollups/rebuild';
import { openTempCtx } from '../../../test-support/temp-db';
import { writeExport } from './export';
import { importCsvFile, type ImportOptions } from './import-engine';

const fixtures = path.join(import.meta.dirname, '__fixtures__');
const fx = (name: string) => path.join(fixtures, name);

let ctx: ReturnType<typeof openTempCtx>;
beforeEach(() => {
  ctx = openTempCtx();
});
afterEach(() => ctx.close());

const run = (file: string, options: ImportOptions = {}) => importCsvFile(ctx.db, file, options, { now: ctx.now });
const all = <T>(sql: string, ...params: unknown[]) => ctx.db.prepare(sql).all(...params) as T[];
const one = <T>(sql: string, ...params: unknown[]) => ctx.db.prepare(sql).get(...params) as T;
const countOf = (table: string) => one<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`).n;
const titles = () => all<{ title: string }>(`SELECT title FROM leads ORDER BY id`).map((r) => r.title);

function snapshot() {
  return [
    'leads',
    'payments',
    'expenses',
    'sources',
    'imports',
    'lead_rollup',
    'payment_rollup',
    'expense_rollup',
    'stage_changes',
  ].map((t) => all(`SELECT * FROM ${t} ORDER BY 1`));
}

describe('line endings, BOM and encodings give the same leads', () => {
  it.each(['leads-lf.csv', 'leads-crlf.csv', 'leads-cr.csv', 'leads-bom.csv'])('%s', async (name) => {
    const s = await run(fx(name));
    expect(s).toMatchObject({ format: 'leads', rows: 3, inserted: 3, applied: true, invalidCount: 0 });
    expect(titles()).toEqual(['Logo design', 'Landing page', 'Audit']);
    const l1 = one<Record<string, unknown>>(`SELECT * FROM leads WHERE ref = 'L1'`);
    expect(l1).toMatchObject({
      client: 'Acme',
      stage: 'applied',
      applied_on: '2026-08-02',
      connects: 16,
      value_minor: 50000,
      tags: 'design;logo',
      follow_up_on: '2026-08-20',
    });
    expect(rollupDrift(ctx.db)).toEqual([]);
  });

  it.each(['leads-utf16le.csv', 'leads-utf16be.csv'])('%s (UTF-16 with BOM)', async (name) => {
    const s = await run(fx(name));
    expect(s.encoding).toMatch(/^utf-16/);
    expect(s.inserted).toBe(4);
    expect(titles()).toContain('Café ünïcödé ✓');
  });

  it('Windows-1252: invalid UTF-8 falls back, 0x80 is the euro sign', async () => {
    const s = await run(fx('leads-win1252.csv'));
    expect(s.encoding).toBe('windows-1252');
    expect(s.warnings.join()).toMatch(/Windows-1252/);
    expect(one(`SELECT title, client FROM leads`)).toEqual({ title: 'Café logo € 500', client: 'Société' });
  });
});

describe('quoting, blank lines, ragged rows, duplicate headers, aliases', () => {
  it('quoted commas, doubled quotes and line breaks inside a field; blank lines skipped', async () => {
    const s = await run(fx('leads-quoted.csv'));
    expect(s).toMatchObject({ rows: 3, inserted: 3 });
    expect(titles()).toEqual(['Logo, icon and "brand" kit', '=HYPERLINK("http://evil")', 'Plain']);
    expect(one<{ notes: string }>(`SELECT notes FROM leads WHERE ref = 'Q1'`).notes).toBe(
      'line one\r\nline two\nline three',
    );
  });

  it('short rows are padded; a row with extra non-empty fields is invalid with its line', async () => {
    const s = await run(fx('leads-ragged.csv'));
    expect(s.applied).toBe(false);
    expect(s.invalid).toEqual([{ line: 4, message: 'has 19 fields; the header has 18' }]);
    expect(countOf('leads')).toBe(0);
    const skipped = await run(fx('leads-ragged.csv'), { skipInvalid: true });
    expect(skipped).toMatchObject({ applied: true, inserted: 2, skipped: 1 });
  });

  it('duplicate headers: the first column wins and the summary warns', async () => {
    const s = await run(fx('leads-dup-headers.csv'));
    expect(s.warnings[0]).toMatch(/"title" appears more than once/);
    expect(titles()).toEqual(['First']);
  });

  it('aliases never make our own format: a file without title and source under their own names is not leads', async () => {
    await expect(run(fx('leads-aliases.csv'))).rejects.toThrow(/not a format LeadLedger knows/);
    await expect(run(fx('leads-aliases.csv'), { as: 'leads' })).rejects.toThrow(
      /not leads CSV: it has no column title, source/,
    );
  });

  it('header names compared case-insensitively, trimmed, NBSP as a space; a trailing empty column ignored', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-csv-'));
    const file = path.join(dir, 'caps.csv');
    fs.writeFileSync(file, ' Ref ,SOURCE,Title\u00a0,Stage,Created_On,\nK1,Upwork,Caps,won,2026-08-01,\n');
    const s = await run(file);
    expect(s).toMatchObject({ format: 'leads', inserted: 1, invalidCount: 0, warnings: [] });
    expect(one(`SELECT ref, stage, created_on FROM leads`)).toEqual({
      ref: 'K1',
      stage: 'won',
      created_on: '2026-08-01',
    });
  });

  it('unknown extra columns are tolerated and named in a warning', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-csv-'));
    const file = path.join(dir, 'extra.csv');
    fs.writeFileSync(file, 'ref,source,title,created_on,priority\nX1,Upwork,Extra,2026-08-01,high\n');
    const s = await run(file);
    expect(s.inserted).toBe(1);
    expect(s.warnings).toEqual(['Column "priority" is not part of the LeadLedger leads format and was ignored']);
  });

  it('amounts like 1,234.56, (12.00), $12 and -12.00', async () => {
    await run(fx('payments-amounts.csv'));
    expect(all<{ ref: string; gross_minor: number }>(`SELECT ref, gross_minor FROM payments ORDER BY ref`)).toEqual([
      { ref: 'A1', gross_minor: 123456 },
      { ref: 'A2', gross_minor: -1200 },
      { ref: 'A3', gross_minor: 1200 },
      { ref: 'A4', gross_minor: -1200 },
    ]);
  });

  it('a record over the size cap is refused with the line where it starts', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-csv-'));
    const file = path.join(dir, 'big.csv');
    fs.writeFileSync(
      file,
      `ref,source,title,stage,created_on\nX1,Upwork,ok,new,2026-08-01\nX2,Upwork,"${'a'.repeat(1_100_000)}",new,2026-08-01\n`,
    );
    await expect(run(file)).rejects.toThrow(/Line 3: the record starting here is larger than 1024 KB/);
    expect(countOf('leads')).toBe(0);
  });
});

describe('all or nothing', () => {
  it('a file with bad rows is refused, listing each by its physical line (multi-line records counted)', async () => {
    const before = snapshot();
    const s = await run(fx('leads-bad-rows.csv'));
    expect(s.applied).toBe(false);
    expect(s.importId).toBeNull();
    expect(s.invalid.map((r) => r.line)).toEqual([4, 5, 7, 8, 9]);
    expect(s.invalid[2]!.message).toMatch(/USD has 2 decimals; "10.005" has 3/);
    expect(s.invalid[3]!.message).toMatch(/JPY has 0 decimals/);
    expect(snapshot()).toEqual(before);
  });

  it('--skip-invalid imports the valid rows only', async () => {
    const s = await run(fx('leads-bad-rows.csv'), { skipInvalid: true });
    expect(s).toMatchObject({ applied: true, inserted: 2, skipped: 5, invalidCount: 5 });
    expect(titles()).toEqual(['Two\nlines', 'Fine']);
  });

  it('an unterminated quote imports nothing and names the line where it starts', async () => {
    await run(fx('leads-lf.csv'));
    const before = snapshot();
    await expect(run(fx('leads-unterminated.csv'))).rejects.toThrow(
      'leads-unterminated.csv: Line 3: a quoted field is never closed; nothing was imported',
    );
    expect(snapshot()).toEqual(before);
  });

  it('a dry run writes nothing but reports the counts', async () => {
    const s = await run(fx('leads-lf.csv'), { dryRun: true });
    expect(s).toMatchObject({ inserted: 3, applied: false, dryRun: true });
    expect(countOf('leads')).toBe(0);
    expect(countOf('imports')).toBe(0);
  });

  it('cancel rolls everything back', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-csv-'));
    const file = path.join(dir, 'many.csv');
    const lines = ['ref,source,title,stage,created_on'];
    for (let i = 0; i < 60_000; i++) lines.push(`C${i},Upwork,Lead ${i},new,2026-08-01`);
    fs.writeFileSync(file, lines.join('\n'));
    let chunks = 0;
    await expect(importCsvFile(ctx.db, file, {}, { now: ctx.now, isCancelled: () => ++chunks > 1 })).rejects.toThrow(
      /cancelled/,
    );
    expect(countOf('leads')).toBe(0);
    expect(ctx.db.inTransaction).toBe(false);
  });
});

describe('idempotence', () => {
  it.each([
    ['leads-lf.csv'],
    ['leads-no-ref.csv'],
    ['expenses.csv'],
    ['upwork-current.csv'],
    ['statements_2026-09-01_2026-09-30.csv'],
    ['upwork-current-fee-first.csv'],
    ['upwork-current-titlecase.csv'],
    ['upwork-current-exchangerate.csv'],
    ['upwork-legacy-excel.csv'],
    ['paypal-en-custom.csv'],
    ['paypal-en-positive-fees.csv'],
    ['paypal-de-classic.csv'],
    ['paypal-de-2023.csv'],
    ['paypal-fr.csv'],
    ['paypal-balance-affecting.csv'],
    ['stripe-balance.csv'],
    ['stripe-payments.csv'],
    ['stripe-payments-older.csv'],
    ['stripe-payments-incomplete.csv'],
    ['stripe-payments-converted.csv'],
    ['stripe-payments-semicolon.csv'],
    ['stripe-payments-semicolon-comma.csv'],
    ['payments-amounts.csv'],
  ])('importing %s twice adds nothing the second time', async (name) => {
    const first = await run(fx(name));
    expect(first.applied).toBe(true);
    const before = snapshot().filter((_, i) => i !== 4); // imports table gets a second record
    const second = await run(fx(name));
    expect(second).toMatchObject({ inserted: 0, updated: 0, unchanged: first.inserted + first.updated, applied: true });
    expect(snapshot().filter((_, i) => i !== 4)).toEqual(before);
  });

  it('rows without ref get content keys; identical rows stay distinct', async () => {
    await run(fx('leads-no-ref.csv'));
    expect(countOf('leads')).toBe(3);
    const refs = all<{ ref: string }>(`SELECT ref FROM leads ORDER BY id`).map((r) => r.ref);
    expect(new Set(refs).size).toBe(3);
    expect(refs[1]).toBe(`${refs[0]}-2`);
  });

  it('a ref repeated inside one file into an empty table: first inserted, then updated', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-csv-'));
    const file = path.join(dir, 'dups.csv');
    fs.writeFileSync(
      file,
      'ref,source,title,stage,created_on\nD1,Upwork,First,new,2026-08-01\nD1,Upwork,Second,won,2026-08-01\nD2,Upwork,Other,new,2026-08-01\n',
    );
    const s = await run(file);
    expect(s).toMatchObject({ inserted: 2, updated: 1 });
    expect(all(`SELECT ref, title, stage FROM leads ORDER BY id`)).toEqual([
      { ref: 'D1', title: 'Second', stage: 'won' },
      { ref: 'D2', title: 'Other', stage: 'new' },
    ]);
    expect(rollupDrift(ctx.db)).toEqual([]);
    // Creation changes are written in bulk, and new leads in batches; D1's creation still comes before its update.
    expect(
      all(
        `SELECT l.ref, c.from_stage, c.to_stage FROM stage_changes c JOIN leads l ON l.id = c.lead_id ORDER BY l.ref, c.id`,
      ),
    ).toEqual([
      { ref: 'D1', from_stage: null, to_stage: 'new' },
      { ref: 'D1', from_stage: 'new', to_stage: 'won' },
      { ref: 'D2', from_stage: null, to_stage: 'new' },
    ]);
  });

  it('imported leads find their client by name as they are written: one client per name (case-insensitive), spelled as its earliest lead', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-csv-'));
    const file = path.join(dir, 'clients.csv');
    fs.writeFileSync(
      file,
      'ref,source,title,stage,created_on,client\na,Upwork,T,new,2026-03-01,acme\nb,Upwork,T,new,2026-01-01,ACME\nd,Upwork,T,new,2026-01-01,\ne,Upwork,T,new,2026-02-01,Globex\n',
    );
    await run(file);
    expect(all(`SELECT name FROM clients ORDER BY name`)).toEqual([{ name: 'ACME' }, { name: 'Globex' }]);
    expect(all(`SELECT name FROM client_names ORDER BY name`)).toEqual([{ name: 'ACME' }, { name: 'Globex' }]);
    expect(all(`SELECT l.ref, c.name FROM leads l LEFT JOIN clients c ON c.id = l.client_id ORDER BY l.ref`)).toEqual([
      { ref: 'a', name: 'ACME' },
      { ref: 'b', name: 'ACME' },
      { ref: 'd', name: null },
      { ref: 'e', name: 'Globex' },
    ]);
    // A later file naming a known client in another case links to it, and changing a lead's client moves the link.
    fs.writeFileSync(
      file,
      'ref,source,title,stage,created_on,client\nf,Upwork,T,new,2026-04-01,globex\na,Upwork,T,new,2026-03-01,Initech\n',
    );
    await run(file);
    expect(
      all(
        `SELECT l.ref, c.name FROM leads l LEFT JOIN clients c ON c.id = l.client_id WHERE l.ref IN ('a', 'f') ORDER BY l.ref`,
      ),
    ).toEqual([
      { ref: 'a', name: 'Initech' },
      { ref: 'f', name: 'Globex' },
    ]);
  });

  it('refs repeated across the batches of an empty-table import: the summary and the rows are those of one row at a time', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-csv-'));
    const file = path.join(dir, 'dups-batches.csv');
    // 300 rows, 200 refs: rows 200–299 repeat refs 0–99; the even ones change the title, the odd ones repeat the row exactly.
    const row = (i: number) => {
      const r = i % 200;
      const title = i >= 200 && r % 2 === 0 ? `Changed ${r}` : `Lead ${r}`;
      return `R${r},Upwork,${title},new,2026-08-01,Client ${r % 7}`;
    };
    fs.writeFileSync(
      file,
      `ref,source,title,stage,created_on,client\n${Array.from({ length: 300 }, (_, i) => row(i)).join('\n')}\n`,
    );
    const s = await run(file);
    expect(s).toMatchObject({ inserted: 200, updated: 50, unchanged: 50 });
    expect(s.kinds.leads).toBe(200);
    const rows = all(`SELECT ref, title FROM leads ORDER BY id`) as { ref: string; title: string }[];
    expect(rows.map((r) => r.ref)).toEqual(Array.from({ length: 200 }, (_, i) => `R${i}`));
    expect(rows.filter((r) => r.title.startsWith('Changed')).length).toBe(50);
    expect(all(`SELECT COUNT(*) AS n FROM stage_changes`)).toEqual([{ n: 200 }]);
    expect(all(`SELECT COUNT(*) AS n FROM leads WHERE client_id IS NULL`)).toEqual([{ n: 0 }]);
    expect(rollupDrift(ctx.db)).toEqual([]);
  });

  it('new leads into a table that has leads get their creation stage change; updated ones their move', async () => {
    await run(fx('leads-lf.csv'));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-csv-'));
    const file = path.join(dir, 'more.csv');
    fs.writeFileSync(
      file,
      'ref,source,title,stage,created_on\nN1,Upwork,New one,applied,2026-08-01\nL3,Referral,Audit,won,2026-08-03\nN2,Upwork,New two,new,2026-08-02\n',
    );
    const s = await run(file);
    expect(s).toMatchObject({ inserted: 2, updated: 1 });
    const changes = all<{ ref: string; from_stage: string | null; to_stage: string }>(
      `SELECT l.ref, c.from_stage, c.to_stage FROM stage_changes c JOIN leads l ON l.id = c.lead_id WHERE l.ref IN ('N1', 'N2', 'L3') ORDER BY c.id`,
    );
    expect(changes).toEqual([
      { ref: 'L3', from_stage: null, to_stage: 'new' },
      { ref: 'N1', from_stage: null, to_stage: 'applied' },
      { ref: 'L3', from_stage: 'new', to_stage: 'won' },
      { ref: 'N2', from_stage: null, to_stage: 'new' },
    ]);
    expect(rollupDrift(ctx.db)).toEqual([]);
  });

  it('a changed row is updated, rollups follow', async () => {
    await run(fx('leads-lf.csv'));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-csv-'));
    const file = path.join(dir, 'changed.csv');
    fs.writeFileSync(
      file,
      fs.readFileSync(fx('leads-lf.csv'), 'utf8').replace('L3,Referral,Audit,,,new', 'L3,Referral,Audit,,,won'),
    );
    const s = await run(file);
    expect(s).toMatchObject({ inserted: 0, updated: 1, unchanged: 2 });
    expect(one(`SELECT stage FROM leads WHERE ref = 'L3'`)).toEqual({ stage: 'won' });
    expect(rollupDrift(ctx.db)).toEqual([]);
  });
});

describe('own payments and expenses', () => {
  it('payments link leads by ref; an empty fee is computed from the commission rule', async () => {
    await run(fx('leads-lf.csv'));
    await run(fx('payments.csv'));
    const rows = all<Record<string, unknown>>(
      `SELECT ref, gross_minor, fee_minor, fee_computed, lead_id IS NOT NULL AS linked FROM payments ORDER BY ref`,
    );
    expect(rows).toEqual([
      { ref: 'P1', gross_minor: 125050, fee_minor: 25010, fee_computed: 0, linked: 1 },
      { ref: 'P2', gross_minor: 10000, fee_minor: 1000, fee_computed: 1, linked: 0 },
      { ref: 'P3', gross_minor: -2000, fee_minor: -200, fee_computed: 0, linked: 0 },
    ]);
    expect(rollupDrift(ctx.db)).toEqual([]);
  });

  it('re-importing our own export leaves computed fees computed and every row unchanged', async () => {
    await run(fx('leads-lf.csv'));
    await run(fx('payments.csv'));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-csv-'));
    const file = path.join(dir, 'payments-export.csv');
    let text = '';
    await writeExport(ctx.db, 'payments', {}, (t) => {
      text += t;
    });
    fs.writeFileSync(file, text);
    expect(text).toContain('P2,2026-08-11,Upwork,,Computed fee,100.00,10.00,USD');
    const s = await run(file);
    expect(s).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    expect(one(`SELECT fee_computed FROM payments WHERE ref = 'P2'`)).toEqual({ fee_computed: 1 });
  });

  it('a lead_ref that does not exist is an invalid row', async () => {
    const s = await run(fx('payments.csv'));
    expect(s.invalid).toEqual([{ line: 2, message: 'lead_ref "L2": no lead has this ref (import the leads first)' }]);
  });

  it('expenses: unknown channels are created and named in the summary; no channel allowed', async () => {
    const s = await run(fx('expenses.csv'));
    expect(s.createdSources).toEqual(['New Tool Co']);
    expect(
      all(
        `SELECT ref, source_id IS NULL AS none, category, amount_minor, connects, description FROM expenses ORDER BY ref`,
      ),
    ).toEqual([
      { ref: 'E1', none: 0, category: 'connects', amount_minor: 1200, connects: 80, description: '80 Connects' },
      { ref: 'E2', none: 1, category: 'tax', amount_minor: 300, connects: 0, description: 'VAT' },
      { ref: 'E3', none: 0, category: 'subscription', amount_minor: 1000, connects: 0, description: '+1 seat' },
    ]);
  });
});

describe('bulk imports rebuild secondary indexes', () => {
  const indexes = () =>
    all<{ name: string }>(
      `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('leads', 'stage_changes') ORDER BY name`,
    ).map((r) => r.name);
  afterEach(() => {
    delete process.env.LEADLEDGER_IMPORT_BULK_BYTES;
  });

  it('keeps every index after a committed, a refused and a cancelled bulk import', async () => {
    const before = indexes();
    expect(before).toContain('leads_source_created');
    process.env.LEADLEDGER_IMPORT_BULK_BYTES = '1';
    expect((await run(fx('leads-lf.csv'))).applied).toBe(true);
    expect(indexes()).toEqual(before);
    expect((await run(fx('leads-bad-rows.csv'))).applied).toBe(false);
    expect(indexes()).toEqual(before);
    await expect(
      importCsvFile(ctx.db, fx('leads-crlf.csv'), {}, { now: ctx.now, isCancelled: () => true }),
    ).rejects.toThrow(/cancelled/);
    expect(indexes()).toEqual(before);
    expect(ctx.db.prepare(`EXPLAIN QUERY PLAN SELECT * FROM leads WHERE created_on = '2026-08-01'`).all()).toEqual(
      expect.arrayContaining([expect.objectContaining({ detail: expect.stringMatching(/leads_created/) })]),
    );
  });
});
