import { describe, expect, it } from 'vitest';
import { formatFigures, runCrashTrials, scenarioNames } from './harness.mjs';

// A few trials in `npm test`; the full run is `node scripts/crash-test.mjs --trials 50`.
describe('crash safety (SIGKILL during writes)', () => {
  it('leaves every database intact and all-or-nothing per transaction', { timeout: 900_000 }, async () => {
    // A new seed each run covers more kill moments; a failure names it so it can be replayed.
    const seed = Date.now() % 100_000;
    const replay = `seed ${seed}; replay: node scripts/crash-test.mjs --seed ${seed} --trials 3`;
    console.log(`crash trials with ${replay}`);
    const results = await runCrashTrials({
      trials: 3,
      seed,
      seedLeads: 8000,
      seedBatch: 1000,
      importRows: 6000,
      migrateLeads: 20000,
    });
    console.log(formatFigures(results));
    expect(results.map((r) => r.scenario)).toEqual([...scenarioNames]);
    expect(scenarioNames).toEqual(expect.arrayContaining(['import-bulk', 'restore', 'app-import-foreign-read']));
    for (const r of results) {
      expect(r.trials).toBe(3);
      expect(r.failures, replay).toEqual([]);
      expect(r.partial, replay).toBe(0);
      expect(r.integrityFailures, replay).toBe(0);
    }
    // The foreign reader really read while the app imported.
    expect(results.find((r) => r.scenario === 'app-import-foreign-read')!.foreignReads).toBeGreaterThan(0);
    // The kills must actually land inside writes, or the test proves nothing.
    expect(results.reduce((n, r) => n + r.killsMidWrite, 0)).toBeGreaterThan(0);
  });
});
