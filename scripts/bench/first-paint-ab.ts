/**
 * A/B of the boot prefetch on the bench's own measure (a fresh browser context each run, navigation to
 * the first card): runs alternate with /boot-prefetch.js served and blocked, so both see the same load.
 *
 *   npm run build && npx tsx scripts/bench/first-paint-ab.ts [leads] [runs]
 */
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../chromium';
import { startServer } from './cases/server';
import { seededDb } from './data';
import { stats } from './stats';

const leads = Number(process.argv[2] ?? 1000);
const runs = Number(process.argv[3] ?? 8);
const db = await seededDb('ui', leads);
const server = await startServer(db);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
const times: Record<'with' | 'without', number[]> = { with: [], without: [] };
try {
  for (let i = 0; i < runs * 2; i++) {
    const variant = i % 2 === 0 ? 'with' : 'without';
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    if (variant === 'without')
      await context.route('**/boot-prefetch.js', (route) =>
        route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }),
      );
    const page = await context.newPage();
    await page.goto(server.url + '#/pipeline');
    await page.locator('.card').first().waitFor();
    times[variant].push(await page.evaluate(() => performance.now()));
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
for (const variant of ['with', 'without'] as const) {
  const s = stats(times[variant]);
  console.log(
    `${leads} leads, boot prefetch ${variant.padEnd(7)}: median ${s.median.toFixed(0)} ms (min ${s.min.toFixed(0)}, max ${s.max.toFixed(0)}, ${s.runs} runs)`,
  );
}
