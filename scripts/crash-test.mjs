#!/usr/bin/env node
// Crash-safety run: node scripts/crash-test.mjs [--trials 50] [--seed N] [--scenario NAME ...] (names: scenarioNames in scripts/crash/harness.mjs)
// Kills a writing LeadLedger process with SIGKILL at random moments and checks every database after.
import { parseArgs } from 'node:util';
import { defaultOptions, formatFigures, runCrashTrials } from './crash/harness.mjs';

const { values } = parseArgs({
  options: {
    trials: { type: 'string' },
    seed: { type: 'string' },
    scenario: { type: 'string', multiple: true },
    quiet: { type: 'boolean' },
  },
  strict: true,
});
const options = {
  trials: values.trials ? Number(values.trials) : defaultOptions.trials,
  seed: values.seed ? Number(values.seed) : defaultOptions.seed,
  scenarios: values.scenario ?? defaultOptions.scenarios,
};
if (!Number.isInteger(options.trials) || options.trials < 1) throw new Error('--trials needs a whole number >= 1');
console.log(
  `Crash test: ${options.trials} SIGKILL trials per scenario (${options.scenarios.join(', ')}), seed ${options.seed}`,
);
const started = Date.now();
const results = await runCrashTrials(options, values.quiet ? () => {} : (line) => console.log(`  ${line}`));
console.log(`\n${formatFigures(results)}\n`);
for (const r of results) for (const f of r.failures) console.log(`FAILED ${r.scenario} ${f}`);
const bad = results.reduce((n, r) => n + r.partial + r.integrityFailures, 0);
console.log(
  `${bad === 0 ? 'PASS' : 'FAIL'}: ${bad} partial or damaged databases after ${results.reduce((n, r) => n + r.trials, 0)} kills, in ${((Date.now() - started) / 1000).toFixed(0)} s (seed ${options.seed})`,
);
if (bad)
  console.log(
    `replay: node scripts/crash-test.mjs --seed ${options.seed} --trials ${options.trials} ${results
      .filter((r) => r.failures.length)
      .map((r) => `--scenario ${r.scenario}`)
      .join(' ')}`,
  );
process.exit(bad === 0 ? 0 : 1);
