import { type Browser, chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../chromium';
import { cliBin, runTimed } from '../proc';
import { stats } from '../stats';
import type { CaseResult } from '../report';
import { startServer } from './server';

/**
 * Process start → the first card of the board painted, in a browser already running (a new page each run); `bin`:
 * another tree's `leadledger` (scripts/bench/ab.ts).
 */
export async function firstBoard(dbPath: string, browser: Browser, bin?: string): Promise<number> {
  const started = performance.now();
  const server = await startServer(dbPath, bin);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}#/pipeline`);
      await page.locator('.card').first().waitFor({ timeout: 60_000 });
      return performance.now() - started;
    } finally {
      await context.close();
    }
  } finally {
    await server.stop();
  }
}

/**
 * The Leads table scrolled to its end: the number of the last lead on screen. Chromium lays out at
 * most ~33.5 M px, less than 1,000,000 rows of 38 px; the table scales its scroll track
 * (src/renderer/features/leads/scroll-scale.ts), so the last lead must be reachable.
 */
async function lastLeadOnScreen(dbPath: string, browser: Browser): Promise<number> {
  const server = await startServer(dbPath);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}#/leads`);
      const rows = page.locator('table[aria-label="Leads"] tbody tr.row:not(.row-loading)');
      await rows.first().waitFor({ timeout: 60_000 });
      await page.locator('.table-scroll').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      await page
        .waitForFunction(
          () => {
            const count = Number(document.querySelector('table[aria-label="Leads"]')?.getAttribute('aria-rowcount'));
            return document.querySelector(`tr.row[aria-rowindex="${count}"]:not(.row-loading)`) !== null;
          },
          undefined,
          { timeout: 30_000 },
        )
        .catch(() => undefined);
      // The last row on screen (inside the scroller's box), as its lead number (row index less the header).
      return await page.locator('.table-scroll').evaluate((el) => {
        const box = el.getBoundingClientRect();
        const onScreen = [...el.querySelectorAll('tbody tr.row:not(.row-loading)')].filter((r) => {
          const b = r.getBoundingClientRect();
          return b.top >= box.top && b.bottom <= box.bottom + 1;
        });
        return Math.max(0, ...onScreen.map((r) => Number(r.getAttribute('aria-rowindex')) - 1));
      });
    } finally {
      await context.close();
    }
  } finally {
    // SIGKILL: by now the server's start-up backup (after 3 s without a request) may be copying the
    // 1 GB file in a worker thread, and a SIGTERM'd process waits for that copy to end,
    // burning a core under the cases that follow.
    await server.stop('SIGKILL');
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
  let lastLead = 0;
  try {
    for (let i = 0; i < runs; i++) board.push(await firstBoard(dbPath, browser));
    lastLead = await lastLeadOnScreen(dbPath, browser);
  } finally {
    await browser.close();
  }
  const r = stats(report);
  const b = stats(board);
  return [
    {
      case: `cold start, first command (leadledger report --json, ${label} leads)`,
      unit: 'ms',
      ...r,
      target: '≤ 1500 ms',
      met: r.median <= 1500,
      ...(r.median > 1500 ? { note: 'see below' } : {}),
    },
    {
      case: `cold start, browser mode to first painted board (${label} leads)`,
      unit: 'ms',
      ...b,
      target: '≤ 1500 ms',
      met: b.median <= 1500,
      ...(b.median > 1500 ? { note: 'see below' } : {}),
    },
    {
      case: `Leads table scrolled to the end: last lead on screen (${label} leads)`,
      unit: 'lead',
      ...stats([lastLead]),
      target: `= ${label}`,
      met: lastLead === leads,
    },
  ];
}
