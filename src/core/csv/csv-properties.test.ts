import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/result';
import { insertLead, RollupBatch } from '../leads/leads-repo';
import { insertExpense } from '../expenses/expenses-repo';
import { insertPayment } from '../payments/payments-repo';
import { dispatch } from '../dispatch';
import { openTempCtx, sourceId } from '../../../test-support/temp-db';
import { csvRecordLine, queries, type Row, toRecord, writeExport } from './export';
import { ownHeaders } from './own-formats';
import { importCsvFile } from './import-engine';
import type { Target } from './own-formats';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'll-csv-prop-'));
let fileNo = 0;

// Text a spreadsheet user can type: any unicode, formula leaders, quotes, commas, line breaks, apostrophes.
const nasty = fc.constantFrom(
  '=',
  '+',
  '-',
  '@',
  '\t',
  '\r',
  '\n',
  "'",
  "''=",
  '"',
  ',',
  ' ',
  '\r\n',
  ';',
  '\uFF1D',
  '\uFF0B',
  '\uFF0D',
  '\uFF20',
  "'\uFF1D",
);
const text = fc
  .array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 6 }), nasty), { maxLength: 6 })
  .map((parts) => parts.join('').replace(/\0/g, ''));
const title = text.filter((t) => t.trim() !== '');
// Imports check URLs like the form does (http/https only), so the URL column holds web addresses.
const url = fc.oneof(
  fc.constant(''),
  text.map((t) => `https://x.test/${t.replace(/\s/g, '')}`),
);
const tag = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 8 })
  .map((t) => t.replace(/[;\0]/g, '').trim())
  .filter(Boolean);

async function exportText(db: Parameters<typeof writeExport>[0], kind: Target): Promise<string> {
  let out = '';
  await writeExport(db, kind, { bom: true }, (t) => {
    out += t;
  });
  return out;
}

