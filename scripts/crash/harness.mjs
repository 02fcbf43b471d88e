// Crash-safety harness: runs a write in a child process, SIGKILLs it at a random moment, then checks
// PRAGMA integrity_check and that the data is all-or-nothing per transaction. Used by
// scripts/crash-test.mjs (the full run) and scripts/crash/crash.test.ts (a few trials in npm test).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const childScript = path.join(root, 'scripts/crash/child.ts');

/**
 * The project's seeded PRNG (src/shared/random.ts), one copy for the app, this harness and
 * scripts/chaos: imported directly under vitest or tsx, through tsx's loader from plain node.
 */
const random = await import('../../src/shared/random.ts').catch(async () => {
  const { tsImport } = await import('tsx/esm/api');
  return tsImport('../../src/shared/random.ts', import.meta.url);
});
export const rng = random.seededRandom;

/** Starts the child; `onLine` sees each stdout line as it arrives (to time the kill from "ready"). */
function runChild(args, onLine = () => {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', childScript, ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines = [];
    let buffer = '';
    let stderr = '';
    child.stdout.on('data', (data) => {
      buffer += data.toString();
      let index;
      while ((index = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, index);
        buffer = buffer.slice(index + 1);
        lines.push(line);
        onLine(line, child);
      }
    });
    child.stderr.on('data', (data) => (stderr += data.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, lines, stderr }));
  });
}

/** Reads the file with the sqlite3 shell, one plain open after another, until `running()` is false. */
async function foreignReadLoop(file, running) {
  let reads = 0;
  while (running()) {
    await new Promise((resolve) => {
      const reader = spawn('sqlite3', ['-cmd', '.timeout 2000', file, 'select count(*) from leads'], {
        stdio: 'ignore',
      });
      reader.on('error', resolve);
      reader.on('close', resolve);
    });
    reads++;
  }
  return reads;
}

const lastJson = (lines) => JSON.parse(lines.filter((l) => l.startsWith('{')).at(-1) ?? '{}');

