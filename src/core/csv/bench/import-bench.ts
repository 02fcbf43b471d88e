import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ownHeaders } from '../own-formats';
import { writeLeadsCsv } from './generate-leads';

// Import benchmark: a 1,000,000-row leads CSV through `leadledger import` against the sqlite3
// shell's `.import` into a plain table, each timed with /usr/bin/time -v (wall time, peak RSS).
// Run: npx tsx src/core/csv/bench/import-bench.ts [rows] [runs]
const rows = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 3);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadledger-import-bench-'));
const csv = path.join(dir, `leads-${rows}.csv`);
writeLeadsCsv(csv, rows);

type Timing = { seconds: number; cpu: number; rssMb: number };

function timed(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Timing {
  const result = spawnSync('/usr/bin/time', ['-v', command, ...args], { encoding: 'utf8', env, maxBuffer: 1 << 26 });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr.slice(-400)}`);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(result.stderr)!;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr)!;
  const user = Number(/User time \(seconds\): ([\d.]+)/.exec(result.stderr)![1]);
  const system = Number(/System time \(seconds\): ([\d.]+)/.exec(result.stderr)![1]);
  return { seconds: Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]), cpu: user + system, rssMb: Number(rss[1]) / 1024 };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const shell: number[] = [];
const ours: number[] = [];
const shellCpu: number[] = [];
const oursCpu: number[] = [];
const rss: number[] = [];
for (let i = 0; i < runs; i++) {
  const shellDb = path.join(dir, `shell-${i}.db`);
  execFileSync('sqlite3', [shellDb, `PRAGMA journal_mode=WAL; CREATE TABLE t(${ownHeaders.leads.join(',')});`]);
  const s = timed('sqlite3', [shellDb, `.import --csv --skip 1 ${csv} t`]);
  shell.push(s.seconds);
  shellCpu.push(s.cpu);
  const ourDb = path.join(dir, `ours-${i}.db`);
  execFileSync(process.execPath, ['bin/leadledger.js', '--db', ourDb, 'import', '--dry-run', path.join(import.meta.dirname, '..', '__fixtures__', 'leads-lf.csv')]); // create and migrate first
  const run = timed(process.execPath, ['bin/leadledger.js', '--db', ourDb, 'import', csv]);
  ours.push(run.seconds);
  oursCpu.push(run.cpu);
  rss.push(run.rssMb);
}
const s = median(shell);
const o = median(ours);
console.log(`${rows.toLocaleString('en')} rows, ${(fs.statSync(csv).size / 1e6).toFixed(0)} MB, ${runs} runs (median), ${os.cpus().length} cores`);
console.log(`sqlite3 .import (plain table): ${s.toFixed(2)} s  [${shell.map((x) => x.toFixed(2)).join(', ')}]`);
console.log(`leadledger import:             ${o.toFixed(2)} s  [${ours.map((x) => x.toFixed(2)).join(', ')}]  ratio ${(o / s).toFixed(2)}x`);
console.log(`CPU (user+sys), median:         shell ${median(shellCpu).toFixed(2)} s, leadledger ${median(oursCpu).toFixed(2)} s, ratio ${(median(oursCpu) / median(shellCpu)).toFixed(2)}x`);
console.log(`leadledger peak RSS:           ${Math.max(...rss).toFixed(0)} MB`);
fs.rmSync(dir, { recursive: true, force: true });
