/**
 * Where the main thread's time goes before the first card: V8's sampling profile of the page from navigation to
 * the first card painted (first-card.ts), self time by source file and by function, averaged over cold loads (a
 * new browser context each, as the bench). Build the renderer unminified for readable names, e.g.
 * `npx vite build` with `build.minify: false` into a folder, then:
 *
 *   LEADLEDGER_RENDERER_DIR=<build> npx tsx scripts/bench/first-paint-profile.ts 1000 [runs]
 *
 * docs/performance.md ("Where the first paint goes") quotes it.
 */
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../chromium';
import { startServer } from './cases/server';
import { seededDb } from './data';
import { firstCard, recordFirstCard } from './first-card';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number } };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const leads = Number(process.argv[2] ?? 1000);
const runs = Number(process.argv[3] ?? 3);
const server = await startServer(await seededDb('ui', leads));
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms / runs);
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await recordFirstCard(context);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    const card = await firstCard(page, server.url);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    profile.samples.forEach((id, k) => {
      const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
      const file = url.split('/').pop() || functionName;
      const ms = profile.timeDeltas[k]! / 1000;
      add(byFile, file, ms);
      add(byFunction, `${functionName || '(anonymous)'} ${file}:${lineNumber}`, ms);
    });
    console.log(`run ${i + 1}: card inserted ${card.inserted.toFixed(0)} ms, painted ${card.painted.toFixed(0)} ms`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
const top = (map: Map<string, number>, n: number) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n);
console.log('\nself time by file (ms a load):');
for (const [name, ms] of top(byFile, 10)) console.log(`  ${ms.toFixed(1).padStart(7)}  ${name}`);
console.log('\nself time by function (ms a load):');
for (const [name, ms] of top(byFunction, 30)) console.log(`  ${ms.toFixed(1).padStart(7)}  ${name}`);
