import { describe, expect, expectTypeOf, it } from 'vitest';
import { openTempCtx, sourceId } from '../../../test-support/temp-db';
import { DeletedLeadRow } from '../../shared/api/schemas/undo';
import { ownHeaders } from '../csv/own-formats';
import {
  leadColumns,
  leadCompared,
  leadCsvHeaders,
  leadInternalColumns,
  type LeadFacts,
  type LeadRecord,
  leadWriteColumns,
} from './lead-columns';
import { getLeadRecord, insertLead, RollupBatch, updateLeadRecord, type LeadWrite } from './leads-repo';

// What the leads descriptor derives (docs/architecture.md, "One definition per row"); its match with the
// schema is checked with the other tables' in db/columns.test.ts.
const lead = (sourceId: number): LeadWrite => ({
  ref: 'L-1',
  source_id: sourceId,
  title: 'Title',
  client: 'Acme',
  url: 'https://example.test/1',
  stage: 'won',
  furthest_rank: 4,
  created_on: '2026-07-01',
  applied_on: '2026-07-02',
  closed_on: '2026-07-09',
  connects: 12,
  boost_connects: 3,
  connects_refunded: 2,
  value_minor: 123456,
  currency: 'EUR',
  fee_percent_bp: 1000,
  lost_reason: 'none',
  tags: 'a;b',
  notes: 'notes',
  follow_up_on: '2026-08-01',
  position: 7.5,
  updated_at: '2026-07-09T10:00:00.000Z',
  import_id: null,
  invited: 1,
  minutes_after_post: 42,
  proposals_when_bid: '10-15',
  viewed_on: '2026-07-03',
  boost_outcome: 'top',
});

describe('the leads descriptor', () => {
  it('writes every column of a lead to its own place, on insert and on update', () => {
    const ctx = openTempCtx();
    try {
      const written = lead(sourceId(ctx, 'Upwork'));
      const id = ctx.db.transaction(() => {
        const batch = new RollupBatch(ctx.db);
        const id = insertLead(ctx.db, written, batch);
        batch.flush();
        return id;
      })();
      expect(getLeadRecord(ctx.db, id)).toEqual({ id, ...written, client_id: null });
      // Every written value distinct from its neighbours', so a shifted argument cannot pass.
      const changed: LeadWrite = {
        ...written,
        title: 'T2',
        client: 'C2',
        notes: 'N2',
        position: 9,
        minutes_after_post: 7,
      };
      ctx.db.transaction(() => {
        const batch = new RollupBatch(ctx.db);
        updateLeadRecord(ctx.db, getLeadRecord(ctx.db, id)!, changed, batch);
        batch.flush();
      })();
      expect(getLeadRecord(ctx.db, id)).toEqual({ id, ...changed, client_id: null });
    } finally {
      ctx.close();
    }
  });

  it('derives the write list, the compare list, the rollup facts and the CSV header', () => {
    expect(leadWriteColumns).toEqual(Object.keys(leadColumns).filter((c) => c !== 'id'));
    expect(leadCompared).toEqual([
      'source_id',
      'title',
      'client',
      'url',
      'stage',
      'created_on',
      'applied_on',
      'closed_on',
      'connects',
      'boost_connects',
      'connects_refunded',
      'value_minor',
      'currency',
      'lost_reason',
      'tags',
      'notes',
      'follow_up_on',
      'invited',
      'minutes_after_post',
      'proposals_when_bid',
      'viewed_on',
      'boost_outcome',
    ]);
    expect(ownHeaders.leads).toBe(leadCsvHeaders);
    expect(leadCsvHeaders.slice(0, 3)).toEqual(['ref', 'source', 'title']);
  });

  it('is what an Undo snapshot of a deleted lead holds, every column and the client (so Undo loses none)', () => {
    expect(Object.keys(DeletedLeadRow.shape).sort()).toEqual(
      [...Object.keys(leadColumns), ...leadInternalColumns].sort(),
    );
  });

  it('types the record, the write and the facts from the columns', () => {
    expectTypeOf<LeadRecord['value_minor']>().toEqualTypeOf<number | null>();
    expectTypeOf<LeadRecord['position']>().toEqualTypeOf<number>();
    expectTypeOf<LeadRecord['title']>().toEqualTypeOf<string>();
    expectTypeOf<keyof LeadWrite>().toEqualTypeOf<Exclude<keyof LeadRecord, 'id'>>();
    expectTypeOf<keyof LeadFacts>().toEqualTypeOf<
      | 'source_id'
      | 'created_on'
      | 'currency'
      | 'stage'
      | 'furthest_rank'
      | 'applied_on'
      | 'closed_on'
      | 'connects'
      | 'boost_connects'
      | 'connects_refunded'
      | 'value_minor'
      | 'boost_outcome'
    >();
  });
});
