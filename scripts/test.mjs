// `npm test`: lint (import boundaries), format (Prettier), unused code (knip), typecheck, unit + integration tests, build, then e2e.
import { spawnSync } from 'node:child_process';

const steps = [
  ['lint', 'npx', ['eslint', '.']],
  ['format (prettier)', 'npx', ['prettier', '--check', '--log-level', 'warn', '.']],
  // unused files, exports, types and dependencies (knip.json says what is an entry point)
  ['unused code (knip)', 'npx', ['knip', '--no-progress']],
  ['typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['unit and integration tests', 'npx', ['vitest', 'run']],
  ['build', 'npm', ['run', 'build', '--silent']],
  ['end-to-end tests (Chromium)', 'npx', ['playwright', 'test']],
];

const only = process.argv.slice(2);
for (const [title, command, args] of steps) {
  if (only.length && !only.some((o) => title.startsWith(o))) continue;
  console.log(`\n=== ${title} ===`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  console.log(
    `=== ${title}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`,
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}
