import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCtx } from '../../core/context';
import { openDatabase } from '../../core/db/open';
import { dispatch } from '../../core/dispatch';
import { tempDbPath } from '../../../test-support/temp-db';
import { runCliCaptured as cli } from '../test-support/run-captured';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function withDb(
  fill: (run: (name: string, input: unknown) => Promise<unknown>, upwork: number) => Promise<void>,
) {
  const file = tempDbPath();
  dirs.push(path.dirname(file));
  const db = openDatabase(file);
  const ctx = createCtx(db, file, () => new Date('2026-09-15T12:00:00Z'));
  const upwork = (db.prepare(`SELECT id FROM sources WHERE name = 'Upwork'`).get() as { id: number }).id;
  await fill(async (name, input) => {
    const r = await dispatch(ctx, name, input);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value;
  }, upwork);
  db.close();
  return file;
}

describe('leadledger report --json', () => {
  it('prints the DOMAIN §4 example exactly', async () => {
    // 3 Upwork leads in August, all applied; the one won after 8 days (booked 1250.50) is the only reply and interview.
    // Connects: 20 + (16 + 8 boost, 12 refunded) + 16 = 60 spent, 12 refunded.
    // Ledger: assumed start 08-01, 10 free, 40 bought for 6.00 on 08-01: the 48 net take the 10 free, then 38 at 0.15 = 5.70.
    const file = await withDb(async (run, upwork) => {
      await run('expenses:create', {
        date: '2026-08-01',
        sourceId: upwork,
        category: 'connects',
        amount: '6.00',
        connects: 40,
      });
      await run('leads:create', {
        sourceId: upwork,
        title: 'a',
        createdOn: '2026-08-03',
        appliedOn: '2026-08-05',
        closedOn: '2026-08-13',
        stage: 'won',
        connects: 20,
        value: '1250.50',
      });
      await run('leads:create', {
        sourceId: upwork,
        title: 'b',
        createdOn: '2026-08-04',
        appliedOn: '2026-08-04',
        stage: 'applied',
        connects: 16,
        boostConnects: 8,
        connectsRefunded: 12,
      });
      await run('leads:create', {
        sourceId: upwork,
        title: 'c',
        createdOn: '2026-08-20',
        appliedOn: '2026-08-20',
        stage: 'applied',
        connects: 16,
      });
    });
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
    const row = {
      leads: 3,
      proposals: 3,
      replies: 1,
      interviews: 1,
      wins: 1,
      winRate: 1 / 3,
      connectsSpent: 60,
      connectsRefunded: 12,
      connectsExpired: 0,
      connectsPerWin: 48,
      revenue: 0,
      fees: 0,
      costs: 570,
      profit: -570,
      roi: -1,
      costPerLead: 190,
      costPerWin: 570,
      revenuePerConnect: 0,
      booked: 125050,
      medianDaysToWin: 8,
      salesHours: 0,
      deliveryHours: 0,
      profitPerHour: null,
      salesHoursPerWin: 0,
    };
    const expected = {
      from: '2026-08-01',
      to: '2026-08-31',
      basis: 'usage',
      currency: 'USD',
      channels: [{ source: 'Upwork', ...row }],
      totals: row,
      warnings: [],
    };
    // Same keys in the same order as docs/domain.md §4.
    expect(stdout).toBe(`${JSON.stringify(expected, null, 2)}\n`);
  });
});

