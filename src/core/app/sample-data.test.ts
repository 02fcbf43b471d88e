import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCtx } from '../context';
import { openDatabase } from '../db/open';
import { tempDbPath } from '../../../test-support/temp-db';
import { loadSampleData } from './sample-data';

const now = new Date('2026-08-15T12:00:00Z');
const dirs: string[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Every table's rows, sorted, hashed: read back from the SQLite file once the writer has closed it. */
function tableDigests(file: string): Record<string, string> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
      .pluck()
      .all() as string[];
    const out: Record<string, string> = {};
    for (const table of tables) {
      const rows = db.prepare(`SELECT * FROM "${table}"`).all();
      if (rows.length === 0) continue;
      const lines = rows.map((r) => JSON.stringify(r)).sort();
      const hash = crypto.createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
      out[table] = `${rows.length} ${hash}`;
    }
    return out;
  } finally {
    db.close();
  }
}

function sampleDigests(options: Parameters<typeof loadSampleData>[1]) {
  // The run tag in every ref, and the rows the first open writes, read the wall clock: pin it to the ctx clock.
  vi.useFakeTimers({ toFake: ['Date'], now });
  const file = tempDbPath();
  dirs.push(path.dirname(file));
  const db = openDatabase(file);
  const ctx = createCtx(db, file, () => now);
  const counts = loadSampleData(ctx, options);
  ctx.store.close();
  return { counts, tables: tableDigests(file) };
}

describe('sample data', () => {
  // The generator's output, pinned: a refactor of loadSampleData must write the same rows, byte for byte.
  // A migration that changes a table's columns changes its digest: check the counts, then update it.
  it('writes the same rows for the same seed and clock', () => {
    const { counts, tables } = sampleDigests({
      leads: 300,
      seed: 7,
      extraPayments: 40,
      extraExpenses: 40,
      batchSize: 64,
    });
    expect(counts).toEqual({ leads: 300, payments: 56, expenses: 68 });
    expect(tables).toEqual({
      change_counters: '2 40d57f8527d363bf',
      client_names: '15 fdd6dbb3fa2f49e3',
      clients: '15 2effe7cc843550d8',
      commission_rules: '4 f1ad4cacfe2e19ca',
      credit_prices: '1 518f0c54ad710b6b',
      expense_rollup: '68 b338a6b302e545bd',
      expense_rollup_month: '68 38987828c54d577e',
      expenses: '68 d561aa18ac044be2',
      lead_rollup: '275 9ac83fda2423d593',
      lead_rollup_month: '110 f4ff64f0387e70c0',
      lead_stage_rollup: '211 cec02389581eb3db',
      leads: '300 bdd73792e05a6d69',
      payment_rollup: '56 804586db61cb7d10',
      payment_rollup_month: '49 777398b8d4779628',
      payments: '56 d83d7865a7ec5d42',
      purchase_day_changes: '30 89676b6b01c279dc',
      settings: '2 412bf6c35ebf074a',
      sources: '12 cb25e32c95344a07',
      stage_changes: '849 9a2234f6c4c5cb64',
      subscriptions: '2 26f893855fab7752',
      time_entries: '129 8cea9ecad9609160',
      time_rollup: '111 f78dff5f5c3948a8',
      time_rollup_month: '19 13ca7d4266471bca',
      win_rollup: '13 409ce360fb1fba80',
      win_rollup_month: '13 bae1f72267010363',
    });
  });
});
