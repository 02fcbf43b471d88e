import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../dispatch';
import { openTempCtx, sourceId } from '../../../test-support/temp-db';
import { boardTotals } from './leads-repo';
import { rollupDrift } from '../rollups/rebuild';

let ctx: ReturnType<typeof openTempCtx>;
beforeEach(() => (ctx = openTempCtx()));
afterEach(() => ctx.close());

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await dispatch(ctx, name, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

type Board = {
  columns: {
    stage: string;
    total: number;
    values: { currency: string; minor: number }[];
    leads: { title: string }[];
  }[];
};

describe('leads:board', () => {
  it('counts every lead of a column and sums values per currency, beyond the shown cards', async () => {
    const upwork = sourceId(ctx, 'Upwork');
    const add = (title: string, value: string | null, currency = 'USD', stage = 'applied') =>
      call('leads:create', { title, sourceId: upwork, stage, value, currency });
    await add('Alpha', '100.50');
    await add('Bravo', '200');
    await add('Charlie', '50', 'EUR');
    await add('Delta', null);
    await add('Echo', '999', 'USD', 'won');
    const board = await call<Board>('leads:board', { perColumn: 2 });
    const applied = board.columns.find((c) => c.stage === 'applied')!;
    expect(applied.total).toBe(4);
    expect(applied.leads.map((l) => l.title)).toEqual(['Alpha', 'Bravo']);
    expect(applied.values).toEqual([
      { currency: 'USD', minor: 30050 },
      { currency: 'EUR', minor: 5000 },
    ]);
    expect(board.columns.find((c) => c.stage === 'new')).toMatchObject({ total: 0, values: [], leads: [] });
    expect(board.columns.find((c) => c.stage === 'lost')).toMatchObject({ total: 0, values: null });
    expect(board.columns.map((c) => c.stage)).toEqual(['new', 'applied', 'replied', 'interview', 'won', 'lost']);

    expect(board.columns.find((c) => c.stage === 'won')!.values).toEqual([{ currency: 'USD', minor: 99900 }]);

    const searched = await call<Board>('leads:board', { search: 'bravo' });
    expect(searched.columns.find((c) => c.stage === 'applied')).toMatchObject({
      total: 1,
      values: [{ currency: 'USD', minor: 20000 }],
    });
  });

  it('takes its totals from the stage rollup, equal to counting the rows, through creates, edits, moves, deletes and filters', async () => {
    const upwork = sourceId(ctx, 'Upwork');
    const fiverr = sourceId(ctx, 'Fiverr');
    const ids: number[] = [];
    const add = async (title: string, sourceId: number, stage: string, value: string | null, currency = 'USD') =>
      ids.push(
        (
          await call<{ id: number }>('leads:create', {
            title,
            sourceId,
            stage,
            value,
            currency,
            createdOn: '2025-12-01',
            appliedOn: stage === 'new' ? null : '2025-12-02',
          })
        ).id,
      );
    await add('A', upwork, 'applied', '100');
    await add('B', upwork, 'applied', null);
    await add('C', fiverr, 'applied', '40', 'EUR');
    await add('D', fiverr, 'interview', '700');
    await add('E', upwork, 'applied', '10');
    await add('F', fiverr, 'new', '5', 'GBP');
    await call('leads:move', { id: ids[0], stage: 'won', closedOn: '2026-01-05' });
    await call('leads:move', { id: ids[3], stage: 'won', closedOn: '2026-08-10' });
    await call('leads:move', { id: ids[1], stage: 'lost', closedOn: '2026-08-11' });
    await call('leads:update', { id: ids[2], value: '45.50', sourceId: upwork });
    await call('leads:update', { id: ids[4], value: null });
    await call('leads:delete', { id: ids[5] });
    expect(rollupDrift(ctx.db)).toEqual([]);

    // A created-on filter takes the path that counts the rows (a day before every lead changes nothing).
    const counted = (filter: object) => shown(boardTotals(ctx.db, { ...filter, createdFrom: '1900-01-01' }));
    const shown = (totals: ReturnType<typeof boardTotals>) =>
      [...totals].filter(([, c]) => c.total > 0).sort(([a], [b]) => a.localeCompare(b));
    const filters = [
      {},
      { sourceIds: [upwork] },
      { sourceIds: [fiverr] },
      { closedFrom: '2026-08-01' },
      { stages: ['won' as const, 'applied' as const] },
      { sourceIds: [fiverr], closedFrom: '2026-08-11' },
    ];
    for (const filter of filters)
      expect(shown(boardTotals(ctx.db, filter)), JSON.stringify(filter)).toEqual(counted(filter));
    expect(shown(boardTotals(ctx.db, {}))).toEqual([
      ['applied', { total: 2, values: [{ currency: 'EUR', minor: 4550 }] }],
      ['lost', { total: 1, values: null }],
      ['won', { total: 2, values: [{ currency: 'USD', minor: 80000 }] }],
    ]);
    expect(shown(boardTotals(ctx.db, { closedFrom: '2026-08-01' })).find(([s]) => s === 'won')).toEqual([
      'won',
      { total: 1, values: [{ currency: 'USD', minor: 70000 }] },
    ]);
  });
});
