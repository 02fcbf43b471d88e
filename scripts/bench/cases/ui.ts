import { chromium, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../chromium';
import { seededDb } from '../data';
import { stats } from '../stats';
import type { CaseResult } from '../report';
import { startServer } from './server';
import { firstCard, recordFirstCard } from '../first-card';

type UiSample = {
  board: number;
  boardSeen: number;
  table: number;
  keystroke: number;
  droppedFrames: number;
  longestTask: number;
};

async function tablePaint(page: Page, url: string): Promise<number> {
  await page.goto(url + '#/leads');
  await page.locator('table[aria-label="Leads"] tr.row:not(.row-loading)').first().waitFor();
  return page.evaluate(() => performance.now());
}

/** Keystroke in the search box → the table's row count attribute changes (the list updated). */
async function keystroke(page: Page, text: string): Promise<number> {
  const search = page.getByRole('searchbox', { name: 'Search leads' });
  await search.fill(text.slice(0, -1));
  const table = page.locator('table[aria-label="Leads"]');
  await page.waitForTimeout(600); // let the previous query settle (not a measured wait)
  await page.evaluate(() => {
    const w = window as unknown as { __changedAt?: number; __typedAt?: number };
    w.__changedAt = undefined;
    const target = document.querySelector('table[aria-label="Leads"]')!;
    const observer = new MutationObserver(() => {
      w.__changedAt ??= performance.now();
    });
    observer.observe(target, { attributes: true, attributeFilter: ['aria-rowcount'] });
    document.addEventListener('keydown', () => (w.__typedAt = performance.now()), { once: true, capture: true });
  });
  const before = await table.getAttribute('aria-rowcount');
  await search.press(text.at(-1)!);
  await page.waitForFunction(
    (prev) => document.querySelector('table[aria-label="Leads"]')?.getAttribute('aria-rowcount') !== prev,
    before,
  );
  return page.evaluate(() => {
    const w = window as unknown as { __changedAt?: number; __typedAt?: number };
    return (w.__changedAt ?? performance.now()) - (w.__typedAt ?? 0);
  });
}

/** Scrolls the table for 180 frames; counts frames over 1.5× the frame budget and the longest task. */
async function scrolling(page: Page): Promise<{ dropped: number; longest: number }> {
  await page.getByRole('searchbox', { name: 'Search leads' }).fill('');
  await page.locator('table[aria-label="Leads"] tr.row:not(.row-loading)').first().waitFor();
  // A string, not a function: tsx would wrap named inner functions with a helper the page lacks.
  return page.evaluate(`new Promise((resolve) => {
    const scroller = document.querySelector('.table-scroll');
    let longest = 0;
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
    });
    observer.observe({ type: 'longtask', buffered: false });
    let frames = 0;
    let dropped = 0;
    let last = performance.now();
    function step(now) {
      if (now - last > 25) dropped++;
      last = now;
      scroller.scrollTop += 600;
      if (++frames < 180) requestAnimationFrame(step);
      else {
        observer.disconnect();
        resolve({ dropped, longest });
      }
    }
    requestAnimationFrame(step);
  })`) as Promise<{ dropped: number; longest: number }>;
}

async function sampleAt(leads: number, runs: number): Promise<UiSample[]> {
  const db = await seededDb('ui', leads);
  const server = await startServer(db);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  const samples: UiSample[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await recordFirstCard(context);
      const page = await context.newPage();
      // Navigation start → the first card painted, by the page's own clock (first-card.ts).
      const card = await firstCard(page, server.url);
      const tablePage = await context.newPage();
      const table = await tablePaint(tablePage, server.url);
      // "React " also matches the react tag; the final "d" narrows it to the React dashboard titles.
      const key = await keystroke(tablePage, 'React d');
      const scroll = await scrolling(tablePage);
      samples.push({
        board: card.painted,
        boardSeen: card.seen,
        table,
        keystroke: key,
        droppedFrames: scroll.dropped,
        longestTask: scroll.longest,
      });
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  return samples;
}

export async function uiCases(runs: number, small = 1000, large = 100_000): Promise<CaseResult[]> {
  const a = await sampleAt(small, runs);
  const b = await sampleAt(large, runs);
  const results: CaseResult[] = [];
  const label = (n: number) => n.toLocaleString('en');
  for (const [key, name] of [
    ['board', 'first painted board'],
    // The figure before the page's own clock: when Playwright's backoff polling found the card (reference).
    ['boardSeen', 'first board card seen by Playwright (polled)'],
    ['table', 'first painted table'],
  ] as const) {
    const sa = stats(a.map((s) => s[key]));
    const sb = stats(b.map((s) => s[key]));
    // docs/performance.md: the first painted board within 500 ms at the size a freelancer has, 800 ms at a
    // hundred times it; the table has no target of its own.
    const board = key === 'board';
    results.push({
      case: `UI ${name}, ${label(small)} leads`,
      unit: 'ms',
      ...sa,
      target: board ? '≤ 500 ms' : '—',
      met: board ? sa.median <= 500 : null,
    });
    results.push({
      case: `UI ${name}, ${label(large)} leads`,
      unit: 'ms',
      ...sb,
      baseline: `${label(small)} leads`,
      baselineMedian: sa.median,
      ratio: sb.median / sa.median,
      target: board ? '≤ 800 ms' : '—',
      met: board ? sb.median <= 800 : null,
    });
  }
  for (const [samples, n] of [
    [a, small],
    [b, large],
  ] as const) {
    const k = stats(samples.map((s) => s.keystroke));
    results.push({
      case: `UI search keystroke → updated list, ${label(n)} leads`,
      unit: 'ms',
      ...k,
      target: '≤ 50 ms',
      met: k.median <= 50,
    });
  }
  const frames = stats(b.map((s) => s.droppedFrames));
  results.push({
    case: `UI frames over 25 ms in 180 scrolled frames, ${label(large)} leads`,
    unit: 'frames',
    ...frames,
    target: '≤ 5 frames',
    met: frames.median <= 5,
  });
  const tasks = stats(b.map((s) => s.longestTask));
  results.push({
    case: `UI longest task while scrolling, ${label(large)} leads`,
    unit: 'ms',
    ...tasks,
    target: '≤ 200 ms',
    met: tasks.max <= 200,
  });
  return results;
}
