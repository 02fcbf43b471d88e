import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LeadSortField } from '../../shared/api/schemas/leads';
import { loadSampleData } from '../app/sample-data';
import { openTempCtx } from '../../../test-support/temp-db';
import { listLeads } from './leads-repo';

let ctx: ReturnType<typeof openTempCtx>;
beforeAll(() => {
  ctx = openTempCtx();
  loadSampleData(ctx, { leads: 900, seed: 11 });
});
afterAll(() => ctx.close());

const key: Record<LeadSortField, (r: ReturnType<typeof listLeads>['rows'][number]) => string | number | null> = {
  title: (r) => r.title.toLowerCase(),
  client: (r) => r.client.toLowerCase(),
  source: (r) => r.sourceName.toLowerCase(),
  stage: (r) => ['new', 'applied', 'replied', 'interview', 'won', 'lost'].indexOf(r.stage),
  createdOn: (r) => r.createdOn,
  appliedOn: (r) => r.appliedOn,
  followUpOn: (r) => r.followUpOn,
  value: (r) => r.valueMinor,
  connects: (r) => r.connects + r.boostConnects,
  updatedAt: (r) => r.updatedAt,
};

// SQLite orders NULL first ascending; ties break on id.
function compare(a: [string | number | null, number], b: [string | number | null, number]): number {
  if (a[0] !== b[0]) {
    if (a[0] === null) return -1;
    if (b[0] === null) return 1;
    return a[0] < b[0] ? -1 : 1;
  }
  return a[1] - b[1];
}

describe('listLeads paging', () => {
  for (const field of LeadSortField.options) {
    for (const dir of ['asc', 'desc'] as const) {
      it(`pages by ${field} ${dir} cover every lead once, in order`, () => {
        const filter =
          field === 'stage' ? {} : { stages: ['applied', 'won', 'lost'] as ('applied' | 'won' | 'lost')[] };
        const pages = [0, 1, 2, 3, 4, 5].map((p) => listLeads(ctx.db, filter, { field, dir }, p * 150, 150));
        const rows = pages.flatMap((p) => p.rows);
        expect(rows.length).toBe(Math.min(pages[0]!.total, 900));
        expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
        const keys = rows.map((r) => [key[field](r), r.id] as [string | number | null, number]);
        const sorted = [...keys].sort((a, b) => (dir === 'asc' ? compare(a, b) : compare(b, a)));
        expect(keys).toEqual(sorted);
      });
    }
  }

  it('pages a text search the same way', () => {
    const all = listLeads(ctx.db, { search: 'set' }, undefined, 0, 1000);
    const paged = [0, 1, 2].flatMap((p) => listLeads(ctx.db, { search: 'set' }, undefined, p * 40, 40).rows);
    expect(all.total).toBeGreaterThan(40);
    expect(paged.map((r) => r.id)).toEqual(all.rows.slice(0, 120).map((r) => r.id));
  });
});

describe('listLeads: a search with many matches', () => {
  let big: ReturnType<typeof openTempCtx>;
  beforeAll(() => {
    big = openTempCtx();
    loadSampleData(big, { leads: 2600, seed: 5 });
  });
  afterAll(() => big.close());

  // Pages near the top walk the sort's index with LIKE, deeper ones read the remembered ids: the same rows either way.
  for (const sort of [
    undefined,
    { field: 'value', dir: 'desc' },
    { field: 'title', dir: 'asc' },
    { field: 'createdOn', dir: 'asc' },
  ] as const) {
    it(`pages by ${sort?.field ?? 'default'} agree with one page of every match`, () => {
      const all = listLeads(big.db, { search: 'e' }, sort, 0, 5000);
      expect(all.total).toBeGreaterThanOrEqual(2000);
      expect(all.rows.length).toBe(all.total);
      const paged = Array.from(
        { length: Math.ceil(all.total / 100) },
        (_, p) => listLeads(big.db, { search: 'e' }, sort, p * 100, 100).rows,
      ).flat();
      expect(paged.map((r) => r.id)).toEqual(all.rows.map((r) => r.id));
    });
  }
});
