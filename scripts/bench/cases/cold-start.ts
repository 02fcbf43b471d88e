import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../chromium';
import { cliBin, runTimed } from '../proc';
import { stats } from '../stats';
import type { CaseResult } from '../report';

/** Process start → the first card of the board painted, in a browser already running (a new page each run). */
async function firstBoard(dbPath: string, browser: Awaited<ReturnType<typeof chromium.launch>>): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [cliBin, '--db', dbPath, 'web', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const match = /running at (\S+)/.exec(out);
        if (match) resolve(match[1]!);
      });
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.once('exit', (code) => reject(new Error(`leadledger web exited ${code}: ${err.trim()}`)));
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(`${url}#/pipeline`);
      await page.locator('.card').first().waitFor({ timeout: 60_000 });
      return performance.now() - started;
    } finally {
      await context.close();
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

/**
 * cold: a new `leadledger` process on the 1,000,000-lead database, as a user starts it: the first command
 * (`report --json`, process start → exit) and browser mode (process start → first painted board).
 * The file is in the OS cache (it was just used); a first start after a reboot also reads it from disk.
 */
export async function coldStartCases(dbPath: string, runs: number, leads: number): Promise<CaseResult[]> {
  const label = leads.toLocaleString('en');
  const report: number[] = [];
  for (let i = 0; i < runs; i++) {
    const result = await runTimed(process.execPath, [cliBin, '--db', dbPath, 'report', '--json']);
    if (result.code !== 0) throw new Error(`leadledger report --json failed: ${result.stderr.trim()}`);
    report.push(result.ms);
  }
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  const board: number[] = [];
  try {
    for (let i = 0; i < runs; i++) board.push(await firstBoard(dbPath, browser));
  } finally {
    await browser.close();
  }
  const r = stats(report);
  const b = stats(board);
  return [
    { case: `cold start, first command (leadledger report --json, ${label} leads)`, unit: 'ms', ...r, target: '≤ 1500 ms', met: r.median <= 1500, ...(r.median > 1500 ? { note: 'see below' } : {}) },
    { case: `cold start, browser mode to first painted board (${label} leads)`, unit: 'ms', ...b, target: '≤ 1500 ms', met: b.median <= 1500, ...(b.median > 1500 ? { note: 'see below' } : {}) },
  ];
}
