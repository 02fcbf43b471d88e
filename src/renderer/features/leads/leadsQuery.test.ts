import { describe, expect, it } from 'vitest';
import { LeadList } from '../../../shared/api/schemas/leads';
import { isFiltered, leadsQueryFrom, nextSort } from './leadsQuery';

describe('leads query from the URL', () => {
  it('reads every filter and the sort', () => {
    const q = leadsQueryFrom(
      new URLSearchParams('q=react&source=3,4&stage=won,lost&tag=api&from=2026-01-01&to=2026-06-30&sort=value&dir=asc'),
    );
    expect(q).toEqual({
      filter: {
        search: 'react',
        sourceIds: [3, 4],
        stages: ['won', 'lost'],
        tag: 'api',
        createdFrom: '2026-01-01',
        createdTo: '2026-06-30',
      },
      sort: { field: 'value', dir: 'asc' },
    });
    expect(LeadList.safeParse({ ...q.filter, sort: q.sort }).success).toBe(true);
  });

  it('drops what the API would refuse instead of failing the page', () => {
    const q = leadsQueryFrom(new URLSearchParams('source=abc,-1&stage=maybe&from=2026-02-30&sort=drop table&dir=up'));
    expect(q).toEqual({ filter: {}, sort: undefined });
    expect(isFiltered(q.filter)).toBe(false);
  });

  it('toggles direction on the same header, picks a sensible first direction on a new one', () => {
    expect(nextSort(undefined, 'title')).toEqual({ field: 'title', dir: 'asc' });
    expect(nextSort(undefined, 'value')).toEqual({ field: 'value', dir: 'desc' });
    expect(nextSort({ field: 'value', dir: 'desc' }, 'value')).toEqual({ field: 'value', dir: 'asc' });
  });
});
