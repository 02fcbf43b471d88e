import fs from 'node:fs';
import Database from 'better-sqlite3';
import { openDatabase } from '../../../src/core/db/open';
import { runTimed, cli, cliBin } from '../proc';
import { freshPath, seededDb } from '../data';
import { stats } from '../stats';
import type { CaseResult } from '../report';

/** The CSV's own header (an export has the columns of its schema version). */
function headerOf(csv: string): string[] {
  const fd = fs.openSync(csv, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    const read = fs.readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read).toString('utf8').split(/\r?\n/)[0]!.split(',');
  } finally {
    fs.closeSync(fd);
  }
}

async function shellImport(csv: string): Promise<{ ms: number }> {
  const db = freshPath('shell-import.db');
  const columns = headerOf(csv)
    .map((c) => `"${c}" TEXT`)
    .join(', ');
  const setup = await runTimed('sqlite3', [
    db,
    `PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE t (${columns});`,
  ]);
  if (setup.code !== 0) throw new Error(`sqlite3 setup failed: ${setup.stderr}`);
  const result = await runTimed('sqlite3', [db, '.import --csv --skip 1 ' + csv + ' t']);
  if (result.code !== 0) throw new Error(`sqlite3 .import failed: ${result.stderr}`);
  return { ms: result.ms };
}

/**
 * The honest limit (docs/safety.md): the sqlite3 shell building THE SAME indexed table in an empty
 * LeadLedger database (WAL, synchronous=FULL): `.import` into a staging table, the leads indexes
 * dropped, `INSERT … SELECT` into `leads` (sources by name, money to minor units), indexes built after.
 */
