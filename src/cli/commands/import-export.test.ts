import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { listBackups } from '../../core/db/backup';
import { tempDbPath } from '../../../test-support/temp-db';
import { runCliCaptured } from '../test-support/run-captured';

const fx = (name: string) => path.resolve('src/core/csv/__fixtures__', name);
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const cli = runCliCaptured;

function freshDb() {
  const file = tempDbPath();
  dirs.push(path.dirname(file));
  return file;
}

const count = (file: string, table: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('leadledger import', () => {
  it('imports, says what it did, and exits 0; a second run adds nothing', async () => {
    const db = freshDb();
    const first = await cli('--db', db, 'import', fx('leads-lf.csv'));
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toBe(
      [
        'Imported leads-lf.csv (LeadLedger leads, 3 rows): 3 inserted, 0 updated, 0 unchanged, 0 skipped',
        'Recognised by the columns title, source; read as comma-separated',
        'Rows became: 3 leads',
        `Undo this import: leadledger api imports:undo '{"id":1}'`,
        '',
      ].join('\n'),
    );
    const second = await cli('--db', db, 'import', fx('leads-lf.csv'));
    expect(second.stdout).toMatch(/0 inserted, 0 updated, 3 unchanged/);
    expect(count(db, 'leads')).toBe(3);
  });

  it('backs up the database before an import, not before a dry run', async () => {
    const db = freshDb();
    const preImport = () => listBackups(db).filter((b) => b.reason === 'pre-import').length;
    await cli('--db', db, 'import', fx('leads-lf.csv'), '--dry-run');
    expect(preImport()).toBe(0);
    await cli('--db', db, 'import', fx('leads-lf.csv'));
    expect(preImport()).toBe(1);
  });

  it('refuses a file with bad rows: exit 1, each bad row by line, one-line error, nothing written', async () => {
    const db = freshDb();
    const r = await cli('--db', db, 'import', fx('leads-bad-rows.csv'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^ {2}line 4: stage "pending" is not one of/m);
    expect(r.stderr.trim().split('\n').at(-1)).toBe(
      'leadledger: Nothing was imported: 5 invalid rows (fix them, or pass --skip-invalid to import the valid rows)',
    );
    expect(count(db, 'leads')).toBe(0);
    const skip = await cli('--db', db, 'import', fx('leads-bad-rows.csv'), '--skip-invalid');
    expect(skip.code).toBe(0);
    expect(count(db, 'leads')).toBe(2);
  });

  it('a parse error is one line naming the line, exit 1', async () => {
    const db = freshDb();
    const r = await cli('--db', db, 'import', fx('leads-unterminated.csv'));
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toBe(
      'leadledger: leads-unterminated.csv: Line 3: a quoted field is never closed; nothing was imported\n',
    );
  });

  it('--dry-run writes nothing; exit 0 without errors, 1 with', async () => {
    const db = freshDb();
    const ok = await cli('--db', db, 'import', fx('upwork-current.csv'), '--dry-run');
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^Dry run of upwork-current.csv \(Upwork transaction history, 24 rows\): 18 inserted/);
    expect(ok.stdout).toContain(
      'Rows became: 8 payments; 4 fees; expenses: 1 connects, 2 subscription, 2 fee, 4 tax; 3 transfers',
    );
    expect(count(db, 'payments')).toBe(0);
    const bad = await cli('--db', db, 'import', fx('upwork-current-unknown-type.csv'), '--dry-run');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/line 3: Upwork type "Mystery Credit"/);
    expect(bad.stdout).toMatch(
      /Unknown upwork type "Mystery Credit": 1 row \(line 3\); decide what it is once in the app's import page/,
    );
  });

  it('--json prints the summary; --as and --source are honoured', async () => {
    const db = freshDb();
    const r = await cli(
      '--db',
      db,
      'import',
      fx('stripe-balance.csv'),
      '--as',
      'stripe',
      '--source',
      'Stripe EU',
      '--json',
    );
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({
      format: 'stripe-balance',
      inserted: 2,
      transfers: 2,
      createdSources: ['Stripe EU'],
      applied: true,
    });
    expect(summary.counts).toEqual({
      leads: 0,
      payments: 2,
      fees: 0,
      expenses: {},
      time: 0,
      transfers: 2,
      skipped: {},
      invalid: {},
    });
    expect(summary.recognisedBy).toEqual([
      'balance_transaction_id',
      'created_utc',
      'currency',
      'gross',
      'reporting_category',
    ]);
  });

  it('usage errors exit 2; a missing file and an unknown layout exit 1 with one line', async () => {
    const db = freshDb();
    expect((await cli('--db', db, 'import')).code).toBe(2);
    expect((await cli('--db', db, 'import', fx('leads-lf.csv'), '--as', 'excel')).code).toBe(2);
    const missing = await cli('--db', db, 'import', 'nope.csv');
    expect(missing).toMatchObject({ code: 1, stderr: 'leadledger: nope.csv: no such file\n' });
    const unknown = await cli('--db', db, 'import', fx('fiverr-earnings.csv'));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(
      /^leadledger: The columns \(Order Date, Buyer, Gig, Earned\) are not a format LeadLedger knows/,
    );
    expect(unknown.stderr.split('\n')).toHaveLength(2);
  });

  it('--mapping NAME uses a saved mapping for the same header', async () => {
    const db = freshDb();
    const handle = new Database(db);
    await cli('--db', db, 'import', fx('leads-lf.csv'), '--dry-run'); // creates and migrates the db
    handle
      .prepare(
        `INSERT INTO csv_mappings (name, header_signature, target, mapping_json, created_at) VALUES (?, ?, 'payments', ?, 'x')`,
      )
      .run(
        'Fiverr earnings',
        'orderdate|buyer|gig|earned',
        JSON.stringify({
          target: 'payments',
          columns: { date: 0, description: 2, gross: 3 },
          dateFormat: 'DD/MM/YYYY',
          decimal: ',',
          source: 'Fiverr',
          currency: 'EUR',
        }),
      );
    handle.close();
    const r = await cli('--db', db, 'import', fx('fiverr-earnings.csv'), '--mapping', 'fiverr earnings');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2 inserted/);
    expect(count(db, 'payments')).toBe(2);
    const wrong = await cli('--db', db, 'import', fx('leads-lf.csv'), '--mapping', 'Fiverr earnings');
    expect(wrong).toMatchObject({
      code: 1,
      stderr: 'leadledger: The mapping "Fiverr earnings" was saved for a file with other columns\n',
    });
  });
});

