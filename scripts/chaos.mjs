#!/usr/bin/env node
// Chaos run: node scripts/chaos.mjs [--sequences N] [--seed S] [--first I] [--leads L] [--quiet]
// Random, seeded sequences of app API writes, app and CLI imports, backups, restores (also under writes),
// foreign sqlite3 reads and writes (a shell opened before an import, an exclusive lock at start), SIGKILLs
// and restarts, one in three through a symlinked path; after each, integrity_check must be ok and every
// acknowledged write present.
import { parseArgs } from 'node:util';
import { chaosDefaults, formatChaos, runChaos } from './chaos/harness.mjs';

const { values } = parseArgs({
  options: {
    sequences: { type: 'string' },
    seed: { type: 'string' },
    first: { type: 'string' },
    leads: { type: 'string' },
    quiet: { type: 'boolean' },
  },
  strict: true,
});
const number = (name, fallback) => {
  const n = values[name] === undefined ? fallback : Number(values[name]);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} needs a whole number >= 0`);
  return n;
};
const options = {
  sequences: number('sequences', chaosDefaults.sequences),
  seed: number('seed', chaosDefaults.seed),
  first: number('first', chaosDefaults.first),
  leads: number('leads', chaosDefaults.leads),
};
console.log(
  `Chaos: ${options.sequences} sequences from #${options.first}, seed ${options.seed}, ${options.leads} seeded leads`,
);
const started = Date.now();
const totals = await runChaos(options, values.quiet ? () => {} : (line) => console.log(`  ${line}`));
console.log('');
for (const f of totals.failed)
  console.log(`FAILED sequence ${f.index}: ${f.steps.join(' ')}\n  ${f.problems.join('\n  ')}\n  replay: ${f.replay}`);
const refusals = Object.entries(totals.refusals).sort((a, b) => b[1] - a[1]);
if (refusals.length)
  console.log(
    `Writes refused (not acknowledged, so not expected):\n${refusals.map(([k, n]) => `  ${n} x ${k}`).join('\n')}`,
  );
console.log(`\n${formatChaos(totals, options.seed)}`);
const ok = totals.lost === 0 && totals.damaged === 0 && totals.silentCliFailures === 0 && totals.errors === 0;
console.log(`${ok ? 'PASS' : 'FAIL'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(ok ? 0 : 1);
