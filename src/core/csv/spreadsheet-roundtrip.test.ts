import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempCtx } from '../../../test-support/temp-db';
import { writeExport } from './export';
import { importCsvFile } from './import-engine';
import { type Target } from './own-formats';
import { parseCsvText } from './parser';

// Our own formats opened and saved again by a spreadsheet in a comma-decimal locale (German Excel,
// LibreOffice): `;`, 1.250,50, 03.02.2026, BOM, CRLF. They must import exactly like the original.

const dateColumns = new Set(['created_on', 'applied_on', 'closed_on', 'follow_up_on', 'date']);
const moneyColumns = new Set(['value', 'gross', 'fee', 'amount']);

/** What the spreadsheet writes back: each cell as it shows it, `;` between them. */
function resave(csv: string): string {
  const [header, ...rows] = parseCsvText(csv.replace(/^\uFEFF/, ''));
  const names = header!.fields;
  const cell = (name: string, value: string) => {
    if (dateColumns.has(name) && /^\d{4}-\d{2}-\d{2}$/.test(value))
      return `${value.slice(8)}.${value.slice(5, 7)}.${value.slice(0, 4)}`;
    if (moneyColumns.has(name) && /^-?\d+(\.\d+)?$/.test(value)) {
      const [whole, frac] = value.split('.');
      return `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}${frac === undefined ? '' : `,${frac}`}`;
    }
    return value;
  };
  const quote = (v: string) => (/[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [
    names.map(quote).join(';'),
    ...rows.map((r) => r.fields.map((v, i) => quote(cell(names[i]!, v))).join(';')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

let a: ReturnType<typeof openTempCtx>;
let b: ReturnType<typeof openTempCtx>;
beforeEach(() => {
  a = openTempCtx();
  b = openTempCtx();
});
afterEach(() => {
  a.close();
  b.close();
});

async function exportOf(ctx: typeof a, kind: Target): Promise<string> {
  let out = '';
  await writeExport(ctx.db, kind, {}, (t) => {
    out += t;
  });
  return out;
}

function write(name: string, text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'll-resave-')), name);
  fs.writeFileSync(file, text);
  return file;
}

describe('own formats survive a comma-decimal spreadsheet', () => {
  it('leads, payments and expenses: the re-saved files import exactly like the originals', async () => {
    const original = {
      leads: `ref,source,title,client,url,stage,created_on,applied_on,closed_on,connects,boost_connects,connects_refunded,value,currency,lost_reason,tags,notes,follow_up_on
L1,Upwork,"Logo; icon",Acme,https://x.test/1,won,2026-02-03,2026-02-04,2026-02-20,16,2,0,1250.50,USD,,design;logo,"two
lines",2026-03-01
L2,Fiverr,Landing page,Beta,,lost,2026-01-05,,2026-01-09,0,0,0,98000,JPY,Too expensive,,,
,Referral,No ref,,,new,2026-01-07,,,0,0,0,1234567.89,EUR,,,,
`,
      payments: `ref,date,source,lead_ref,description,gross,fee,currency
P1,2026-02-21,Upwork,L1,Milestone,1250.50,125.05,USD
P2,2026-02-22,Upwork,,Refund,-100.00,-10.00,USD
,2026-02-23,Referral,,Without ref,3000.00,0.00,EUR
`,
      expenses: `ref,date,source,category,description,amount,currency,connects
E1,2026-02-01,Upwork,connects,80 Connects,12.00,USD,80
E2,2026-02-02,,tax,VAT,1019.99,EUR,
`,
    };
    for (const kind of ['leads', 'payments', 'expenses'] as const) {
      const plain = await importCsvFile(a.db, write(`${kind}.csv`, original[kind]), {}, { now: a.now });
      expect(plain.invalid).toEqual([]);
      const resaved = resave(original[kind]);
      expect(resaved).toContain(';');
      const s = await importCsvFile(b.db, write(`${kind}-resaved.csv`, resaved), {}, { now: b.now });
      expect(s).toMatchObject({
        format: kind,
        delimiter: ';',
        decimal: ',',
        invalidCount: 0,
        inserted: plain.inserted,
      });
      expect(await exportOf(b, kind)).toBe(await exportOf(a, kind));
      // And the re-saved file over the original's data changes nothing (rows without a ref keep their key).
      const over = await importCsvFile(a.db, write(`${kind}-over.csv`, resaved), {}, { now: a.now });
      expect(over).toMatchObject({ inserted: 0, updated: 0 });
    }
  });

  it('a re-saved export of the app round-trips too', async () => {
    await importCsvFile(a.db, path.join(import.meta.dirname, '__fixtures__', 'leads-lf.csv'), {}, { now: a.now });
    const exported = await exportOf(a, 'leads');
    const s = await importCsvFile(b.db, write('export-resaved.csv', resave(exported)), {}, { now: b.now });
    expect(s.invalid).toEqual([]);
    expect(await exportOf(b, 'leads')).toBe(exported);
  });

  it('slash dates that read both ways are not guessed for our formats: the import names the lines', async () => {
    const file = write('slashes.csv', 'ref,source,title,created_on\nS1,Upwork,A,03/02/2026\nS2,Upwork,B,04/05/2026\n');
    await expect(importCsvFile(a.db, file, {}, { now: a.now })).rejects.toThrow(
      /created_on read both as MM\/DD\/YYYY and as DD\/MM\/YYYY \(lines 2, 3\)/,
    );
    const clear = write(
      'slashes-clear.csv',
      'ref,source,title,created_on\nS1,Upwork,A,03/02/2026\nS2,Upwork,B,25/05/2026\n',
    );
    await importCsvFile(a.db, clear, {}, { now: a.now });
    expect(a.db.prepare(`SELECT created_on FROM leads ORDER BY ref`).all()).toEqual([
      { created_on: '2026-02-03' },
      { created_on: '2026-05-25' },
    ]);
  });

  it('a file whose amounts use both separators says so with the lines, and imports nothing', async () => {
    const file = write(
      'mixed.csv',
      'ref,date,source,gross,fee,currency\nM1,2026-02-01,Upwork,"1,50",0,USD\nM2,2026-02-02,Upwork,1250.50,0,USD\n',
    );
    await expect(importCsvFile(a.db, file, {}, { now: a.now })).rejects.toThrow(
      /both a decimal point \(line 3: "1250.50"\) and a decimal comma \(line 2: "1,50"\)/,
    );
    expect(a.db.prepare(`SELECT COUNT(*) AS n FROM payments`).get()).toEqual({ n: 0 });
  });
});
