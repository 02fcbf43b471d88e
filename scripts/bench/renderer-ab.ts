/**
 * A/B of two renderer builds on the bench's own measures (first painted board, by the page's clock, with when the
 * card was inserted and when Playwright's polling saw it; with `all` also the search keystroke
 * and the frames over 25 ms while scrolling the table), runs alternating between two servers so both see the same load.
 *
 *   npx tsx scripts/bench/renderer-ab.ts <rendererDirA> <rendererDirB> <leads> <runs> [board|all]
 */
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../chromium';
import { startServer } from './cases/server';
import { seededDb } from './data';
import { stats } from './stats';
import { firstCard, recordFirstCard } from './first-card';

const [dirA, dirB, leadsArg, runsArg, what = 'board'] = process.argv.slice(2);
const leads = Number(leadsArg);
const runs = Number(runsArg);
const db = await seededDb('ui', leads);
process.env.LEADLEDGER_RENDERER_DIR = dirA;
const sA = await startServer(db);
process.env.LEADLEDGER_RENDERER_DIR = dirB;
const sB = await startServer(db);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
const res: Record<string, Record<string, number[]>> = {
  A: { board: [], inserted: [], seen: [], key: [], drop: [] },
  B: { board: [], inserted: [], seen: [], key: [], drop: [] },
};
try {
  for (let i = 0; i < runs * 2; i++) {
    const v = i % 2 === 0 ? 'A' : 'B';
    const url = (v === 'A' ? sA : sB).url;
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await recordFirstCard(context);
    const page = await context.newPage();
    const card = await firstCard(page, url);
    res[v]!.board!.push(card.painted);
    res[v]!.inserted!.push(card.inserted);
    res[v]!.seen!.push(card.seen);
    if (what === 'all') {
      const p = await context.newPage();
      await p.goto(url + '#/leads');
      await p.locator('table[aria-label="Leads"] tr.row:not(.row-loading)').first().waitFor();
      const search = p.getByRole('searchbox', { name: 'Search leads' });
      await search.fill('React ');
      await p.waitForTimeout(600);
      await p.evaluate(() => {
        const w = window as unknown as { __c?: number; __t?: number };
        w.__c = undefined;
        const t = document.querySelector('table[aria-label="Leads"]')!;
        new MutationObserver(() => {
          w.__c ??= performance.now();
        }).observe(t, { attributes: true, attributeFilter: ['aria-rowcount'] });
        document.addEventListener('keydown', () => (w.__t = performance.now()), { once: true, capture: true });
      });
      const before = await p.locator('table[aria-label="Leads"]').getAttribute('aria-rowcount');
      await search.press('d');
      await p.waitForFunction(
        (prev) => document.querySelector('table[aria-label="Leads"]')?.getAttribute('aria-rowcount') !== prev,
        before,
      );
      res[v]!.key!.push(
        await p.evaluate(() => {
          const w = window as unknown as { __c?: number; __t?: number };
          return (w.__c ?? performance.now()) - (w.__t ?? 0);
        }),
      );
      await search.fill('');
      await p.locator('table[aria-label="Leads"] tr.row:not(.row-loading)').first().waitFor();
      await p.waitForTimeout(300);
      const d = (await p.evaluate(`new Promise((resolve) => {
        const s = document.querySelector('.table-scroll'); let f = 0, dropped = 0, last = performance.now();
        function step(now) { if (now - last > 25) dropped++; last = now; s.scrollTop += 600; if (++f < 180) requestAnimationFrame(step); else resolve(dropped); }
        requestAnimationFrame(step); })`)) as number;
      res[v]!.drop!.push(d);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await sA.stop();
  await sB.stop();
}
for (const v of ['A', 'B']) {
  for (const [k, arr] of Object.entries(res[v]!)) {
    if (!arr.length) continue;
    const s = stats(arr);
    console.log(
      `${leads} ${v} ${k}: median ${s.median.toFixed(1)} (min ${s.min.toFixed(1)}, max ${s.max.toFixed(1)}, n=${s.runs}) [${arr.map((x) => x.toFixed(0)).join(' ')}]`,
    );
  }
}
