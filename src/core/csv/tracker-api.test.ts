import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempCtx, sourceId } from '../../../test-support/temp-db';
import { registerFile } from './file-registry';
import { dispatch } from '../dispatch';
import { waitForJob } from '../../../test-support/import-jobs';

// The app's path for time trackers and the wizard's time and money (docs/domain.md §3, §6), through
// the API the renderer calls: csv:inspect lists the projects, csv:save-projects maps them once,
// csv:start-import uses the mapping; the wizard maps any file to time entries.

const fx = (dir: string, name: string) => path.join(import.meta.dirname, '..', dir, '__fixtures__', name);
let ctx: ReturnType<typeof openTempCtx>;
beforeEach(() => {
  ctx = openTempCtx(new Date('2026-12-06T12:00:00Z'));
});
afterEach(() => ctx.close());

const fileId = (file: string) =>
  registerFile({ path: file, name: path.basename(file), mode: 'read', temporary: false });
async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await dispatch(ctx, name, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}
type Project = {
  client: string;
  project: string;
  entries: number;
  minutes: number;
  mapping: unknown;
  leads: { id: number; title: string }[];
};

describe('the project mapping screen, through the API', () => {
  it('lists the projects, offers leads by client name, saves the mapping and the import uses it; a second file asks nothing', async () => {
    const id = fileId(fx('csv', 'clockify-day-first.csv'));
    const inspection = await call<{ format: string; projects: Project[] }>('csv:inspect', { fileId: id });
    expect(inspection.format).toBe('clockify');
    expect(inspection.projects.map((p) => [p.client, p.project, p.entries, p.minutes, p.mapping])).toEqual([
      ['Acme', 'App', 2, 120, null],
    ]);
    await call('csv:save-projects', {
      projects: [{ client: 'Acme', project: 'App', sourceId: sourceId(ctx, 'LinkedIn'), leadId: null, kind: 'sales' }],
    });
    const again = await call<{ projects: Project[] }>('csv:inspect', { fileId: id });
    expect(again.projects[0]!.mapping).toEqual({ sourceId: sourceId(ctx, 'LinkedIn'), leadId: null, kind: 'sales' });
    const { jobId } = await call<{ jobId: string }>('csv:start-import', { fileId: id });
    const job = await waitForJob(jobId);
    expect(job.summary).toMatchObject({ applied: true, inserted: 2, invalidCount: 0 });
    expect(
      ctx.db.prepare(`SELECT SUM(minutes) AS m, MIN(kind) AS kind, MIN(source_id) AS s FROM time_entries`).get(),
    ).toEqual({ m: 120, kind: 'sales', s: sourceId(ctx, 'LinkedIn') });
  });

  it('a lead on another channel than the one chosen is refused, naming both', async () => {
    const lead = await call<{ id: number }>('leads:create', {
      title: 'Acme app',
      sourceId: sourceId(ctx, 'Upwork'),
      client: 'Acme',
      stage: 'won',
      createdOn: '2026-03-01',
    });
    const result = await dispatch(ctx, 'csv:save-projects', {
      projects: [
        { client: 'Acme', project: 'App', sourceId: sourceId(ctx, 'LinkedIn'), leadId: lead.id, kind: 'delivery' },
      ],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/the lead is on Upwork, not LinkedIn/);
    const inspection = await call<{ projects: Project[] }>('csv:inspect', {
      fileId: fileId(fx('csv', 'clockify-day-first.csv')),
    });
    expect(inspection.projects[0]!.leads.map((l) => l.title)).toEqual(['Acme app']);
  });
});

describe('messages that fit the host', () => {
  it('the app never says "pass --mapping NAME" for a file of no known layout; a known report of another kind is named', async () => {
    const unknown = await call<{ problem: string }>('csv:inspect', { fileId: fileId(fx('csv', 'timesheet.csv')) });
    expect(unknown.problem).toMatch(/not a format LeadLedger knows/);
    expect(unknown.problem).not.toMatch(/--mapping/);
    const summary = await call<{ problem: string }>('csv:inspect', { fileId: fileId(fx('csv', 'toggl-summary.csv')) });
    expect(summary.problem).toBe(
      'This is a Toggl Track Summary report: export the Detailed report instead (Reports → Detailed → Export → CSV)',
    );
  });
});

describe('the wizard maps any file to time entries, and takes the fee as a cost', () => {
  it('time: DD.MM.YYYY proposed, decimal-comma hours and H:MM durations to minutes, a channel for the whole file', async () => {
    const id = fileId(fx('csv', 'timesheet.csv'));
    const inspection = await call<{
      suggestions: Record<string, { dateFormat: string; columns: Record<string, number> }>;
      fields: Record<string, { name: string }[]>;
    }>('csv:inspect', { fileId: id });
    expect(inspection.suggestions.time!.dateFormat).toBe('DD.MM.YYYY');
    expect(inspection.fields.time!.map((f) => f.name)).toContain('duration');
    const mapping = {
      target: 'time',
      columns: { date: 0, duration: 1, note: 3 },
      dateFormat: 'DD.MM.YYYY',
      decimal: ',',
      source: 'Upwork',
      kind: 'sales',
    };
    const preview = await call<{ rows: { error: string | null }[] }>('csv:preview', { fileId: id, mapping });
    expect(preview.rows.map((r) => r.error)).toEqual([null, null, null]);
    // Saved by name (csv_mappings takes time targets since migration 0017) and used by name.
    await call('csv:save-mapping', { name: 'Timesheet', fileId: id, mapping });
    const { jobId } = await call<{ jobId: string }>('csv:start-import', { fileId: id, mappingName: 'Timesheet' });
    expect((await waitForJob(jobId)).summary).toMatchObject({ applied: true, inserted: 3 });
    expect(ctx.db.prepare(`SELECT date, minutes, kind FROM time_entries ORDER BY date`).all()).toEqual([
      { date: '2026-11-03', minutes: 90, kind: 'sales' },
      { date: '2026-11-04', minutes: 45, kind: 'sales' },
      { date: '2026-11-05', minutes: 15, kind: 'sales' },
    ]);
  });

  it('says when no date format reads every row shown', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadledger-dates-'));
    const file = path.join(dir, 'mixed.csv');
    fs.writeFileSync(file, 'Day,Minutes\n2026-11-03,30\n13/11/2026,20\n');
    try {
      const inspection = await call<{ dateNotes: Record<string, string> }>('csv:inspect', { fileId: fileId(file) });
      expect(inspection.dateNotes.time).toBe(
        'No date format reads every row shown: choose one, and the rows it cannot read are listed',
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('payments: negative fees read as positive (and said), Gross − Net when no fee, rows that do not add up and fees above the gross refused', async () => {
    const id = fileId(fx('csv', 'payments-net.csv'));
    const mapping = {
      target: 'payments',
      columns: { date: 0, gross: 1, fee: 2, net: 3, description: 4 },
      dateFormat: 'YYYY-MM-DD',
      decimal: '.',
      source: 'Fiverr',
      currency: 'USD',
    };
    const preview = await call<{ rows: { line: number; error: string | null; note?: string | null }[] }>(
      'csv:preview',
      { fileId: id, mapping },
    );
    expect(preview.rows.map((r) => [r.line, r.error, r.note ?? null])).toEqual([
      [2, null, 'fee read as a cost (its sign is the opposite of the gross)'],
      [3, null, null],
      [4, null, null],
      [
        5,
        'gross 30.00 − fee 1.00 is not the net 28.00: the row does not add up',
        'fee read as a cost (its sign is the opposite of the gross)',
      ],
      [6, 'fee is larger than gross', 'fee read as a cost (its sign is the opposite of the gross)'],
    ]);
    const { jobId } = await call<{ jobId: string }>('csv:start-import', { fileId: id, mapping, skipInvalid: true });
    expect((await waitForJob(jobId)).summary).toMatchObject({ applied: true, inserted: 3, invalidCount: 2 });
    expect(ctx.db.prepare(`SELECT gross_minor AS g, fee_minor AS f FROM payments ORDER BY date`).all()).toEqual([
      { g: 10000, f: 320 },
      { g: 5000, f: 175 },
      { g: 4000, f: 150 },
    ]);
  });
});