describe('export -> import into an empty database -> export is byte for byte the same', () => {
  it('over arbitrary text in every text column', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            title,
            client: text,
            url,
            notes: text,
            lost: text,
            tags: fc.array(tag, { maxLength: 3 }),
            value: fc.option(fc.integer({ min: -1e9, max: 1e9 })),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        fc.array(
          fc.record({
            description: text,
            gross: fc.integer({ min: -1e7, max: 1e7 }),
            fee: fc.integer({ min: 0, max: 100 }),
          }),
          { maxLength: 5 },
        ),
        fc.array(
          fc.record({ description: text, amount: fc.integer({ min: -1e7, max: 1e7 }), withSource: fc.boolean() }),
          { maxLength: 5 },
        ),
        async (leads, payments, expenses) => {
          const a = openTempCtx();
          const b = openTempCtx();
          try {
            const upwork = sourceId(a, 'Upwork');
            a.db.transaction(() => {
              const batch = new RollupBatch(a.db);
              leads.forEach((l, i) => {
                insertLead(
                  a.db,
                  {
                    ref: `r${i}`,
                    source_id: upwork,
                    title: l.title,
                    client: l.client,
                    url: l.url,
                    stage: 'won',
                    furthest_rank: 4,
                    created_on: '2026-08-01',
                    applied_on: '2026-08-02',
                    closed_on: '2026-08-09',
                    connects: 3,
                    boost_connects: 1,
                    connects_refunded: 2,
                    value_minor: l.value,
                    currency: 'USD',
                    fee_percent_bp: null,
                    lost_reason: l.lost,
                    tags: [...new Set(l.tags)].join(';'),
                    notes: l.notes,
                    follow_up_on: null,
                    position: i,
                    updated_at: 'x',
                    import_id: null,
                    invited: i % 2,
                    minutes_after_post: i % 3 ? i * 7 : null,
                    proposals_when_bid: i % 2 ? '<5' : null,
                    viewed_on: i % 2 ? '2026-08-03' : null,
                    boost_outcome: i % 3 === 1 ? 'top' : null,
                  },
                  batch,
                );
              });
              payments.forEach((p, i) => {
                insertPayment(
                  a.db,
                  {
                    ref: `p${i}`,
                    date: '2026-08-10',
                    source_id: upwork,
                    lead_id: 1,
                    description: p.description,
                    gross_minor: p.gross,
                    fee_minor: Math.min(p.fee, Math.abs(p.gross)) * Math.sign(p.gross),
                    fee_computed: 0,
                    currency: 'EUR',
                    import_id: null,
                    created_at: 'x',
                  },
                  batch,
                );
              });
              expenses.forEach((e, i) => {
                insertExpense(
                  a.db,
                  {
                    ref: `e${i}`,
                    date: '2026-08-11',
                    source_id: e.withSource ? upwork : null,
                    category: 'other',
                    description: e.description,
                    amount_minor: e.amount,
                    currency: 'JPY',
                    connects: 0,
                    import_id: null,
                    created_at: 'x',
                  },
                  batch,
                );
              });
              batch.flush();
            })();
            for (const kind of ['leads', 'payments', 'expenses'] as const) {
              const first = await exportText(a.db, kind);
              // The fast path (raw rows) writes exactly the cells of the record-based reference.
              const { columns, from, dateColumn } = queries[kind];
              const rows = a.db
                .prepare(`SELECT ${columns} FROM ${from} ORDER BY ${dateColumn.split('.')[0]}.id`)
                .all() as Row[];
              expect(first).toBe(
                `\uFEFF${ownHeaders[kind].join(',')}\r\n${rows.map((r) => csvRecordLine(kind, toRecord(kind, r))).join('')}`,
              );
              const file = path.join(tmp, `rt-${fileNo++}.csv`);
              fs.writeFileSync(file, first);
              const summary = await importCsvFile(b.db, file, {}, { now: b.now });
              expect(summary.invalid).toEqual([]);
              expect(summary.applied).toBe(true);
              expect(await exportText(b.db, kind)).toBe(first);
            }
            // The text itself came back exactly (formula escapes undone).
            const texts = (db: typeof a.db) =>
              db.prepare(`SELECT title, client, url, notes, lost_reason, tags FROM leads ORDER BY id`).all();
            expect(texts(b.db)).toEqual(texts(a.db));
          } finally {
            a.close();
            b.close();
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('full-width formula triggers (U+FF1D U+FF0B U+FF0D U+FF20)', () => {
  it('are escaped on export like = + - @, and our import removes exactly one apostrophe', async () => {
    const a = openTempCtx();
    const b = openTempCtx();
    try {
      const titles = [
        '\uFF1D1+1',
        '\uFF0B1',
        '\uFF0D2',
        '\uFF20SUM(A1)',
        "'\uFF1Dx",
        "''\uFF20y",
        'a\uFF1Db',
        '\uFF1E3',
      ];
      for (const title of titles)
        expect((await dispatch(a, 'leads:create', { title, sourceId: sourceId(a, 'Upwork') })).ok).toBe(true);
      const out = await exportText(a.db, 'leads');
      const cells = out
        .split('\r\n')
        .slice(1, -1)
        .map((line) => line.split(',')[2]);
      expect(cells).toEqual([
        "'\uFF1D1+1",
        "'\uFF0B1",
        "'\uFF0D2",
        "'\uFF20SUM(A1)",
        "''\uFF1Dx",
        "'''\uFF20y",
        'a\uFF1Db',
        '\uFF1E3',
      ]);
      const file = path.join(tmp, `fw-${fileNo++}.csv`);
      fs.writeFileSync(file, out);
      expect((await importCsvFile(b.db, file, {}, { now: b.now })).applied).toBe(true);
      expect(b.db.prepare('SELECT title FROM leads ORDER BY id').pluck().all()).toEqual(titles);
    } finally {
      a.close();
      b.close();
    }
  });
});

describe('the importer never throws on random input', () => {
  const count = (db: ReturnType<typeof openTempCtx>['db'], table: string) =>
    (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  const outcomes = { applied: 0, refused: 0 };

  // Either a whole import (every counted row is in the database, each listed invalid row names its
  // line) or one clear invalid_input error and a database exactly as it was: never half of each.
  const check = async (bytes: Uint8Array) => {
    const ctx = openTempCtx();
    const file = path.join(tmp, `rnd-${fileNo++}.csv`);
    fs.writeFileSync(file, bytes);
    try {
      const summary = await importCsvFile(ctx.db, file, { skipInvalid: true }, { now: ctx.now });
      outcomes.applied++;
      expect(summary.applied).toBe(true);
      expect(summary.kinds.leads + summary.kinds.payments + summary.kinds.expenses + summary.kinds.time).toBe(
        summary.inserted,
      );
      expect({
        leads: count(ctx.db, 'leads'),
        payments: count(ctx.db, 'payments'),
        expenses: count(ctx.db, 'expenses'),
        time: count(ctx.db, 'time_entries'),
      }).toEqual(summary.kinds);
      expect(count(ctx.db, 'imports')).toBe(1);
      expect(summary.skipped).toBeGreaterThanOrEqual(summary.invalidCount);
      for (const row of summary.invalid) {
        expect(row.line).toBeGreaterThanOrEqual(2); // line 1 is the header
        expect(row.message.length).toBeGreaterThan(5);
      }
    } catch (error) {
      outcomes.refused++;
      // Only clear, expected errors: unknown layout, parse error with its line, empty file.
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code, (error as Error).message).toBe('invalid_input');
      expect((error as Error).message.length).toBeGreaterThan(10);
      for (const table of ['leads', 'payments', 'expenses', 'time_entries', 'imports'])
        expect(count(ctx.db, table), table).toBe(0);
    } finally {
      expect(ctx.db.inTransaction).toBe(false);
      ctx.close();
    }
  };

  it('random bytes', async () => {
    const before = outcomes.refused;
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), check), { numRuns: 150 });
    expect(outcomes.refused).toBeGreaterThan(before); // the refusal branch really ran
  });

  it('random bytes under a real header', async () => {
    const header = new TextEncoder().encode(`${ownHeaders.leads.join(',')}\n`);
    const before = outcomes.applied;
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), (b) => check(new Uint8Array([...header, ...b]))),
      { numRuns: 150 },
    );
    expect(outcomes.applied).toBeGreaterThan(before); // the applied branch really ran
  }, 120_000); // 150 real imports, as below

  it('random rows under a real header', async () => {
    const header =
      'ref,source,title,client,url,stage,created_on,applied_on,closed_on,connects,boost_connects,connects_refunded,value,currency,lost_reason,tags,notes,follow_up_on\n';
    const cell = fc.oneof(text, fc.constantFrom('2026-08-01', '12.50', 'won', 'USD', '"', '""', '-1', '1e5', 'JPY'));
    const body = fc
      .array(
        fc.array(cell, { maxLength: 20 }).map((cells) => cells.join(',')),
        { maxLength: 6 },
      )
      .map((lines) => lines.join('\n'));
    await fc.assert(
      fc.asyncProperty(body, (b) => check(new TextEncoder().encode(header + b))),
      { numRuns: 150 },
    );
  }, 120_000); // 150 real imports: ~10 s on a quiet machine, several times that on a busy one
});
