import { describe, expect, it } from 'vitest';
import type { Source } from '../../shared/api/schemas/sources';
import { applySourceWrite } from './sourceWrites';
import { type Applied, applyAll, replaceById, settled, showing, type Write } from './writes';

const source = (id: number, name: string, archived = false): Source => ({
  id,
  name,
  color: '#2f6fde',
  archived,
  creditName: null,
  freeCreditsMonthly: 0,
  creditPriceMinor: null,
  creditCurrency: null,
  commissionPercent: null,
  commissionMinFeeMinor: null,
  leadCount: id,
});
const updated = (value: Source): Write => ({ operation: 'sources:update', value });
const created = (value: Source): Write => ({ operation: 'sources:create', value });
const names = (applied: Applied<Source[]>) => applied && applied.data.map((s) => s.name);

describe('replaceById', () => {
  it('puts the record in place of the item with its id, in a new list', () => {
    const list = [source(1, 'A'), source(2, 'B'), source(3, 'C')];
    const next = replaceById(list, source(2, 'Bee'));
    expect(next?.map((s) => s.name)).toEqual(['A', 'Bee', 'C']);
    expect(list[1]!.name).toBe('B');
  });
  it('cannot place a record the list does not hold', () => {
    expect(replaceById([source(1, 'A')], source(9, 'Z'))).toBeUndefined();
  });
});

describe('applyAll', () => {
  const rename = (shown: string, write: Write): Applied<string> =>
    write.operation === 'sources:update' ? settled(write.value.name) : undefined;
  it('applies the writes in order; no refetch when each is all that is shown', () => {
    expect(applyAll('A', [updated(source(1, 'B')), updated(source(1, 'C'))], rename)).toEqual(settled('C'));
    expect(applyAll('A', [], rename)).toEqual(settled('A'));
  });
  it('refetches when one write is not all that is shown, and gives up at one it cannot apply', () => {
    const partly = (shown: string, write: Write) =>
      write.operation === 'sources:create' ? showing(shown + '+') : rename(shown, write);
    expect(applyAll('A', [created(source(2, 'X')), updated(source(1, 'B'))], partly)).toEqual(showing('B'));
    expect(applyAll('A', [updated(source(1, 'B')), created(source(2, 'X'))], rename)).toBeUndefined();
  });
});

describe('applySourceWrite (the Channels page and the channel pickers)', () => {
  const shown = [source(1, 'Upwork'), source(2, 'Fiverr'), source(3, 'Old', true)];
  const all = applySourceWrite(true);
  const active = applySourceWrite(false);

  it('shows a renamed or recoloured channel in its place with no refetch', () => {
    const applied = all(shown, updated({ ...source(2, 'Fiverr Pro'), color: '#ff5500' }));
    expect(applied?.refetch).toBe(false);
    expect(names(applied)).toEqual(['Upwork', 'Fiverr Pro', 'Old']);
    expect(applied?.data[1]?.color).toBe('#ff5500');
  });

  it('adds a new channel last of the active ones', () => {
    expect(names(all(shown, created(source(4, 'Toptal'))))).toEqual(['Upwork', 'Fiverr', 'Toptal', 'Old']);
    expect(names(active(shown.slice(0, 2), created(source(4, 'Toptal'))))).toEqual(['Upwork', 'Fiverr', 'Toptal']);
  });

  it('drops a channel archived from a list of active ones; one archived or restored among all moves: refetch', () => {
    expect(names(active(shown.slice(0, 2), updated(source(2, 'Fiverr', true))))).toEqual(['Upwork']);
    expect(all(shown, updated(source(2, 'Fiverr', true)))).toBeUndefined();
    expect(all(shown, updated(source(3, 'Old', false)))).toBeUndefined();
    expect(active(shown.slice(0, 2), updated(source(3, 'Old', false)))).toBeUndefined();
  });

  it('refetches after any other write (a lead changes the lead counts)', () => {
    const lead: Write = { operation: 'leads:delete', value: { deleted: true } };
    expect(all(shown, lead)).toBeUndefined();
  });
});
