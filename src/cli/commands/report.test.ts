import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCtx } from '../../core/context';
import { openDatabase } from '../../core/db/open';
import { dispatch } from '../../core/dispatch';
import { tempDbPath } from '../../../test-support/temp-db';
import { runCliCaptured } from '../test-support/run-captured';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const cli = runCliCaptured;

/** One Upwork lead (the DOMAIN.md example's shape) and a EUR payment without a rate. */
async function smallDb() {
  const file = tempDbPath();
  dirs.push(path.dirname(file));
  const db = openDatabase(file);
  const ctx = createCtx(db, file, () => new Date('2026-08-15T12:00:00Z'));
  const upwork = (db.prepare(`SELECT id FROM sources WHERE name = 'Upwork'`).get() as { id: number }).id;
  const run = async (name: string, input: unknown) => {
    const r = await dispatch(ctx, name, input);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  };
  await run('leads:create', {
    sourceId: upwork,
    title: 'a',
    createdOn: '2026-08-01',
    appliedOn: '2026-08-01',
    closedOn: '2026-08-09',
    stage: 'won',
    connects: 16,
    value: '1250.50',
  });
  await run('leads:create', {
    sourceId: upwork,
    title: 'b',
    createdOn: '2026-08-03',
    appliedOn: '2026-08-03',
    connects: 8,
    connectsRefunded: 8,
  });
  await run('payments:create', { date: '2026-08-12', sourceId: upwork, gross: '1000.00' });
  await run('payments:create', { date: '2026-08-13', sourceId: upwork, gross: '70.00', currency: 'EUR' });
  db.close();
  return file;
}

describe('leadledger report', () => {
  it('prints exactly the DOMAIN.md JSON shape', async () => {
    const file = await smallDb();
    const { code, stdout, stderr } = await cli(
      '--db',
      file,
      'report',
      '--from',
      '2026-08-01',
      '--to',
      '2026-08-31',
      '--json',
    );
    expect([code, stderr]).toEqual([0, '']);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(['from', 'to', 'basis', 'currency', 'channels', 'totals', 'warnings']);
    const keys = [
      'leads',
      'proposals',
      'replies',
      'interviews',
      'wins',
      'winRate',
      'connectsSpent',
      'connectsRefunded',
      'connectsExpired',
      'connectsPerWin',
      'revenue',
      'fees',
      'costs',
      'profit',
      'roi',
      'costPerLead',
      'costPerWin',
      'revenuePerConnect',
      'booked',
      'medianDaysToWin',
      'salesHours',
      'deliveryHours',
      'profitPerHour',
      'salesHoursPerWin',
    ];
    expect(Object.keys(report.channels[0])).toEqual(['source', ...keys]);
    expect(Object.keys(report.totals)).toEqual(keys);
    // Ledger (assumed start 2026-08-01): 16 spent on 08-01 take the month's 10 free, 6 are uncovered at 0.15 = 0.90;
    // the 8 of 08-03 came back. Revenue 1000.00, fee 100.00; the EUR payment has no rate.
    expect(report).toMatchObject({
      from: '2026-08-01',
      to: '2026-08-31',
      basis: 'usage',
      currency: 'USD',
      warnings: [
        'No EUR rate for 2026-08: 1 amount left out (70.00 EUR)',
        'Upwork: 6 Connects spent that no opening balance, allowance or purchase covers',
      ],
    });
    expect(report.channels[0]).toEqual({
      source: 'Upwork',
      leads: 2,
      proposals: 2,
      replies: 1,
      interviews: 1,
      wins: 1,
      winRate: 0.5,
      connectsSpent: 24,
      connectsRefunded: 8,
      connectsExpired: 0,
      connectsPerWin: 16,
      revenue: 100000,
      fees: 10000,
      costs: 90,
      profit: 89910,
      roi: 89910 / 10090,
      costPerLead: 45,
      costPerWin: 90,
      revenuePerConnect: 6250,
      booked: 125050,
      medianDaysToWin: 8,
      salesHours: 0,
      deliveryHours: 0,
      profitPerHour: null,
      salesHoursPerWin: 0,
    });
    const cash = JSON.parse(
      (await cli('--db', file, 'report', '--from', '2026-08-01', '--to', '2026-08-31', '--basis', 'cash', '--json'))
        .stdout,
    );
    expect(cash.channels[0]).toMatchObject({ costs: 0, costPerLead: 0, profit: 90000, roi: 9 });
  });

  it('prints an aligned table with money formatted and warnings', async () => {
    const file = await smallDb();
    const { code, stdout } = await cli('--db', file, 'report', '--from', '2026-08-01', '--to', '2026-08-31');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('Channel report 2026-08-01 to 2026-08-31, usage basis, amounts in USD');
    expect(lines[2]).toMatch(/^Channel\s+Leads\s+Proposals\s+Replies\s+Interviews\s+Wins\s+Win rate/);
    const upwork = lines.find((l) => l.startsWith('Upwork'))!;
    expect(upwork).toContain('1,000.00');
    expect(upwork).toContain('50.0%');
    expect(lines.find((l) => l.startsWith('Total'))).toContain('899.10');
    // columns line up: every table row has the same length
    const end = lines.findIndex((l) => l.startsWith('Total'));
    const table = lines.slice(2, end + 1);
    expect(table.length).toBe(5);
    expect(new Set(table.map((l) => l.length)).size).toBe(1);
    expect(stdout).toContain(
      'Warnings:\n  No EUR rate for 2026-08: 1 amount left out (70.00 EUR)\n  Upwork: 6 Connects',
    );
    const empty = await cli('--db', file, 'report', '--from', '2020-01-01', '--to', '2020-01-31');
    expect(empty.stdout).toContain('(no activity in this range)');
  });

  it('covers all records without bounds', async () => {
    const file = await smallDb();
    const report = JSON.parse((await cli('--db', file, 'report', '--json')).stdout);
    expect(report.from).toBe('2026-08-01');
    expect(report.channels[0].leads).toBe(2);
  });

  it('refuses bad input with one line and exit 2', async () => {
    const file = await smallDb();
    for (const [args, message] of [
      [['--from', '2026-02-30'], 'leadledger: --from needs a real date written YYYY-MM-DD (got "2026-02-30")\n'],
      [['--from', '2026-08-02', '--to', '2026-08-01'], 'leadledger: --to 2026-08-01 is before --from 2026-08-02\n'],
      [['--basis', 'accrual'], 'leadledger: --basis is cash or usage (got "accrual")\n'],
    ] as const) {
      expect(await cli('--db', file, 'report', ...args)).toEqual({ code: 2, stdout: '', stderr: message });
    }
    const unknown = await cli('--db', file, 'report', '--form', '2026-01-01');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.split('\n').length).toBe(2);
  });
});