/** Workloads: how to prepare a database, run the write, and what "all or nothing" means for it. */
export const scenarios = {
  seed: {
    describe: (o) => `seed ${o.seedLeads} leads in ${o.seedLeads / o.seedBatch} transactions`,
    prepare: async (file) => {
      await runChild(['prepare-seed', file]);
      return {};
    },
    run: (file, o) => ['run-seed', file, String(o.seedLeads), String(o.seedBatch)],
    verify: (file, o, prepared, calibration) => [
      'verify-seed',
      file,
      JSON.stringify({ leads: o.seedLeads, batch: o.seedBatch, expenses: calibration.expenses }),
    ],
    calibrate: (lines) => lastJson(lines),
  },
  import: {
    describe: (o) => `import a ${o.importRows}-row leads.csv (one transaction)`,
    prepare: async (file, o) => {
      await runChild(['prepare-import', file, String(o.importRows)]);
      return {};
    },
    run: (file) => ['run-import', file],
    verify: (file, o) => ['verify-import', file, JSON.stringify({ rows: o.importRows })],
    calibrate: (lines) => {
      const result = lastJson(lines);
      if (!result.applied) throw new Error(`the uninterrupted import was not applied: ${JSON.stringify(result)}`);
      return result;
    },
  },
  'import-bulk': {
    describe: (o) =>
      `import a ${o.importRows}-row leads.csv through the CLI's job as a bulk import (indexes rebuilt once) into the live file`,
    prepare: async (file, o) => {
      await runChild(['prepare-import', file, String(o.importRows)]);
      return {};
    },
    run: (file) => ['run-bulk-import', file],
    verify: (file, o, prepared, calibration, finished) => [
      'verify-import',
      file,
      JSON.stringify({ rows: o.importRows, acknowledged: finished }),
    ],
    calibrate: (lines) => {
      const result = lastJson(lines);
      if (!result.applied || result.swapped)
        throw new Error(`the uninterrupted import was not applied in place: ${JSON.stringify(result)}`);
      return result;
    },
  },
  restore: {
    describe: (o) =>
      `leadledger restore of an empty backup over ${o.importRows} leads: the pre-restore copy and the load in one hold of the lock`,
    prepare: async (file, o) => {
      await runChild(['prepare-import', file, String(o.importRows)]);
      await runChild(['prepare-restore', file]);
      return {};
    },
    run: (file) => ['run-restore', file],
    verify: (file, o, prepared, calibration, finished) => [
      'verify-restore',
      file,
      JSON.stringify({ rows: o.importRows, acknowledged: finished }),
    ],
    calibrate: (lines) => {
      const result = lastJson(lines);
      if (!result.restored || result.replaced)
        throw new Error(`the uninterrupted restore did not load into the file: ${JSON.stringify(result)}`);
      return result;
    },
  },
  'app-import-foreign-read': {
    describe: (o) =>
      `import a ${o.importRows}-row leads.csv in the app (csv:start-import on a second connection, then a lead created) while the sqlite3 shell reads the file`,
    foreignReads: true,
    prepare: async (file, o) => {
      await runChild(['prepare-import', file, String(o.importRows)]);
      return {};
    },
    run: (file) => ['run-app-import', file],
    // Reported done: the import and the lead after it were acknowledged, so both must be there.
    verify: (file, o, prepared, calibration, finished) => [
      'verify-import',
      file,
      JSON.stringify({ rows: o.importRows, after: true, acknowledged: finished }),
    ],
    calibrate: (lines) => {
      const result = lastJson(lines);
      if (!result.applied) throw new Error(`the uninterrupted import was not applied: ${JSON.stringify(result)}`);
      return result;
    },
  },
  'import-expenses': {
    describe: (o) =>
      `import a ${o.importRows}-row expenses.csv (half Connects purchases) through the CLI's job next to 3 saved purchases: in place, the purchase triggers suspended while it writes`,
    prepare: async (file, o) =>
      lastJson((await runChild(['prepare-import-expenses', file, String(o.importRows), 'existing'])).lines),
    run: (file) => ['run-import-expenses', file],
    verify: (file, o, prepared, calibration, finished) => [
      'verify-expenses',
      file,
      JSON.stringify({ rows: o.importRows, existing: prepared.existing, acknowledged: finished }),
    ],
    calibrate: (lines) => {
      const result = lastJson(lines);
      if (!result.applied || result.swapped)
        throw new Error(`the uninterrupted import was not applied in place: ${JSON.stringify(result)}`);
      return result;
    },
  },
  'import-expenses-empty': {
    describe: () => `the same expenses.csv into a database without expenses (a bulk import into an empty table)`,
    prepare: async (file, o) =>
      lastJson((await runChild(['prepare-import-expenses', file, String(o.importRows), 'none'])).lines),
    run: (file) => ['run-import-expenses', file],
    verify: (file, o, prepared, calibration, finished) => [
      'verify-expenses',
      file,
      JSON.stringify({ rows: o.importRows, existing: prepared.existing, acknowledged: finished }),
    ],
    calibrate: (lines) => {
      const result = lastJson(lines);
      if (!result.applied || result.swapped)
        throw new Error(`the uninterrupted import was not applied in place: ${JSON.stringify(result)}`);
      return result;
    },
  },
  migrate: {
    describe: (o) =>
      `migrate a schema-1 database of ${o.migrateLeads} leads to the latest schema (pre-migration backup included)`,
    prepare: async (file, o) => lastJson((await runChild(['prepare-migrate', file, String(o.migrateLeads)])).lines),
    run: (file) => ['run-migrate', file],
    verify: (file, o, prepared) => ['verify-migrate', file, JSON.stringify(prepared)],
    calibrate: () => ({}),
  },
  'migrate-steps': {
    describe: (o) =>
      `only the migration transactions 1 -> latest on ${o.migrateLeads} leads (no backup first), kills timed across their commits`,
    // Each version is migrated (and its foreign_key_check run) in turn; kills spread over all of it.
    killWindow: (calibration) => calibration.lastStepMs * 1.1,
    prepare: async (file, o) => lastJson((await runChild(['prepare-migrate', file, String(o.migrateLeads)])).lines),
    run: (file) => ['run-migrate-steps', file],
    verify: (file, o, prepared) => ['verify-migrate', file, JSON.stringify(prepared)],
    calibrate: (lines) => ({
      lastStepMs: Math.max(...lines.filter((l) => l.startsWith('{"step"')).map((l) => JSON.parse(l).ms)),
    }),
  },
};

/** Every scenario, in the order a run takes them: the one list (harness.d.mts, crash-test.mjs and crash.test.ts read it). */
export const scenarioNames = Object.keys(scenarios);

export const defaultOptions = {
  trials: 50,
  seed: 20260815,
  seedLeads: 24000,
  seedBatch: 2000,
  importRows: 20000,
  migrateLeads: 60000,
  scenarios: scenarioNames,
};

/**
 * Runs `trials` kills per scenario. Returns per-scenario figures; `partial` and `integrityFailures`
 * must be 0. A kill counts as mid-write when the child had not reported the write finished.
 */
