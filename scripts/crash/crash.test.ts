import { describe, expect, it } from 'vitest';
import { formatFigures, runCrashTrials } from './harness.mjs';

// A few trials in `npm test`; the full run is `node scripts/crash-test.mjs --trials 50`.
describe('crash safety (SIGKILL during writes)', () => {
  it('leaves every database intact and all-or-nothing per transaction', { timeout: 480_000 }, async () => {
    const results = await runCrashTrials({ trials: 3, seed: Date.now() % 100_000, seedLeads: 8000, seedBatch: 1000, importRows: 6000, migrateLeads: 20000 });
    console.log(formatFigures(results));
    expect(results.map((r) => r.scenario)).toEqual(['seed', 'import', 'migrate', 'migrate-steps']);
    for (const r of results) {
      expect(r.trials).toBe(3);
      expect(r.failures).toEqual([]);
      expect(r.partial).toBe(0);
      expect(r.integrityFailures).toBe(0);
    }
    // The kills must actually land inside writes, or the test proves nothing.
    expect(results.reduce((n, r) => n + r.killsMidWrite, 0)).toBeGreaterThan(0);
  });
});
