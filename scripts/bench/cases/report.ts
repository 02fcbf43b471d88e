import type Database from 'better-sqlite3';
import { createCtx } from '../../../src/core/context';
import { openDatabase } from '../../../src/core/db/open';
import { dispatch } from '../../../src/core/dispatch';
import { measure } from '../stats';
import type { CaseResult } from '../report';

/**
 * report: the channel report (both bases) over the big database, all time and one month, in the same
 * process as a naive single GROUP BY scan of the leads table (the baseline the target is relative to).
 */
/** The month of the newest lead and its range, for the one-month report cases (scripts/bench/ab.ts too). */
export function lastMonthOfData(db: Database.Database): { month: string; range: { from: string; to: string } } {
  const month = (db.prepare(`SELECT substr(MAX(created_on), 1, 7) AS m FROM leads`).get() as { m: string }).m;
  const [y, m] = month.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { month, range: { from: `${month}-01`, to: `${month}-${String(lastDay).padStart(2, '0')}` } };
}

export async function reportCases(dbPath: string, runs: number): Promise<CaseResult[]> {
  const db = openDatabase(dbPath);
  const ctx = createCtx(db, dbPath);
  const naiveSql = `SELECT source_id, COUNT(*), SUM(applied_on IS NOT NULL), SUM(stage = 'won'), SUM(connects + boost_connects), SUM(connects_refunded), SUM(value_minor) FROM leads GROUP BY source_id`;
  const naive = await measure(
    runs,
    () => {
      const started = performance.now();
      db.prepare(naiveSql).all();
      return performance.now() - started;
    },
    1,
  );
  const { month, range } = lastMonthOfData(db);
  const ranges: [string, Record<string, string>][] = [
    ['all time', {}],
    [`one month (${month})`, range],
  ];
  const results: CaseResult[] = [];
  for (const basis of ['usage', 'cash'] as const) {
    for (const [label, range] of ranges) {
      const s = await measure(
        runs,
        async () => {
          const started = performance.now();
          const result = await dispatch(ctx, 'reports:channels', { ...range, basis });
          if (!result.ok) throw new Error(result.error.message);
          return performance.now() - started;
        },
        1,
      );
      const ratio = s.median / naive.median;
      results.push({
        case: `report ${basis}, ${label}`,
        unit: 'ms',
        ...s,
        baseline: 'naive GROUP BY scan',
        baselineMedian: naive.median,
        ratio,
        target: '≤ 50 ms and ≤ 0.1×',
        met: s.median <= 50 && ratio <= 0.1,
      });
    }
  }
  // The ledgers and counts are remembered until the next write: the first report after one, as a
  // freelancer sees it after saving a lead, reads everything again.
  const touch = db.prepare(`UPDATE settings SET value = value WHERE key = (SELECT key FROM settings LIMIT 1)`);
  const afterWrite = await measure(
    runs,
    async () => {
      touch.run();
      const started = performance.now();
      const result = await dispatch(ctx, 'reports:channels', { basis: 'usage' });
      if (!result.ok) throw new Error(result.error.message);
      return performance.now() - started;
    },
    1,
  );
  results.push({
    case: 'report usage, all time, first after a write',
    unit: 'ms',
    ...afterWrite,
    baseline: 'naive GROUP BY scan',
    baselineMedian: naive.median,
    ratio: afterWrite.median / naive.median,
    target: '≤ 50 ms and ≤ 0.1×',
    met: afterWrite.median <= 50 && afterWrite.median / naive.median <= 0.1,
  });
  db.close();
  return results;
}
