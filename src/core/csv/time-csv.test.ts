import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callOk, openTempCtx, sourceId } from '../../../test-support/temp-db';
import { writeExport } from './export';
import { importCsvFile } from './import-engine';
import type { ImportSummary } from './import-summary';
import { rollupDrift } from '../rollups/rebuild';

// time.csv (docs/domain.md §6): `ref,date,source,lead_ref,kind,minutes,note`, through the same import engine and
// export as our other formats. Clock 2026-08-15.
let a: ReturnType<typeof openTempCtx>;
let b: ReturnType<typeof openTempCtx>;
beforeEach(() => {
  a = openTempCtx();
  b = openTempCtx();
});
afterEach(() => {
  a.close();
  b.close();
});

const header = 'ref,date,source,lead_ref,kind,minutes,note\r\n';

async function exported(ctx: typeof a, kind: 'time' | 'leads'): Promise<string> {
  let text = '';
  await writeExport(ctx.db, kind, {}, (t) => void (text += t));
  return text;
}

function fileOf(ctx: typeof a, name: string, text: string): string {
  const file = path.join(path.dirname(ctx.dbPath), name);
  fs.writeFileSync(file, text);
  return file;
}

const load = (ctx: typeof a, file: string, options: { skipInvalid?: boolean } = {}): Promise<ImportSummary> =>
  importCsvFile(ctx.db, file, options, { now: ctx.now });

const count = (ctx: typeof a) => (ctx.db.prepare(`SELECT COUNT(*) AS n FROM time_entries`).get() as { n: number }).n;

