import fs from 'node:fs';
import path from 'node:path';
import { benchDir, freshPath } from '../data';
import { cliBin, runTimed } from '../proc';
import { stats } from '../stats';
import type { CaseResult } from '../report';

// docs/domain.md §6: a Toggl Track Detailed export of N entries imported as time entries, against the
// same N rows of our own time.csv (same days, minutes, channel and notes). Target: ≤ 2×.

const togglHeader =
  'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (USD)';
const projects = [
  ['Acme', 'Acme app'],
  ['Acme', 'Acme API'],
  ['', 'Proposals'],
  ['Beta Labs', 'Website'],
  ['', 'Portfolio'],
  ['Gamma GmbH', 'Shop, relaunch'],
] as const;
const newest = Date.UTC(2026, 10, 30);
const pad = (n: number) => String(n).padStart(2, '0');

/** Entry i: its day (spread over ~3 years, newest first), start, duration and text, the same for both files. */
function entry(i: number) {
  const d = new Date(newest - Math.floor(i / 90) * 86_400_000);
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const startMin = 7 * 60 + (i % 90) * 7;
  const seconds = 60 + ((i * 7919) % (4 * 3600));
  const [client, project] = projects[i % projects.length]!;
  return {
    day,
    start: `${pad(Math.floor(startMin / 60) % 24)}:${pad(startMin % 60)}:${pad(i % 60)}`,
    seconds,
    client,
    project,
    note: `Task ${i % 977}: ${['review', 'build', 'call', 'write'][i % 4]} #${i}`,
  };
}

const duration = (s: number) => `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;

function write(file: string, rows: number, line: (i: number) => string, header: string): void {
  const out = fs.openSync(file, 'w');
  let chunk = `${header}\n`;
  for (let i = 0; i < rows; i++) {
    chunk += `${line(i)}\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(out, chunk);
      chunk = '';
    }
  }
  fs.writeSync(out, chunk);
  fs.closeSync(out);
}

const quote = (s: string) => (/[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function writeTogglCsv(file: string, rows: number): void {
  write(
    file,
    rows,
    (i) => {
      const e = entry(i);
      return [
        'Me',
        'me@example.com',
        quote(e.client),
        quote(e.project),
        '',
        quote(e.note),
        'Yes',
        e.day,
        e.start,
        e.day,
        e.start,
        duration(e.seconds),
        'dev',
        '100.00',
      ].join(',');
    },
    togglHeader,
  );
}

export function writeOwnTimeCsv(file: string, rows: number): void {
  write(
    file,
    rows,
    (i) => {
      const e = entry(i);
      return [
        `t-${i}`,
        e.day,
        'Upwork',
        '',
        i % 3 === 2 ? 'sales' : 'delivery',
        String(Math.floor((e.seconds + 30) / 60)),
        quote(e.note),
      ].join(',');
    },
    'ref,date,source,lead_ref,kind,minutes,note',
  );
}

function cached(kind: string, rows: number, writer: (file: string, rows: number) => void): string {
  fs.mkdirSync(benchDir, { recursive: true });
  const file = path.join(benchDir, `${kind}-${rows}.csv`);
  if (!fs.existsSync(`${file}.done`)) {
    writer(file, rows);
    fs.writeFileSync(`${file}.done`, '');
  }
  return file;
}

async function importOnce(csv: string, args: string[]): Promise<number> {
  const target = freshPath('import-time-target.db');
  const result = await runTimed(process.execPath, [cliBin, '--db', target, 'import', csv, ...args]);
  if (result.code !== 0) throw new Error(`leadledger import ${args.join(' ')} failed: ${result.stderr.trim()}`);
  return result.ms;
}

/** trackers: N Toggl entries (--source Upwork) vs N rows of our time.csv, each into an empty database. */
export async function trackerCases(rows: number, runs: number): Promise<CaseResult[]> {
  const toggl = cached('toggl-detailed', rows, writeTogglCsv);
  const own = cached('time-own', rows, writeOwnTimeCsv);
  const ownMs: number[] = [];
  const togglMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    ownMs.push(await importOnce(own, ['--as', 'time']));
    togglMs.push(await importOnce(toggl, ['--source', 'Upwork']));
  }
  const base = stats(ownMs);
  const s = stats(togglMs);
  const ratio = s.median / base.median;
  return [
    {
      case: `import ${rows.toLocaleString('en')} rows of our time.csv (${(fs.statSync(own).size / 1e6).toFixed(0)} MB)`,
      unit: 'ms',
      ...base,
      target: 'baseline',
      met: true,
    },
    {
      case: `import ${rows.toLocaleString('en')} Toggl Track detailed entries (${(fs.statSync(toggl).size / 1e6).toFixed(0)} MB)`,
      unit: 'ms',
      ...s,
      baseline: 'our time.csv, same rows',
      baselineMedian: base.median,
      ratio,
      target: '≤ 2×',
      met: ratio <= 2,
    },
  ];
}
