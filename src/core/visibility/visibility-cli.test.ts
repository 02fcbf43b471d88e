import { describe, expect, it } from 'vitest';
import { runCli } from '../../../test-support/app-process';
import { callOk, openTempCtx, sourceId } from '../../../test-support/temp-db';
import { FunnelReport, PlanReport } from '../../shared/api/schemas/visibility';

// `leadledger funnel` and `leadledger plan` in a process of their own, on the same file as an
// in-process call: --json prints exactly the contract's keys with the same values; bad flags are
// one line with exit 2.

describe('leadledger funnel / plan', () => {
  it('print the contract JSON, the readable tables, and one-line errors', { timeout: 60_000 }, async () => {
    const ctx = openTempCtx(new Date());
    try {
      const upwork = sourceId(ctx, 'Upwork');
      for (let i = 0; i < 12; i++) {
        await callOk(ctx, 'leads:create', {
          sourceId: upwork,
          title: `bid ${i}`,
          stage: i < 2 ? 'won' : 'applied',
          createdOn: '2026-07-01',
          appliedOn: '2026-07-01',
          connects: 6,
          boostConnects: i < 4 ? 10 : 0,
          boostOutcome: i < 2 ? 'top' : i < 4 ? 'outbid' : null,
          minutesAfterPost: i * 30,
          proposalsWhenBid: '<5',
          invited: i === 11,
          viewedOn: i < 6 ? '2026-07-02' : null,
          value: '100.00',
          currency: 'USD',
          ...(i < 2 ? { closedOn: '2026-07-09' } : {}),
        });
      }
      const file = ctx.store.path;
      const range = { from: '2026-07-01', to: '2026-07-31' };
      const funnel = FunnelReport.parse(await callOk(ctx, 'visibility:funnel', range));
      const plan = PlanReport.parse(
        await callOk(ctx, 'visibility:plan', {
          source: 'Upwork',
          proposals: 20,
          boosted: 5,
          boost: 12,
          fast: 5,
          ...range,
        }),
      );
      ctx.store.close();
      const f = await runCli(['--db', file, 'funnel', '--from', range.from, '--to', range.to, '--json']);
      expect(f.stderr).toBe('');
      expect(f.stdout).toBe(`${JSON.stringify(funnel, null, 2)}\n`);
      const p = await runCli([
        '--db',
        file,
        'plan',
        '--source',
        'Upwork',
        '--proposals',
        '20',
        '--boosted',
        '5',
        '--boost',
        '12',
        '--fast',
        '5',
        '--from',
        range.from,
        '--to',
        range.to,
        '--json',
      ]);
      expect(p.stdout).toBe(`${JSON.stringify(plan, null, 2)}\n`);
      const text = await runCli([
        '--db',
        file,
        'plan',
        '--source',
        'Upwork',
        '--proposals',
        '20',
        '--from',
        range.from,
        '--to',
        range.to,
      ]);
      expect(text.stdout).toMatch(
        /^Bid plan for Upwork: 20 proposals a month, 0 boosted\nHistory: 12 proposals applied 2026-07-01 to 2026-07-31\n/,
      );
      expect(text.stdout).toMatch(/Connects to buy: +\d+/);
      const table = await runCli([
        '--db',
        file,
        'funnel',
        '--source',
        'Upwork',
        '--from',
        range.from,
        '--to',
        range.to,
      ]);
      expect(table.stdout).toContain('Upwork: 12 proposals, 6 viewed, 2 replied, 2 interviews, 2 won');
      const bad = await runCli(['--db', file, 'plan', '--source', 'Upwork', '--proposals', 'many']);
      expect([bad.code, bad.stderr.trim().split('\n').length]).toEqual([2, 1]);
      expect(bad.stderr).toContain('--proposals needs a whole number, 0 or more (got "many")');
    } finally {
      ctx.close();
    }
  });
});