describe('time.csv', () => {
  it('round-trips byte for byte (formula cells, quotes, line breaks, channel-level rows) and a second import adds nothing', async () => {
    const upwork = sourceId(a, 'Upwork');
    const behance = sourceId(a, 'Behance');
    const lead = await callOk<{ id: number }>(a, 'leads:create', {
      sourceId: upwork,
      title: '=HYPERLINK("x")',
      createdOn: '2026-08-01',
    });
    await callOk(a, 'time:create', {
      date: '2026-08-01',
      leadId: lead.id,
      kind: 'sales',
      minutes: 90,
      note: '=SUM(A1:A9)',
    });
    await callOk(a, 'time:create', {
      date: '2026-08-02',
      leadId: lead.id,
      kind: 'delivery',
      minutes: 1440,
      note: 'Call, then "notes"\nline two',
    });
    await callOk(a, 'time:create', {
      date: '2026-08-03',
      sourceId: behance,
      kind: 'sales',
      minutes: 45,
      note: "'+already escaped",
    });
    await callOk(a, 'time:create', { date: '2026-08-04', sourceId: behance, kind: 'sales', minutes: 1, note: '' });
    const time = await exported(a, 'time');
    const lines = time.split('\r\n');
    expect(lines[0]).toBe('ref,date,source,lead_ref,kind,minutes,note');
    expect(lines[1]).toMatch(/^time-[0-9a-f-]+,2026-08-01,Upwork,[^,]+,sales,90,'=SUM\(A1:A9\)$/);
    expect(lines.find((l) => l.includes(',45,'))).toMatch(/,2026-08-03,Behance,,sales,45,''\+already escaped$/);

    // Into another database that holds the same leads: the same file comes back out.
    const leadsFile = fileOf(b, 'leads.csv', await exported(a, 'leads'));
    expect((await load(b, leadsFile)).applied).toBe(true);
    const timeFile = fileOf(b, 'time.csv', time);
    const first = await load(b, timeFile);
    expect([
      first.applied,
      first.format,
      first.inserted,
      first.counts.time,
      first.kinds.time,
      first.invalidCount,
    ]).toEqual([true, 'time', 4, 4, 4, 0]);
    expect(await exported(b, 'time')).toBe(time);
    const again = await load(b, timeFile);
    expect([again.inserted, again.updated, again.unchanged]).toEqual([0, 0, 4]);
    expect(count(b)).toBe(4);
    // The notes are back unescaped; the lead's row found its lead.
    const notes = b.db.prepare(`SELECT note, lead_id IS NOT NULL AS onLead FROM time_entries ORDER BY date`).all();
    expect(notes).toEqual([
      { note: '=SUM(A1:A9)', onLead: 1 },
      { note: 'Call, then "notes"\nline two', onLead: 1 },
      { note: "'+already escaped", onLead: 0 },
      { note: '', onLead: 0 },
    ]);
  });

  it('takes the lead’s channel when source is empty, updates a changed row by ref, and counts in the report', async () => {
    const upwork = sourceId(a, 'Upwork');
    await callOk(a, 'leads:create', { sourceId: upwork, ref: 'L-1', title: 'Job', createdOn: '2026-08-01' });
    const file = fileOf(
      a,
      'time.csv',
      `${header}t1,2026-08-02,,L-1,Sales,30,\r\nt2,2026-08-03,podcast,,delivery,60,Episode 12\r\n`,
    );
    const s = await load(a, file);
    expect([s.applied, s.inserted]).toEqual([true, 2]);
    expect(
      a.db
        .prepare(
          `SELECT t.ref, s.name AS source, t.kind FROM time_entries t JOIN sources s ON s.id = t.source_id ORDER BY t.ref`,
        )
        .all(),
    ).toEqual([
      { ref: 't1', source: 'Upwork', kind: 'sales' },
      { ref: 't2', source: 'Podcast', kind: 'delivery' },
    ]);
    const changed = fileOf(a, 'time2.csv', `${header}t1,2026-08-02,Upwork,L-1,sales,35,fixed\r\n`);
    const u = await load(a, changed);
    expect([u.inserted, u.updated, u.unchanged]).toEqual([0, 1, 0]);
    expect(rollupDrift(a.db)).toEqual([]);
    const report = await callOk<{ channels: { source: string; salesHours: number; deliveryHours: number }[] }>(
      a,
      'reports:channels',
      { from: '2026-08-01', to: '2026-08-31' },
    );
    expect(report.channels.map((c) => [c.source, c.salesHours, c.deliveryHours])).toEqual([
      ['Upwork', 35 / 60, 0],
      ['Podcast', 0, 1],
    ]);
  });

  it('refuses bad lines with their line and field, and imports nothing of the file', async () => {
    const upwork = sourceId(a, 'Upwork');
    await callOk(a, 'leads:create', { sourceId: upwork, ref: 'L-1', title: 'Job', createdOn: '2026-08-01' });
    const rows = [
      'ok,2026-08-01,Upwork,,sales,30,fine', // line 2: valid, must not be imported either
      'z,2026-08-01,Upwork,,sales,0,', // 3
      'f,2026-08-01,Upwork,,sales,1.5,', // 4
      'n,2026-08-01,Upwork,,sales,-10,', // 5
      'd,2026-08-16,Upwork,,sales,30,', // 6: tomorrow
      'x,2026-08-01,LinkedIn,L-1,sales,30,', // 7: the lead is on Upwork
      'u,2026-08-01,,L-404,sales,30,', // 8
      's,2026-08-01,Nowhere,,sales,30,', // 9
      'k,2026-08-01,Upwork,,lunch,30,', // 10
      'e,2026-08-01,,,sales,30,', // 11
      'b,2026-02-30,Upwork,,sales,30,', // 12
    ];
    const file = fileOf(a, 'bad.csv', `${header}${rows.join('\r\n')}\r\n`);
    const s = await load(a, file);
    expect(s.applied).toBe(false);
    expect(count(a)).toBe(0);
    expect(s.invalid).toEqual([
      { line: 3, message: 'minutes "0" must be a whole number of minutes, more than 0' },
      { line: 4, message: 'minutes "1.5" must be a whole number of minutes, more than 0' },
      { line: 5, message: 'minutes "-10" must be a whole number of minutes, more than 0' },
      { line: 6, message: 'date 2026-08-16 is in the future: time can be logged for today (2026-08-15) or earlier' },
      { line: 7, message: 'lead_ref "L-1" is a lead of Upwork, not of LinkedIn' },
      { line: 8, message: 'lead_ref "L-404": no lead has this ref (import the leads first)' },
      { line: 9, message: 'source "Nowhere": no channel has this name (add it on the Channels page first)' },
      { line: 10, message: 'kind "lunch" is not one of sales, delivery' },
      { line: 11, message: 'source is empty and so is lead_ref: name the channel, the lead, or both' },
      { line: 12, message: expect.stringMatching(/^date "2026-02-30" is not a date/) },
    ]);
    // With --skip-invalid only the good line goes in.
    const skipped = await load(a, file, { skipInvalid: true });
    expect([skipped.applied, skipped.inserted, skipped.skipped]).toEqual([true, 1, 10]);
    expect(count(a)).toBe(1);
  });
});
