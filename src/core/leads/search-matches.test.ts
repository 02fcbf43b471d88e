import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LeadRow } from '../../shared/api/schemas/leads';
import { callOk, openTempCtx, sourceId } from '../../../test-support/temp-db';
import { boardTotals, listLeads } from './leads-repo';
import { maxRememberedMatches, searchClause } from './search-matches';

let ctx: ReturnType<typeof openTempCtx>;
beforeEach(() => {
  ctx = openTempCtx();
});
afterEach(() => ctx.close());

type Fields = { title: string; client?: string; tags?: string[]; notes?: string; stage?: string };
const create = (f: Fields) =>
  callOk<LeadRow>(ctx, 'leads:create', { sourceId: sourceId(ctx, 'Referral'), createdOn: '2026-08-01', ...f });
const titles = (search: string, filter = {}) =>
  listLeads(ctx.db, { search, ...filter }, { field: 'title', dir: 'asc' }, 0, 100).rows.map((r) => r.title);
const total = (search: string, filter = {}) => listLeads(ctx.db, { search, ...filter }, undefined, 0, 100).total;
/** The search as it was before the remembered matches: one LIKE scan over every row. */
const scanned = (search: string) =>
  ctx.db
    .prepare(`SELECT l.title FROM leads l WHERE ${searchClause(search).sql} ORDER BY l.title COLLATE NOCASE, l.id`)
    .pluck()
    .all(...searchClause(search).params) as string[];

const fixture: Fields[] = [
  { title: 'React dashboard', client: 'Globex', tags: ['react'] },
  { title: 'React native app', client: 'Initech', tags: ['react', 'mobile'], stage: 'applied' },
  { title: 'Vue admin', client: 'React Daily', notes: '' },
  { title: 'Logo', client: 'Hooli', notes: 'asked for a react dashboard later' },
  { title: 'Café menu', client: 'Ümlaut GmbH', tags: ['print'] },
  { title: '100% done_ish', client: 'Percent', notes: 'under_score' },
];

// Typing narrows from the matches of the text typed before; the rows must stay those of a plain scan.
describe('search matches remembered while typing', () => {
  it('gives the rows and totals of a full LIKE scan, keystroke after keystroke', async () => {
    for (const f of fixture) await create(f);
    const typed = [
      'r',
      're',
      'rea',
      'reac',
      'react',
      'react ',
      'react d',
      'react da',
      'REACT DA',
      'caf',
      'café',
      'CAFÉ',
      'ümlaut',
      'Ü',
      '100%',
      '%',
      'done_',
      '_',
      'under_s',
      'zzz',
    ];
    for (const text of typed) {
      const search = text.trim();
      expect(titles(text), text).toEqual(scanned(search));
      expect(total(text), text).toBe(scanned(search).length);
    }
    // LIKE folds ASCII case only: "CAFÉ" finds nothing, as before.
    expect(titles('CAFÉ')).toEqual([]);
    expect(titles('react d')).toEqual(['Logo', 'React dashboard', 'Vue admin']);
    // Combined with another filter the count is of both.
    expect(total('react', { stages: ['applied'] })).toBe(1);
    expect(boardTotals(ctx.db, { search: 'react d' }).get('new')?.total).toBe(3);
  });

  it('forgets the matches at a write of this connection (create, update, delete, undo)', async () => {
    await create({ title: 'Alpha site' });
    expect(titles('alp')).toEqual(['Alpha site']);
    const shop = await create({ title: 'Alpha shop' });
    expect(titles('alph')).toEqual(['Alpha shop', 'Alpha site']);
    await callOk(ctx, 'leads:update', { id: shop.id, title: 'Beta shop' });
    expect(titles('alpha')).toEqual(['Alpha site']);
    await callOk(ctx, 'leads:update', { id: shop.id, notes: 'was alpha' });
    expect(titles('alpha')).toEqual(['Alpha site', 'Beta shop']);
    const deleted = await callOk<{ undoId: number }>(ctx, 'leads:delete', { id: shop.id });
    expect(titles('alpha s')).toEqual(['Alpha site']);
    await callOk(ctx, 'undo:lead', { undoId: deleted.undoId });
    expect(titles('alpha s')).toEqual(['Alpha site']);
    expect(titles('alpha')).toEqual(['Alpha site', 'Beta shop']);
  });

  it('forgets the matches at a commit of another connection (an import, the CLI)', async () => {
    await create({ title: 'Alpha site' });
    expect(titles('alp')).toEqual(['Alpha site']);
    const other = new Database(ctx.store.path);
    try {
      const row = other.prepare(`SELECT * FROM leads`).get() as Record<string, unknown>;
      other
        .prepare(
          `INSERT INTO leads (ref, source_id, title, stage, created_on, currency, updated_at) VALUES ('other-1', ?, 'Alpha shop', 'new', '2026-08-02', 'USD', ?)`,
        )
        .run(row.source_id, row.updated_at);
    } finally {
      other.close();
    }
    expect(titles('alpha')).toEqual(['Alpha shop', 'Alpha site']);
  });

  it('pages many matches the same as a scan, in every order and at any offset', async () => {
    await callOk(ctx, 'sample:load', { leads: 3000 });
    const sorts = [
      undefined,
      { field: 'createdOn', dir: 'desc' },
      { field: 'title', dir: 'asc' },
      { field: 'updatedAt', dir: 'desc' },
      { field: 'client', dir: 'asc' },
    ] as const;
    const typing: [string, string][] = [
      ['a', 'an'],
      ['e', 'e '],
      ['r', 're'],
    ];
    for (const [previous, text] of typing) {
      for (const typed of [previous, text]) {
        const where = searchClause(typed.trim());
        const scan = ctx.db
          .prepare(`SELECT l.id FROM leads l WHERE ${where.sql}`)
          .pluck()
          .all(...where.params) as number[];
        for (const sort of sorts) {
          const everything = listLeads(ctx.db, { search: typed }, sort, 0, 5000).rows.map((r) => r.id);
          expect(new Set(everything), `${typed} ${sort?.field}`).toEqual(new Set(scan));
          for (const offset of [0, 1000]) {
            const page = listLeads(ctx.db, { search: typed }, sort, offset, 200);
            expect(page.total, typed).toBe(scan.length);
            expect(
              page.rows.map((r) => r.id),
              `${typed} ${sort?.field} ${offset}`,
            ).toEqual(everything.slice(offset, offset + 200));
          }
        }
      }
    }
    // Enough matches that both ways of paging are used, and not too many to remember.
    const many = listLeads(ctx.db, { search: 'e' }, undefined, 0, 1).total;
    expect(many).toBeGreaterThan(2000);
    expect(many).toBeLessThan(maxRememberedMatches);
  });
});
