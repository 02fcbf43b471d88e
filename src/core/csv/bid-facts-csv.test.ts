import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callOk, openTempCtx } from '../../../test-support/temp-db';
import { writeExport } from './export';
import { importCsvFile } from './import-engine';
import { ownHeaders } from './own-formats';

// docs/domain.md §8 and §2: leads.csv appends the five bid facts; a file from before them imports as
// it always did, and re-importing it never clears what the user recorded since.

let ctx: ReturnType<typeof openTempCtx>;
beforeEach(() => {
  ctx = openTempCtx();
});
afterEach(() => ctx.close());

function file(text: string): string {
  const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'll-bid-')), 'leads.csv');
  fs.writeFileSync(f, text);
  return f;
}

const oldHeader =
  'ref,source,title,client,url,stage,created_on,applied_on,closed_on,connects,boost_connects,connects_refunded,value,currency,lost_reason,tags,notes,follow_up_on';
type Row = {
  ref: string;
  invited: number;
  minutes_after_post: number | null;
  proposals_when_bid: string | null;
  viewed_on: string | null;
  boost_outcome: string | null;
};
const facts = () =>
  ctx.db
    .prepare(
      `SELECT ref, invited, minutes_after_post, proposals_when_bid, viewed_on, boost_outcome FROM leads ORDER BY ref`,
    )
    .all() as Row[];
const spent = () => (ctx.db.prepare(`SELECT SUM(connects_spent) AS n FROM lead_rollup`).get() as { n: number }).n;

describe('the bid facts in leads.csv', () => {
  it('are the five last columns, in the order of docs/domain.md §2', () => {
    expect(ownHeaders.leads.slice(-5)).toEqual([
      'invited',
      'minutes_after_post',
      'proposals_when_bid',
      'viewed_on',
      'boost_outcome',
    ]);
    expect(ownHeaders.leads.join(',')).toBe(
      `${oldHeader},invited,minutes_after_post,proposals_when_bid,viewed_on,boost_outcome`,
    );
  });

  it('a file from before them imports as before; re-importing it keeps what was recorded since', async () => {
    const old = file(`${oldHeader}\nB1,Upwork,Quiet job,,,applied,2026-08-01,2026-08-01,,6,10,0,,USD,,,,\n`);
    expect((await importCsvFile(ctx.db, old, {}, { now: ctx.now })).invalid).toEqual([]);
    expect(facts()).toEqual([
      {
        ref: 'B1',
        invited: 0,
        minutes_after_post: null,
        proposals_when_bid: null,
        viewed_on: null,
        boost_outcome: null,
      },
    ]);
    expect(spent()).toBe(16);
    const id = (ctx.db.prepare(`SELECT id FROM leads WHERE ref = 'B1'`).get() as { id: number }).id;
    await callOk(ctx, 'leads:update', {
      id,
      invited: true,
      minutesAfterPost: 25,
      proposalsWhenBid: '<5',
      viewedOn: '2026-08-02',
      boostOutcome: 'outbid',
    });
    expect(spent()).toBe(6);
    const again = await importCsvFile(ctx.db, old, {}, { now: ctx.now });
    expect(again.invalid).toEqual([]);
    expect(facts()).toEqual([
      {
        ref: 'B1',
        invited: 1,
        minutes_after_post: 25,
        proposals_when_bid: '<5',
        viewed_on: '2026-08-02',
        boost_outcome: 'outbid',
      },
    ]);
    expect(spent()).toBe(6);
  });

  it('export → import → export is the same file, facts included; bad cells are refused by line and column', async () => {
    const text = [
      ownHeaders.leads.join(','),
      'C1,Upwork,Fast,,,applied,2026-08-01,2026-08-01,,8,12,0,,USD,,,,,yes,25,<5,2026-08-02,top',
      'C2,Upwork,Slow,,,applied,2026-08-01,2026-08-01,,6,10,0,,USD,,,,,,1500,50+,,outbid',
      'C3,Upwork,Unknown,,,applied,2026-08-01,2026-08-01,,6,0,0,,USD,,,,,,,,,',
    ].join('\r\n');
    expect((await importCsvFile(ctx.db, file(`${text}\r\n`), {}, { now: ctx.now })).invalid).toEqual([]);
    expect(spent()).toBe(8 + 12 + 6 + 6);
    let out = '';
    await writeExport(ctx.db, 'leads', {}, (t) => void (out += t));
    expect(out).toBe(`${text}\r\n`);
    const other = openTempCtx();
    try {
      expect((await importCsvFile(other.db, file(out), {}, { now: other.now })).invalid).toEqual([]);
      let back = '';
      await writeExport(other.db, 'leads', {}, (t) => void (back += t));
      expect(back).toBe(out);
    } finally {
      other.close();
    }
    const bad = [
      ownHeaders.leads.join(','),
      'D1,Upwork,a,,,applied,2026-08-01,2026-08-01,,1,0,0,,USD,,,,,maybe,,,,',
      'D2,Upwork,b,,,applied,2026-08-01,2026-08-01,,1,0,0,,USD,,,,,,-5,,,',
      'D3,Upwork,c,,,applied,2026-08-01,2026-08-01,,1,0,0,,USD,,,,,,,many,,',
      'D4,Upwork,d,,,applied,2026-08-01,2026-08-01,,1,0,0,,USD,,,,,,,,2026-13-01,',
      'D5,Upwork,e,,,applied,2026-08-01,2026-08-01,,1,2,0,,USD,,,,,,,,,won',
      'D6,Upwork,f,,,applied,2026-08-01,2026-08-01,,1,2,3,,USD,,,,,,,,,outbid',
    ].join('\n');
    const s = await importCsvFile(ctx.db, file(bad), {}, { now: ctx.now });
    expect(s.applied).toBe(false);
    expect(s.invalid.map((i) => i.line)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(s.invalid[0]!.message).toBe('invited "maybe" must be yes or empty');
    expect(s.invalid[1]!.message).toMatch(/^minutes_after_post "-5" must be a whole number/);
    expect(s.invalid[2]!.message).toMatch(/^proposals_when_bid "many" is not one of <5, 5-10/);
    expect(s.invalid[4]!.message).toMatch(/^boost_outcome "won" is not one of top, outbid/);
    // An outbid boost was never charged, so it cannot be refunded.
    expect(s.invalid[5]!.message).toBe('connects_refunded: Cannot refund more connects than were spent');
    expect(facts().map((r) => r.ref)).toEqual(['C1', 'C2', 'C3']);
  });
});
