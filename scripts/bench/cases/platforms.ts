import fs from 'node:fs';
import path from 'node:path';
import { writePaypalCsv } from '../../../src/core/csv/bench/generate-paypal';
import { writeUpworkCsv } from '../../../src/core/csv/bench/generate-upwork';
import { writeLeadsCsv } from '../../../src/core/csv/bench/generate-leads';
import { benchDir, freshPath } from '../data';
import { cliBin, runTimed } from '../proc';
import { stats } from '../stats';
import type { CaseResult } from '../report';

/** The leads import a platform import is compared with, per row (from the import case of the same run when it ran). */
export type LeadsPerRow = { msPerRow: number; from: string };

const platforms = {
  upwork: { label: 'Upwork transactions (current layout)', write: writeUpworkCsv },
  paypal: { label: 'PayPal activity (English)', write: writePaypalCsv },
} as const;

/** A generated CSV cached in .bench/ by kind and rows (the generators are deterministic). */
function cachedCsv(kind: string, rows: number, write: (file: string, rows: number) => void): string {
  fs.mkdirSync(benchDir, { recursive: true });
  const file = path.join(benchDir, `${kind}-${rows}.csv`);
  const done = `${file}.done`;
  if (fs.existsSync(file) && fs.existsSync(done)) return file;
  write(file, rows);
  fs.writeFileSync(done, '');
  return file;
}

async function importOnce(csv: string, as: string): Promise<{ ms: number; rss: number | null }> {
  const target = freshPath(`import-${as}-target.db`);
  const result = await runTimed(process.execPath, [cliBin, '--db', target, 'import', csv, '--as', as]);
  if (result.code !== 0) throw new Error(`leadledger import --as ${as} failed: ${result.stderr.trim()}`);
  return { ms: result.ms, rss: result.peakRssMiB };
}

/** Without the import case in this run: one import of a generated leads file of the same size. */
export async function leadsPerRowNow(rows: number): Promise<LeadsPerRow> {
  const csv = cachedCsv('leads-generated', rows, writeLeadsCsv);
  const { ms } = await importOnce(csv, 'leads');
  return { msPerRow: ms / rows, from: 'leads import (1 run, this case)' };
}

/**
 * platforms: the Upwork and PayPal importers on 1,000,000 generated rows of their real layouts, into an
 * empty database. Target: per row within 2× of the leads import, peak RSS ≤ 256 MiB in every run.
 */
export async function platformCases(rows: number, runs: number, leads: LeadsPerRow): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const [as, p] of Object.entries(platforms)) {
    const csv = cachedCsv(as, rows, p.write);
    const sizeMb = fs.statSync(csv).size / 1e6;
    const ms: number[] = [];
    const rss: number[] = [];
    for (let i = 0; i < runs; i++) {
      const once = await importOnce(csv, as);
      ms.push(once.ms);
      if (once.rss !== null) rss.push(once.rss);
    }
    const s = stats(ms);
    const baseline = leads.msPerRow * rows;
    const ratio = s.median / baseline;
    results.push({
      case: `import ${rows.toLocaleString('en')} rows, ${p.label} (${sizeMb.toFixed(0)} MB)`,
      unit: 'ms',
      ...s,
      baseline: `${leads.from}, same rows`,
      baselineMedian: baseline,
      ratio,
      target: '≤ 2× per row',
      met: ratio <= 2,
    });
    const peak = Math.max(...rss);
    results.push({
      case: `${as} import peak RSS`,
      unit: 'MiB',
      ...stats(rss.length ? rss : [NaN]),
      target: '≤ 256 MiB every run',
      met: rss.length > 0 && peak <= 256,
      ...(peak > 256 ? { note: `max ${peak.toFixed(0)} MiB` } : {}),
    });
  }
  return results;
}
