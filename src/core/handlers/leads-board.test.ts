import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../dispatch';
import { openTempCtx, sourceId } from '../../../test-support/temp-db';

let ctx: ReturnType<typeof openTempCtx>;
beforeEach(() => (ctx = openTempCtx()));
afterEach(() => ctx.close());

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await dispatch(ctx, name, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

type Board = { columns: { stage: string; total: number; values: { currency: string; minor: number }[]; leads: { title: string }[] }[] };

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
    expect(searched.columns.find((c) => c.stage === 'applied')).toMatchObject({ total: 1, values: [{ currency: 'USD', minor: 20000 }] });
  });
});