async function shellSameTable(csv: string): Promise<{ ms: number }> {
  const db = freshPath('shell-same-table.db');
  openDatabase(db).close();
  const header = headerOf(csv);
  const columns = header.map((c) => `"${c}" TEXT`).join(', ');
  // The newer lead columns an export carries, converted as the import converts them.
  const extras: Record<string, string> = {
    invited: `CASE WHEN lower(s.invited) IN ('1', 'true', 'yes') THEN 1 ELSE 0 END`,
    minutes_after_post: `CAST(NULLIF(s.minutes_after_post, '') AS INTEGER)`,
    proposals_when_bid: `NULLIF(s.proposals_when_bid, '')`,
    viewed_on: `NULLIF(s.viewed_on, '')`,
    boost_outcome: `NULLIF(s.boost_outcome, '')`,
  };
  const extra = header.filter((c) => c in extras);
  const probe = new Database(db, { readonly: true });
  const indexes = probe
    .prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'leads' AND sql IS NOT NULL`)
    .all() as { name: string; sql: string }[];
  probe.close();
  const script = [
    'PRAGMA synchronous=FULL;',
    'PRAGMA foreign_keys=ON;',
    `CREATE TABLE staging (${columns});`,
    `.import --csv --skip 1 ${csv} staging`,
    'BEGIN;',
    ...indexes.map((i) => `DROP INDEX "${i.name}";`),
    `INSERT INTO leads (ref, source_id, title, client, url, stage, furthest_rank, created_on, applied_on, closed_on, connects, boost_connects, connects_refunded, value_minor, currency, lost_reason, tags, notes, follow_up_on, position, updated_at${extra.map((c) => `, ${c}`).join('')})
     SELECT s.ref, (SELECT id FROM sources WHERE name = s.source), s.title, s.client, s.url, s.stage,
       CASE s.stage WHEN 'new' THEN 0 WHEN 'applied' THEN 1 WHEN 'replied' THEN 2 WHEN 'interview' THEN 3 ELSE 4 END,
       s.created_on, NULLIF(s.applied_on, ''), NULLIF(s.closed_on, ''), CAST(s.connects AS INTEGER), CAST(s.boost_connects AS INTEGER), CAST(s.connects_refunded AS INTEGER),
       CASE WHEN s.value = '' THEN NULL ELSE CAST(ROUND(CAST(s.value AS REAL) * 100) AS INTEGER) END, s.currency, s.lost_reason, s.tags, s.notes, NULLIF(s.follow_up_on, ''), s.rowid, '2026-12-06T00:00:00.000Z'${extra.map((c) => `, ${extras[c]}`).join('')}
     FROM staging s;`,
    ...indexes.map((i) => `${i.sql};`),
    'COMMIT;',
    'DROP TABLE staging;',
  ].join('\n');
  const result = await runTimed('sqlite3', [db], { input: script });
  if (result.code !== 0 || result.stderr.trim()) throw new Error(`sqlite3 same-table import failed: ${result.stderr}`);
  return { ms: result.ms };
}

/** import: our 1,000,000-row leads.csv into an empty database vs the shell building the same indexed table (and a bare .import, for reference). */
export async function importCase(
  rows: number,
  runs: number,
): Promise<{ results: CaseResult[]; csv: string; sourceDb: string }> {
  const sourceDb = await seededDb('leads', rows);
  const csv = `${sourceDb}.leads.csv`;
  if (!fs.existsSync(csv)) await cli(['--db', sourceDb, 'export', 'leads', '-o', csv]);
  const sizeMb = fs.statSync(csv).size / 1e6;
  const ours: number[] = [];
  const rss: number[] = [];
  const shell: number[] = [];
  const same: number[] = [];
  for (let i = 0; i < runs; i++) {
    const target = freshPath('import-target.db');
    const result = await runTimed(process.execPath, [cliBin, '--db', target, 'import', csv, '--as', 'leads']);
    if (result.code !== 0) throw new Error(`leadledger import failed: ${result.stderr.trim()}`);
    ours.push(result.ms);
    if (result.peakRssMiB !== null) rss.push(result.peakRssMiB);
    shell.push((await shellImport(csv)).ms);
    same.push((await shellSameTable(csv)).ms);
  }
  const o = stats(ours);
  const s = stats(shell);
  const t = stats(same);
  return {
    csv,
    sourceDb,
    results: [
      {
        case: `import ${rows.toLocaleString('en')} leads (${sizeMb.toFixed(0)} MB CSV)`,
        unit: 'ms',
        ...o,
        baseline: 'sqlite3 shell, same indexed table',
        baselineMedian: t.median,
        ratio: o.median / t.median,
        target: '≤ 1.5×',
        met: o.median / t.median <= 1.5,
      },
      {
        case: `import ${rows.toLocaleString('en')} leads, against a bare .import (reference: no index, no conversion)`,
        unit: 'ms',
        ...o,
        baseline: 'sqlite3 .import',
        baselineMedian: s.median,
        ratio: o.median / s.median,
        target: '(reference)',
        met: null,
      },
      {
        case: 'import peak RSS',
        unit: 'MiB',
        ...stats(rss.length ? rss : [NaN]),
        target: '≤ 256 MiB',
        met: rss.length > 0 && Math.max(...rss) <= 256,
      },
    ],
  };
}

/** export: the same leads to CSV vs `sqlite3 -csv` dumping the same rows. */
export async function exportCase(sourceDb: string, runs: number): Promise<CaseResult[]> {
  const ours: number[] = [];
  const shell: number[] = [];
  const out = freshPath('export.csv');
  const query = `SELECT l.ref, s.name, l.title, l.client, l.url, l.stage, l.created_on, l.applied_on, l.closed_on, l.connects, l.boost_connects, l.connects_refunded, l.value_minor, l.currency, l.lost_reason, l.tags, l.notes, l.follow_up_on FROM leads l JOIN sources s ON s.id = l.source_id ORDER BY l.id`;
  for (let i = 0; i < runs; i++) {
    const result = await runTimed(process.execPath, [cliBin, '--db', sourceDb, 'export', 'leads', '-o', out]);
    if (result.code !== 0) throw new Error(`leadledger export failed: ${result.stderr.trim()}`);
    ours.push(result.ms);
    const dump = await runTimed('sh', ['-c', `sqlite3 -csv -header '${sourceDb}' "${query}" > '${out}.shell'`]);
    if (dump.code !== 0) throw new Error(`sqlite3 -csv failed: ${dump.stderr}`);
    shell.push(dump.ms);
  }
  const o = stats(ours);
  const s = stats(shell);
  return [
    {
      case: 'export leads to CSV',
      unit: 'ms',
      ...o,
      baseline: 'sqlite3 -csv',
      baselineMedian: s.median,
      ratio: o.median / s.median,
      target: '≤ 1.5×',
      met: o.median / s.median <= 1.5,
    },
  ];
}