describe('leadledger connects', () => {
  const ledgerDb = () =>
    withDb(async (run, upwork) => {
      await run('leads:create', { sourceId: upwork, title: 'a', createdOn: '2026-08-03', connects: 30 });
      await run('expenses:create', {
        date: '2026-08-10',
        sourceId: upwork,
        category: 'connects',
        amount: '12.00',
        connects: 80,
      });
    });

  it('prints DOMAIN §5 fields per channel, records an opening balance and adjustments', async () => {
    const file = await ledgerDb();
    let out = await cli('--db', file, 'connects', '--source', 'Upwork', '--on', '2026-09-15', '--json');
    expect(out.code).toBe(0);
    // Assumed start 08-01: 10 free, 30 spent (20 uncovered), 80 bought, 10 free on 09-01.
    expect(JSON.parse(out.stdout)).toEqual([
      {
        source: 'Upwork',
        balance: 90,
        expiringIn30Days: 0,
        spent: 30,
        bought: 80,
        allowance: 20,
        adjustments: 0,
        expired: 0,
        uncovered: 20,
        start: '2026-08-01',
        startAssumed: true,
      },
    ]);
    expect(
      await cli('--db', file, 'connects', 'opening', '--source', 'Upwork', '--count', '25', '--on', '2026-08-01'),
    ).toEqual({
      code: 0,
      stdout: 'Opening balance of Upwork: 25 on 2026-08-01\n',
      stderr: '',
    });
    expect(
      await cli(
        '--db',
        file,
        'connects',
        'adjust',
        '--source',
        'upwork',
        '--count',
        '-7',
        '--on',
        '2026-09-14',
        '--note',
        'Upwork shows 88',
      ),
    ).toMatchObject({ code: 0 });
    out = await cli('--db', file, 'connects', '--on', '2026-09-15', '--json');
    // 25 + 10 − 30 = 5 (nothing uncovered), + 80, + 10, − 7 = 88.
    expect(JSON.parse(out.stdout)).toEqual([
      {
        source: 'Upwork',
        balance: 88,
        expiringIn30Days: 0,
        spent: 30,
        bought: 80,
        allowance: 20,
        adjustments: -7,
        expired: 0,
        uncovered: 0,
        start: '2026-08-01',
        startAssumed: false,
      },
    ]);
    const table = await cli('--db', file, 'connects', '--on', '2026-09-15');
    expect(table.stdout.split('\n')[0]).toBe('Credits ledger up to 2026-09-15');
    expect(table.stdout).toMatch(/^Upwork\s+88\s+0\s+30\s+80\s+20\s+-7\s+0\s+0\s+2026-08-01$/m);
  });

  it('refuses bad input with one line naming the flag, and saves nothing', async () => {
    const file = await ledgerDb();
    const cases: [string[], RegExp][] = [
      [['adjust', '--source', 'Upwork', '--count', '5', '--on', '2026-09-01'], /^leadledger: --note: /],
      [
        ['adjust', '--source', 'Upwork', '--count', '1.5', '--on', '2026-09-01', '--note', 'x'],
        /^leadledger: --count: Whole numbers only\n$/,
      ],
      [
        ['adjust', '--source', 'Upwork', '--count', '-500', '--on', '2026-09-01', '--note', 'x'],
        /^leadledger: --count: The Connects balance would go negative on 2026-09-01/,
      ],
      [
        ['opening', '--source', 'Upwork', '--count', 'ten', '--on', '2026-09-01'],
        /^leadledger: --count needs a whole number/,
      ],
      [
        ['opening', '--source', 'Upwork', '--count', '5', '--on', '2999-01-01'],
        /^leadledger: --on: 2999-01-01 is in the future/,
      ],
      [
        ['opening', '--source', 'Nowhere', '--count', '5', '--on', '2026-09-01'],
        /^leadledger: --source: No channel named "Nowhere"/,
      ],
      [['opening', '--count', '5', '--on', '2026-09-01'], /^leadledger: --source needs the channel name/],
      [['refill'], /^leadledger: Unknown connects action "refill"/],
    ];
    for (const [args, message] of cases) {
      const out = await cli('--db', file, 'connects', ...args);
      expect(out.code, args.join(' ')).toBe(2);
      expect(out.stderr, args.join(' ')).toMatch(message);
    }
    const after = JSON.parse((await cli('--db', file, 'connects', '--on', '2026-09-15', '--json')).stdout);
    expect(after[0]).toMatchObject({ balance: 90, adjustments: 0, startAssumed: true });
  });

  it('a new opening balance that leaves spends short asks for --yes, then saves', async () => {
    const file = await ledgerDb();
    // 08-01: opening 40 + 10 free; 08-03: 30 spent. An opening of 10 instead leaves 10 short on 08-03.
    expect(
      await cli('--db', file, 'connects', 'opening', '--source', 'Upwork', '--count', '40', '--on', '2026-08-01'),
    ).toMatchObject({ code: 0 });
    const asked = await cli(
      '--db',
      file,
      'connects',
      'opening',
      '--source',
      'Upwork',
      '--count',
      '10',
      '--on',
      '2026-08-01',
    );
    expect(asked.code).toBe(1);
    expect(asked.stderr).toMatch(
      /^leadledger: Upwork would be 10 Connects short from 2026-08-03: .* \(run again with --yes\)\n$/,
    );
    const json = async () =>
      JSON.parse((await cli('--db', file, 'connects', '--on', '2026-09-15', '--json')).stdout)[0];
    expect(await json()).toMatchObject({ uncovered: 0 });
    expect(
      await cli(
        '--db',
        file,
        'connects',
        'opening',
        '--source',
        'Upwork',
        '--count',
        '10',
        '--on',
        '2026-08-01',
        '--yes',
      ),
    ).toMatchObject({ code: 0 });
    expect(await json()).toMatchObject({ uncovered: 10, startAssumed: false });
  });
});