describe('leadledger export', () => {
  it('exports the exact headers; export -> import -> export is byte-identical; --bom; -o file', async () => {
    const a = freshDb();
    await cli('--db', a, 'import', fx('leads-quoted.csv'));
    await cli('--db', a, 'import', fx('leads-lf.csv'));
    await cli('--db', a, 'import', fx('payments.csv'));
    await cli('--db', a, 'import', fx('expenses.csv'));
    const b = freshDb();
    for (const kind of ['leads', 'payments', 'expenses']) {
      const out = path.join(path.dirname(b), `${kind}.csv`);
      expect((await cli('--db', a, 'export', kind, '-o', out, '--bom')).code).toBe(0);
      const first = fs.readFileSync(out);
      expect(first.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      expect((await cli('--db', b, 'import', out)).code).toBe(0);
      const again = await cli('--db', b, 'export', kind, '--bom');
      expect(Buffer.from(again.stdout)).toEqual(first);
    }
    const leads = (await cli('--db', a, 'export', 'leads')).stdout;
    expect(leads.split('\r\n')[0]).toBe(
      'ref,source,title,client,url,stage,created_on,applied_on,closed_on,connects,boost_connects,connects_refunded,value,currency,lost_reason,tags,notes,follow_up_on,invited,minutes_after_post,proposals_when_bid,viewed_on,boost_outcome',
    );
    expect(leads).toContain(`Q2,Upwork,"'=HYPERLINK(""http://evil"")",`);
    const payments = (await cli('--db', a, 'export', 'payments')).stdout;
    expect(payments).toContain('P3,2026-08-12,Upwork,,Refund,-20.00,-2.00,USD\r\n'); // numbers stay numbers
  });

  it('--json gives records keyed by the CSV headers; --from/--to filter', async () => {
    const a = freshDb();
    await cli('--db', a, 'import', fx('leads-lf.csv'));
    const r = await cli('--db', a, 'export', 'leads', '--json', '--from', '2026-08-02', '--to', '2026-08-04');
    const records = JSON.parse(r.stdout);
    expect(records).toEqual([
      {
        ref: 'L2',
        source: 'Fiverr',
        title: 'Landing page',
        client: 'Beta',
        url: '',
        stage: 'won',
        created_on: '2026-08-03',
        applied_on: '2026-08-03',
        closed_on: '2026-08-09',
        connects: 0,
        boost_connects: 0,
        connects_refunded: 0,
        value: '1250.50',
        currency: 'USD',
        lost_reason: '',
        tags: '',
        notes: '',
        follow_up_on: null,
        invited: null,
        minutes_after_post: null,
        proposals_when_bid: null,
        viewed_on: null,
        boost_outcome: null,
      },
    ]);
    expect((await cli('--db', a, 'export', 'leads', '--from', '2026-13-01')).code).toBe(2);
    expect((await cli('--db', a, 'export', 'invoices')).code).toBe(2);
  });

  it('exports the channel report as CSV and JSON', async () => {
    const a = freshDb();
    await cli('--db', a, 'import', fx('leads-lf.csv'));
    await cli('--db', a, 'import', fx('payments.csv'));
    const csv = (await cli('--db', a, 'export', 'report')).stdout;
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(
      'source,leads,proposals,replies,interviews,wins,winRate,connectsSpent,connectsRefunded,connectsExpired,connectsPerWin,revenue,fees,costs,profit,roi,costPerLead,costPerWin,revenuePerConnect,booked,medianDaysToWin,salesHours,deliveryHours,profitPerHour,salesHoursPerWin,currency,basis,attribution',
    );
    expect(lines.at(-1)).toMatch(/^Total,3,2,.*,USD,usage,last$/);
    // The export honours the basis it is asked for (the Reports page passes its own).
    const cash = (await cli('--db', a, 'export', 'report', '--basis', 'cash')).stdout.trim().split('\r\n');
    expect(cash.at(-1)).toMatch(/,USD,cash,last$/);
    expect((await cli('--db', a, 'export', 'leads', '--basis', 'cash')).code).toBe(2);
    const json = JSON.parse((await cli('--db', a, 'export', 'report', '--json')).stdout);
    expect(json.totals.leads).toBe(3);
    expect(json.channels.find((c: { source: string }) => c.source === 'Fiverr').revenue).toBe(125050);
  });
});
