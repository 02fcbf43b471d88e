import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { leadsCsv } from '../../../test-support/app-process';

// An import that fills the disk is rolled back, but the pages it had spilled stay in the WAL file:
// on a full disk, that is the space the user needs back. The rollback truncates the WAL.
// The import's own big page cache would keep everything in memory at this size; with it off
// (read when the engine module loads, hence the imports below) and a small cache, pages spill to
// the WAL as on a big import.
process.env.LEADLEDGER_IMPORT_CACHE_KIB = '0';

describe('disk full during an import', () => {
  it('leaves no oversized WAL behind', { timeout: 60_000 }, async () => {
    const { importCsvFile } = await import('../csv/import-engine');
    const { toApiError } = await import('../errors');
    const { openTempCtx } = await import('../../../test-support/temp-db');
    const ctx = openTempCtx();
    try {
      const file = path.join(path.dirname(ctx.dbPath), 'leads.csv');
      fs.writeFileSync(file, leadsCsv(Array.from({ length: 40_000 }, (_, i) => `full-${i}-${'n'.repeat(60)}`)));
      ctx.db.exec('VACUUM');
      ctx.db.pragma('wal_checkpoint(TRUNCATE)');
      const pages = ctx.db.pragma('page_count', { simple: true }) as number;
      ctx.db.pragma(`max_page_count = ${pages + 1500}`); // about 6 MB of room
      ctx.db.pragma('cache_size = 64'); // pages spill to the WAL long before the disk is full

      let thrown: unknown;
      try {
        await importCsvFile(ctx.db, file, { as: 'leads' }, { now: ctx.now });
      } catch (error) {
        thrown = error;
      }
      expect(toApiError(thrown).message).toMatch(/disk is full/);
      expect(ctx.db.inTransaction).toBe(false);
      expect(fs.statSync(`${ctx.dbPath}-wal`).size).toBeLessThan(64 * 1024);
      expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((ctx.db.prepare(`SELECT COUNT(*) AS n FROM leads WHERE ref LIKE 'full-%'`).get() as { n: number }).n).toBe(
        0,
      );
    } finally {
      ctx.close();
    }
  });
});
