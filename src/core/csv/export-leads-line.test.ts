import { describe, expect, it } from 'vitest';
import { insertLead, RollupBatch } from '../leads/leads-repo';
import { openTempCtx, sourceId } from '../../../test-support/temp-db';
import { csvRecordLine, queries, type Row, toRecord, writeExport } from './export';
import { ownHeaders } from './own-formats';

// The leads export builds each line in SQL and checks it with one regex; lines it cannot vouch for
// are rebuilt from raw cells. Both must give the record-based reference, cell for cell.
const cases: { title: string; client?: string; notes?: string; value: number | null; currency: string }[] = [
  { title: 'Plain title', value: 125050, currency: 'USD' },
  { title: 'Small', value: 5, currency: 'USD' },
  { title: 'Negative', value: -5, currency: 'EUR' },
  { title: 'Negative big', value: -123456, currency: 'GBP' },
  { title: 'Zero', value: 0, currency: 'USD' },
  { title: 'No value', value: null, currency: 'USD' },
  { title: 'Yen', value: 1500, currency: 'JPY' },
  { title: 'Yen negative', value: -7, currency: 'JPY' },
  { title: 'Dinar', value: 1234, currency: 'BHD' },
  { title: 'Dinar small', value: -5, currency: 'KWD' },
  { title: 'ISO override', value: 990, currency: 'ISK' },
  { title: 'Forint', value: 12345, currency: 'HUF' },
  { title: 'Unknown code', value: 12345, currency: 'XYZ' },
  { title: 'Comma, inside', value: 100, currency: 'USD' },
  { title: 'Quote "inside"', value: 100, currency: 'USD' },
  { title: '=SUM(A1)', value: 100, currency: 'USD' },
  { title: "'apostrophe", value: 100, currency: 'USD' },
  { title: 'Trailing space ', value: 100, currency: 'USD' },
  { title: ' Leading space', value: 100, currency: 'USD' },
  { title: '\uFF0B1', value: 100, currency: 'USD' },
  { title: '3D print', value: 100, currency: 'USD' },
  { title: 'Éclair ünïcode 🚀', client: '🚀 rocket', value: 100, currency: 'USD' },
  { title: 'Line', notes: 'two\nlines', value: 100, currency: 'USD' },
  { title: 'CR', notes: 'a\rb', value: 100, currency: 'USD' },
  { title: 'Empty client', client: '', notes: '', value: 100, currency: 'USD' },
  { title: 'x', client: 'y', notes: 'z', value: 1, currency: 'USD' },
];

describe('the leads CSV export', () => {
  it('writes exactly the reference cells for clean and escaped lines and every currency', async () => {
    const ctx = openTempCtx();
    try {
      const upwork = sourceId(ctx, 'Upwork');
      ctx.db.transaction(() => {
        const batch = new RollupBatch(ctx.db);
        cases.forEach((c, i) => {
          insertLead(
            ctx.db,
            {
              ref: `r${i}`,
              source_id: upwork,
              title: c.title,
              client: c.client ?? 'Acme',
              url: '',
              stage: i % 2 ? 'won' : 'new',
              furthest_rank: 0,
              created_on: '2026-08-01',
              applied_on: i % 3 ? '2026-08-02' : null,
              closed_on: null,
              connects: i,
              boost_connects: 0,
              connects_refunded: 0,
              value_minor: c.value,
              currency: c.currency,
              fee_percent_bp: null,
              lost_reason: '',
              tags: i % 2 ? 'a;b' : '',
              notes: c.notes ?? 'note',
              follow_up_on: i % 4 ? null : '2026-09-01',
              position: i,
              updated_at: 'x',
              import_id: null,
              invited: i % 2,
              minutes_after_post: i % 3 ? i * 11 : null,
              proposals_when_bid: i % 5 ? '50+' : '<5',
              viewed_on: i % 2 ? null : '2026-08-04',
              boost_outcome: null,
            },
            batch,
          );
        });
        batch.flush();
      })();
      let out = '';
      const count = await writeExport(ctx.db, 'leads', {}, (t) => void (out += t));
      expect(count).toBe(cases.length);
      const { columns, from } = queries.leads;
      const rows = ctx.db.prepare(`SELECT ${columns} FROM ${from} ORDER BY l.id`).all() as Row[];
      const expected = `${ownHeaders.leads.join(',')}\r\n${rows.map((r) => csvRecordLine('leads', toRecord('leads', r))).join('')}`;
      expect(out.split('\r\n')).toEqual(expected.split('\r\n'));
      expect(out).toContain(',Yen,Acme,,new,2026-08-01,,,6,0,0,1500,JPY,,,note,,,,50+,2026-08-04,\r\n');
      expect(out).toContain(',-0.005,KWD,');
      expect(out).toContain(',-1234.56,GBP,');
    } finally {
      ctx.close();
    }
  });
});
