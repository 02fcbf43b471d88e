/**
 * Where the board's first paint goes: one Chrome performance trace per size, from navigation to the
 * first card, summed by what the main thread did (parse and compile, script, style and layout, paint)
 * and the network waits between (the bundle's chunks, the first API round trips).
 *
 *   npm run build && npx tsx scripts/bench/first-paint-trace.ts [1000 100000] [--cold]
 *
 * Prints a table per size; docs/performance.md ("First paint") quotes it.
 */
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../chromium';
import { startServer } from './cases/server';
import { seededDb } from './data';

type TraceEvent = {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: { data?: Record<string, unknown> };
};

const buckets: [string, RegExp][] = [
  [
    'parse + compile',
    /^(v8\.compile|v8\.parseOnBackground|V8\.CompileCode|v8\.compileModule|ParseHTML|V8\.ParseFunction)/,
  ],
  ['script', /^(EvaluateScript|FunctionCall|v8\.evaluateModule|TimerFire|FireAnimationFrame|RunMicrotasks|v8\.run)$/],
  ['style + layout', /^(UpdateLayoutTree|Layout|RecalculateStyles|ScheduleStyleRecalculation)$/],
  ['paint', /^(Paint|PrePaint|Layerize|UpdateLayer|CompositeLayers|Commit)$/],
];

async function traceAt(leads: number) {
  const db = await seededDb('ui', leads);
  const server = await startServer(db);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    // The page's own record of the first card: inserted (MutationObserver) and the frame after it.
    await page.addInitScript(`(() => {
      const w = window;
      new MutationObserver((_, observer) => {
        if (w.__cardAt === undefined && document.querySelector('.card')) {
          w.__cardAt = performance.now();
          requestAnimationFrame(() => requestAnimationFrame(() => (w.__cardFrame = performance.now())));
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    })()`);
    // A warm-up load (disk cache, the server's statements) unless --cold: the bench's runs are cold (a new context each).
    if (!cold) {
      await page.goto(server.url + '#/pipeline');
      await page.locator('.card').first().waitFor();
      await page.goto('about:blank');
    }
    await browser.startTracing(page, {
      categories: [
        'devtools.timeline',
        'v8',
        'v8.execute',
        'blink.user_timing',
        'loading',
        'disabled-by-default-devtools.timeline',
      ],
    });
    await page.goto(server.url + '#/pipeline');
    await page.locator('.card').first().waitFor();
    const firstCard = await page.evaluate(() => performance.now());
    const own = (await page.evaluate('({ inserted: window.__cardAt, framed: window.__cardFrame })')) as {
      inserted: number;
      framed: number;
    };
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const resources = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => ({
        name: new URL(r.name).pathname,
        start: r.startTime,
        end: r.responseEnd,
        size: r.encodedBodySize,
      }));
      return { responseEnd: nav.responseEnd, domContentLoaded: nav.domContentLoadedEventEnd, resources };
    });
    const buffer = await browser.stopTracing();
    const events = (JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
    const mains = new Set(
      events
        .filter((e) => e.name === 'thread_name' && (e.args as { name?: string } | undefined)?.name === 'CrRendererMain')
        .map((e) => `${e.pid}:${e.tid}`),
    );
    const navStarts = events.filter((e) => e.name === 'navigationStart').map((e) => e.ts);
    const navStart = navStarts.at(-1) ?? events[0]!.ts;
    const end = navStart + firstCard * 1000;
    const totals = new Map<string, number>();
    const longTasks: string[] = [];
    for (const e of events) {
      if (e.ph !== 'X' || !e.dur || !mains.has(`${e.pid}:${e.tid}`) || e.ts < navStart || e.ts > end) continue;
      const bucket = buckets.find(([, re]) => re.test(e.name))?.[0];
      if (bucket) totals.set(bucket, (totals.get(bucket) ?? 0) + e.dur / 1000);
      // Top-level tasks over 50 ms, with when they ran (ms after navigation).
      if (e.name === 'RunTask' && e.dur > 50_000)
        longTasks.push(`${((e.ts - navStart) / 1000).toFixed(0)}+${(e.dur / 1000).toFixed(0)}`);
    }
    return { leads, firstCard, own, ...timing, totals, longTasks };
  } finally {
    await browser.close();
    await server.stop();
  }
}

const cold = process.argv.includes('--cold');
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
for (const leads of sizes.length ? sizes : [1000, 100_000]) {
  const t = await traceAt(leads);
  console.log(
    `\n${leads.toLocaleString('en')} leads: first card at ${t.firstCard.toFixed(0)} ms (HTML ${t.responseEnd.toFixed(0)} ms, DOMContentLoaded ${t.domContentLoaded.toFixed(0)} ms; the page saw the card inserted at ${t.own.inserted?.toFixed(0)} ms, its next frame at ${t.own.framed?.toFixed(0)} ms)`,
  );
  for (const [name, ms] of t.totals) console.log(`  main thread ${name}: ${ms.toFixed(0)} ms`);
  console.log(`  tasks over 50 ms (start+duration): ${t.longTasks.join(', ') || 'none'}`);
  for (const r of t.resources.filter((x) => x.start < t.firstCard)) {
    console.log(
      `  ${r.name.padEnd(48)} ${r.start.toFixed(0).padStart(5)} → ${r.end.toFixed(0).padStart(5)} ms ${r.size ? `${(r.size / 1024).toFixed(0)} KiB` : ''}`,
    );
  }
}