export async function runCrashTrials(options = {}, log = () => {}) {
  const o = { ...defaultOptions, ...options };
  const random = rng(o.seed);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'leadledger-crash-'));
  const results = [];
  try {
    for (const name of o.scenarios) {
      const scenario = scenarios[name];
      const template = path.join(work, `${name}-template`, 'leadledger.db');
      fs.mkdirSync(path.dirname(template), { recursive: true });
      const prepared = await scenario.prepare(template, o);
      const copyTemplate = (dir) => {
        fs.rmSync(dir, { recursive: true, force: true });
        fs.mkdirSync(dir, { recursive: true });
        for (const f of fs.readdirSync(path.dirname(template))) {
          const src = path.join(path.dirname(template), f);
          if (fs.statSync(src).isFile()) fs.copyFileSync(src, path.join(dir, f));
        }
        return path.join(dir, 'leadledger.db');
      };

      // Calibration: one uninterrupted run gives the duration of the write and the full post-state.
      const calibrationFile = copyTemplate(path.join(work, `${name}-calibration`));
      let readyAt = 0;
      let calibrating = true;
      let reads = Promise.resolve(0);
      const full = await runChild(scenario.run(calibrationFile, o), (line) => {
        if (line === 'ready') readyAt = performance.now();
        if (line === 'ready' && scenario.foreignReads) reads = foreignReadLoop(calibrationFile, () => calibrating);
      });
      calibrating = false;
      await reads;
      const durationMs = performance.now() - readyAt;
      if (full.code !== 0) throw new Error(`${name}: the uninterrupted run failed: ${full.stderr}`);
      const calibration = scenario.calibrate(full.lines);
      log(`${name}: ${scenario.describe(o)}; an uninterrupted run writes for ${durationMs.toFixed(0)} ms`);

      const figures = {
        scenario: name,
        trials: 0,
        killsMidWrite: 0,
        killsAfterWrite: 0,
        partial: 0,
        integrityFailures: 0,
        foreignReads: 0,
        writeMs: Math.round(durationMs),
        states: {},
        failures: [],
      };
      for (let trial = 0; trial < o.trials; trial++) {
        const file = copyTemplate(path.join(work, `${name}-trial`));
        const inode = fs.statSync(file).ino;
        const delay = random() * (scenario.killWindow ? scenario.killWindow(calibration) : durationMs * 1.15);
        let timer;
        let finished = false;
        let running = true;
        let reads = Promise.resolve(0);
        const run = await runChild(scenario.run(file, o), (line, child) => {
          if (line === 'ready') timer = setTimeout(() => child.kill('SIGKILL'), delay);
          if (line === 'ready' && scenario.foreignReads) reads = foreignReadLoop(file, () => running);
          if (line === 'done') finished = true;
        });
        running = false;
        figures.foreignReads += await reads;
        clearTimeout(timer);
        const killed = run.signal === 'SIGKILL';
        if (!killed && run.code !== 0) throw new Error(`${name}: the write failed on its own: ${run.stderr}`);
        if (killed && !finished) figures.killsMidWrite++;
        else figures.killsAfterWrite++;
        const verdict = lastJson((await runChild(scenario.verify(file, o, prepared, calibration, finished))).lines);
        // The file is the user's: whatever was killed, it is the same file (docs/safety.md).
        if (fs.statSync(file, { throwIfNoEntry: false })?.ino !== inode)
          Object.assign(verdict, {
            partial: true,
            detail: `${verdict.detail ?? ''}; the database file was replaced or removed`,
          });
        figures.trials++;
        figures.states[verdict.state] = (figures.states[verdict.state] ?? 0) + 1;
        if (verdict.partial) figures.partial++;
        if (!verdict.integrity) figures.integrityFailures++;
        if (verdict.partial || !verdict.integrity)
          figures.failures.push(
            `trial ${trial} (kill at ${delay.toFixed(0)} ms, seed ${o.seed}): ${verdict.detail || verdict.state}`,
          );
        log(
          `${name} trial ${trial + 1}/${o.trials}: kill at ${delay.toFixed(0)} ms, ${killed && !finished ? 'mid-write' : 'after the write'}, ${verdict.state}${verdict.partial || !verdict.integrity ? ` FAILED: ${verdict.detail}` : ''}`,
        );
      }
      results.push(figures);
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return results;
}

export function formatFigures(results) {
  const rows = [
    [
      'scenario',
      'trials',
      'kills mid-write',
      'kills after write',
      'partial results',
      'integrity failures',
      'foreign reads',
      'write ms',
      'states after the kill',
    ],
  ];
  for (const r of results) {
    const states = Object.entries(r.states)
      .map(([s, n]) => `${s}: ${n}`)
      .join(', ');
    rows.push(
      [
        r.scenario,
        r.trials,
        r.killsMidWrite,
        r.killsAfterWrite,
        r.partial,
        r.integrityFailures,
        r.foreignReads,
        r.writeMs,
        states,
      ].map(String),
    );
  }
  const sum = (k) => results.reduce((t, r) => t + r[k], 0);
  rows.push(
    [
      'total',
      sum('trials'),
      sum('killsMidWrite'),
      sum('killsAfterWrite'),
      sum('partial'),
      sum('integrityFailures'),
      sum('foreignReads'),
      '',
      '',
    ].map(String),
  );
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  return rows
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join('  '))
    .join('\n');
}
