import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempCtx } from '../../../test-support/temp-db';
import { DeletedExpense, DeletedPayment } from '../../shared/api/schemas/undo';
import { ownHeaders } from '../csv/own-formats';
import { expenseColumns, expenseInternalColumns } from '../expenses/expense-columns';
import { leadColumns, leadInternalColumns } from '../leads/lead-columns';
import { paymentColumns, paymentInternalColumns } from '../payments/payment-columns';
import { timeColumns, timeInternalColumns } from '../time/time-columns';
import { argsPusher, col, type Columns, csvHeaders, namesWhere } from './columns';

// Each table's column descriptor against the schema a fresh database migrates to (docs/architecture.md,
// "One definition per row"): a column added by a migration and not to its descriptor (or the other way) fails here.
const tables: [table: string, columns: Columns, internal: readonly string[], csv: keyof typeof ownHeaders][] = [
  ['leads', leadColumns, leadInternalColumns, 'leads'],
  ['payments', paymentColumns, paymentInternalColumns, 'payments'],
  ['expenses', expenseColumns, expenseInternalColumns, 'expenses'],
  ['time_entries', timeColumns, timeInternalColumns, 'time'],
];

type Info = { name: string; type: string; notnull: number; pk: number };

let ctx: ReturnType<typeof openTempCtx>;
beforeAll(() => {
  ctx = openTempCtx();
});
afterAll(() => ctx.close());

describe.each(tables)('the %s descriptor', (table, columns, internal, format) => {
  const info = () => ctx.db.prepare(`SELECT name, type, "notnull", pk FROM pragma_table_info(?)`).all(table) as Info[];

  it('names every column of the table once, and only those (but the internal ones)', () => {
    const names = info().map((c) => c.name);
    expect(names.length).toBeGreaterThan(5);
    expect([...Object.keys(columns), ...internal].sort()).toEqual([...names].sort());
    expect(Object.keys(columns).filter((c) => internal.includes(c))).toEqual([]);
  });

  it('has the SQL type and nullability of each column', () => {
    for (const c of info().filter((c) => c.name in columns)) {
      const d = columns[c.name]!;
      expect({ name: c.name, type: d.sql }).toEqual({ name: c.name, type: c.type });
      // The INTEGER PRIMARY KEY is the rowid: never null, whatever table_info says.
      if (c.pk === 0)
        expect({ name: c.name, nullable: d.nullable }).toEqual({ name: c.name, nullable: c.notnull === 0 });
      if (c.pk === 1) expect({ name: c.name, insert: d.insert }).toEqual({ name: c.name, insert: false });
    }
  });

  it('gives the CSV header of docs/csv-formats.md, the one the format reads and writes', () => {
    const doc = fs.readFileSync('docs/csv-formats.md', 'utf8');
    const line = doc.split('\n').find((l) => l.startsWith(`| ${format}.csv |`));
    expect(line).toBeDefined();
    const documented = line!.split('`')[1]!.split(',');
    expect(csvHeaders(columns)).toEqual(documented);
    expect([...ownHeaders[format]]).toEqual(documented);
  });

  it('compares only columns an import writes', () => {
    const compared = namesWhere(columns, (c) => c.compared);
    expect(compared.length).toBeGreaterThan(3);
    for (const name of compared) expect({ name, insert: columns[name]!.insert }).toEqual({ name, insert: true });
  });
});

describe('Undo snapshots', () => {
  // A deleted row comes back from its snapshot, read through these schemas: a column missing here is lost by Undo.
  it.each([
    ['payments', DeletedPayment.shape, paymentColumns, paymentInternalColumns],
    ['expenses', DeletedExpense.shape, expenseColumns, expenseInternalColumns],
  ] as const)('of %s hold every column of the table', (_table, shape, columns, internal) => {
    expect(Object.keys(shape).sort()).toEqual([...Object.keys(columns), ...internal].sort());
  });
});

describe('the helpers', () => {
  it('col sets the roles asked for and the defaults', () => {
    expect(col.text({ fact: true, csv: ['x', 'bare'] })).toEqual({
      sql: 'TEXT',
      nullable: false,
      insert: true,
      update: true,
      fact: true,
      compared: false,
      optional: false,
      csv: ['x', 'bare'],
    });
    expect(col.intOrNull({ update: false })).toMatchObject({
      sql: 'INTEGER',
      nullable: true,
      insert: true,
      update: false,
    });
    expect(col.id()).toMatchObject({ insert: false, update: false });
  });

  it('argsPusher pushes the named values in order and refuses a name that is not a column name', () => {
    const push = argsPusher<{ a: number; b_2: string | null }>(['b_2', 'a']);
    const args: unknown[] = ['x'];
    push(args, { a: 1, b_2: null });
    expect(args).toEqual(['x', null, 1]);
    expect(() => argsPusher<Record<string, unknown>>(['a); process.exit('])).toThrow(/not a column name/);
  });
});
