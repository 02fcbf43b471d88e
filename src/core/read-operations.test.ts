import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, operationNames, type OperationName } from '../shared/api/contract';
import { dispatch } from './dispatch';
import { createTempFile, registerPath } from './host-files';
import { callOk } from '../../test-support/calls';
import { waitForJob } from '../../test-support/import-jobs';
import { openTempCtx, sourceId } from '../../test-support/temp-db';

// The contract's `op.read` is a promise the hosts rely on (docs/architecture.md, "Reads and writes"):
// the renderer announces no change after a read, the CLI opens a missing database only for a write.
// Every read runs here through dispatch on a real database with data in every table it reads, and
// must leave it exactly as it was: this connection's total_changes() and, seen from a second
// connection, data_version (which moves with a commit by any other connection).

let ctx: ReturnType<typeof openTempCtx>;
let observer: Database.Database;
const ids = { lead: 0, client: 0, source: 0, jobId: '', readFile: '', writeFile: '' };
const fixture = path.resolve('src/core/csv/__fixtures__/leads-lf.csv');

beforeAll(async () => {
  ctx = openTempCtx();
  await callOk(ctx, 'sample:load', { leads: 30, payments: 5, expenses: 5, seed: 7 });
  ids.source = sourceId(ctx, 'Upwork');
  ids.lead = (ctx.db.prepare('SELECT id FROM leads ORDER BY id LIMIT 1').get() as { id: number }).id;
  const client = await callOk<{ id: number }>(ctx, 'clients:create', { name: 'Read-only check client' });
  ids.client = client.id;
  await callOk(ctx, 'clients:link-lead', { leadId: ids.lead, clientId: ids.client });
  await callOk(ctx, 'time:create', { leadId: ids.lead, minutes: 30, date: '2026-08-01', kind: 'sales' });
  await callOk(ctx, 'connects:set-opening', { sourceId: ids.source, count: 100, on: '2026-01-01' });
  const imported = registerPath(fixture, 'read').fileId;
  const { jobId } = await callOk<{ jobId: string }>(ctx, 'csv:start-import', { fileId: imported });
  expect((await waitForJob(jobId)).state).toBe('done');
  ids.jobId = jobId;
  ids.readFile = registerPath(fixture, 'read').fileId;
  ids.writeFile = createTempFile('leads.csv', 'write').fileId;
  observer = new Database(ctx.dbPath, { readonly: true });
});

afterAll(() => {
  observer?.close();
  ctx?.close();
});

const range = { from: '2026-01-01', to: '2026-12-31' };

/** An input each read accepts; a new read must be added here (the first test says so). */
const inputs: Partial<Record<OperationName, () => unknown>> = {
  'activity:timeline': () => ({ leadId: ids.lead }),
  'agenda:list': () => ({}),
  'app:first-day': () => ({}),
  'app:info': () => ({}),
  'backups:list': () => ({}),
  'clients:get': () => ({ id: ids.client }),
  'clients:list': () => ({}),
  'clients:of-lead': () => ({ leadId: ids.lead }),
  'closeout:fee': () => ({ id: ids.lead, gross: '100', date: '2026-08-01' }),
  'connects:ledger': () => ({}),
  'costs:list': () => ({}),
  'csv:export-file': () => ({ fileId: ids.writeFile, kind: 'leads' }),
  'csv:inspect': () => ({ fileId: ids.readFile }),
  'csv:job': () => ({ jobId: ids.jobId }),
  'csv:mappings': () => ({}),
  'csv:preview': () => ({
    fileId: ids.readFile,
    mapping: { target: 'leads', columns: { title: 0 }, dateFormat: 'YYYY-MM-DD', decimal: '.' },
  }),
  'csv:type-decisions': () => ({}),
  'expenses:list': () => ({}),
  'imports:list': () => ({}),
  'leads:board': () => ({}),
  'leads:follow-ups': () => ({ today: '2026-08-15' }),
  'leads:get': () => ({ id: ids.lead }),
  'leads:list': () => ({}),
  'leads:tags': () => ({}),
  'money:lead': () => ({ leadId: ids.lead }),
  'payments:list': () => ({}),
  'payments:suggest-links': () => ({}),
  'payments:to-assign': () => ({}),
  'payments:to-assign-count': () => ({}),
  'preferences:get': () => ({}),
  'rates:list': () => ({}),
  'reasons:report': () => range,
  'reports:boost': () => ({ ...range, sourceId: ids.source }),
  'reports:channels': () => range,
  'reports:detail': () => ({ ...range, basis: 'usage' }),
  'sources:list': () => ({ includeArchived: true }),
  'subscriptions:list': () => ({}),
  'time:list': () => ({}),
  'timer:get': () => ({}),
  'visibility:funnel': () => ({ sourceId: ids.source }),
  'visibility:plan': () => ({ sourceId: ids.source, proposals: 40 }),
  'visibility:proposals': () => ({ sourceId: ids.source }),
};

const reads = operationNames.filter((name) => contract[name].kind === 'read');

const stamp = () => ({
  changes: (ctx.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n,
  dataVersion: observer.pragma('data_version', { simple: true }) as number,
});

describe('operations marked read change nothing', () => {
  it('every read has a sample input here, and nothing else does', () => {
    expect(Object.keys(inputs).sort()).toEqual([...reads].sort());
  });

  for (const name of reads) {
    it(`${name} succeeds and leaves the database as it was`, async () => {
      // Reads that remember what they read (the credits ledger, counts) may fill their caches first.
      const before = stamp();
      const result = await dispatch(ctx, name, inputs[name]!());
      expect(result.ok ? 'ok' : JSON.stringify(result.error)).toBe('ok');
      expect(stamp()).toEqual(before);
    });
  }

  it('the check can fail: a write moves the stamp it compares', async () => {
    const before = stamp();
    await callOk(ctx, 'leads:update', { id: ids.lead, notes: 'changed' });
    expect(stamp().changes).toBeGreaterThan(before.changes);
    const other = new Database(ctx.dbPath);
    other.prepare(`UPDATE leads SET notes = 'changed again' WHERE id = ?`).run(ids.lead);
    other.close();
    expect(stamp().dataVersion).not.toBe(before.dataVersion);
  });
});
