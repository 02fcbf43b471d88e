// Chaos harness: N seeded, replayable sequences (scripts/chaos/sequence.mjs), each on a fresh copy of
// one seeded database; totals of kills, acknowledged writes checked, lost and damaged.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { rng } from '../crash/harness.mjs';
import { bundleCli, cli, hasSqliteShell, stubRenderer } from './processes.mjs';
import { runSequence } from './sequence.mjs';

export const chaosDefaults = { sequences: 20, seed: 20261201, first: 0, leads: 3000 };

/** Sequence i of seed S always draws the same steps and delays (the processes' timing still varies). */
const sequenceSeed = (seed, index) =>
  (Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) + Math.imul(index + 1, 0x85ebca6b)) >>> 0;

function copyDb(from, to) {
  fs.mkdirSync(to, { recursive: true });
  for (const f of fs.readdirSync(from))
    if (fs.statSync(path.join(from, f)).isFile()) fs.copyFileSync(path.join(from, f), path.join(to, f));
}

export async function runChaos(options = {}, log = () => {}) {
  const o = { ...chaosDefaults, ...options };
  if (!hasSqliteShell()) throw new Error('the sqlite3 shell is needed as the foreign client (apt-get install sqlite3)');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'leadledger-chaos-'));
  const totals = {
    sequences: 0,
    linked: 0,
    kills: 0,
    serverKills: 0,
    cliKills: 0,
    checked: 0,
    seededChecked: 0,
    lost: 0,
    damaged: 0,
    silentCliFailures: 0,
    errors: 0,
    failed: [],
    refusals: {},
  };
  try {
    const bundle = await bundleCli();
    const rendererDir = stubRenderer(path.join(work, 'renderer'));
    // One seeded database (as `leadledger seed --leads 3000` in the report), copied before any process opens it.
    const templateDir = path.join(work, 'template');
    fs.mkdirSync(templateDir);
    const template = path.join(templateDir, 'leadledger.db');
    const seeded = await cli(bundle, template, ['seed', '--leads', String(o.leads), '--seed', '7']);
    if (seeded.code !== 0) throw new Error(`seeding failed: ${seeded.stderr}`);
    fs.rmSync(path.join(templateDir, 'backups'), { recursive: true, force: true });
    const db = new Database(template, { readonly: true });
    const templateRefs = new Set(db.prepare('SELECT ref FROM leads').pluck().all());
    db.close();
    // How long a small CLI import takes here: CLI kills are drawn over 0..1.2x of it.
    const calibrationDir = path.join(work, 'calibration');
    copyDb(templateDir, calibrationDir);
    fs.writeFileSync(
      path.join(calibrationDir, 'x.csv'),
      'ref,source,title,client,url,stage,created_on,applied_on,closed_on,connects,boost_connects,connects_refunded,value,currency,lost_reason,tags,notes,follow_up_on\ncal-1,Upwork,Cal,,,new,2026-11-02,,,0,0,0,,USD,,,,\n',
    );
    const calStarted = performance.now();
    await cli(bundle, path.join(calibrationDir, 'leadledger.db'), ['import', path.join(calibrationDir, 'x.csv')]);
    const cliImportMs = performance.now() - calStarted;
    log(`seeded ${templateRefs.size} leads; a small CLI import takes ${cliImportMs.toFixed(0)} ms here`);

    for (let index = o.first; index < o.first + o.sequences; index++) {
      const dir = path.join(work, `seq-${index}`);
      copyDb(templateDir, dir);
      const started = performance.now();
      const r = await runSequence(
        { index, dir, bundle, rendererDir, random: rng(sequenceSeed(o.seed, index)), cliImportMs },
        templateRefs,
      );
      totals.sequences++;
      if (r.linked) totals.linked++;
      totals.serverKills += r.kills.server;
      totals.cliKills += r.kills.cli;
      totals.kills += r.kills.server + r.kills.cli;
      totals.checked += r.checked;
      totals.seededChecked += r.seededChecked;
      totals.lost += r.lost;
      if (r.damaged) totals.damaged++;
      if (r.error) totals.errors++;
      totals.silentCliFailures += r.silentCliFailures;
      for (const [k, n] of Object.entries(r.refusals)) totals.refusals[k] = (totals.refusals[k] ?? 0) + n;
      const bad = r.lost > 0 || r.damaged || r.error || r.silentCliFailures > 0;
      if (bad)
        totals.failed.push({
          index,
          steps: r.steps,
          problems: r.problems,
          replay: `node scripts/chaos.mjs --seed ${o.seed} --first ${index} --sequences 1`,
        });
      log(
        `sequence ${index}: ${r.steps.join(' ')} | ${r.checked} writes checked, ${r.lost} lost${r.damaged ? ', DAMAGED' : ''}${r.problems.length ? ` | ${r.problems.join('; ')}` : ''} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
      );
      fs.rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return totals;
}

export function formatChaos(totals, seed) {
  return [
    `sequences run: ${totals.sequences}`,
    `sequences through a symlinked database path: ${totals.linked}`,
    `kills: ${totals.kills} (server ${totals.serverKills}, cli ${totals.cliKills})`,
    `acknowledged writes checked: ${totals.checked} (and ${totals.seededChecked} seeded leads)`,
    `lost: ${totals.lost}`,
    `damaged: ${totals.damaged}`,
    `CLI failures without a one-line message: ${totals.silentCliFailures}`,
    `harness errors: ${totals.errors}`,
    `seed: ${seed}`,
  ].join('\n');
}
