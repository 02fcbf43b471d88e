import type { BrowserContext, Page } from 'playwright-core';

/**
 * The first painted card, by the page's own clock: a MutationObserver notes when the first `.card` is inserted,
 * and the task after that frame's rendering (requestAnimationFrame, then a message) notes when it was painted.
 * Playwright's `locator.waitFor()` is not used for the figure: it polls 0, 20, 50, 100, 100, 500, 500… ms after
 * `goto` returns, so a card painted just after a poll was seen up to 500 ms late (docs/performance.md, "Where the
 * first paint goes").
 */
export async function recordFirstCard(context: BrowserContext): Promise<void> {
  // A string: tsx would wrap named inner functions with a helper the page lacks.
  await context.addInitScript(`(() => {
    const w = window;
    new MutationObserver((_, observer) => {
      if (w.__cardInserted !== undefined || !document.querySelector('.card')) return;
      observer.disconnect();
      w.__cardInserted = performance.now();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => (w.__cardPainted = performance.now());
        channel.port2.postMessage(0);
      });
    }).observe(document, { childList: true, subtree: true });
  })()`);
}

export type FirstCard = { inserted: number; painted: number; seen: number };

/** After `recordFirstCard` on the page's context: navigation start → the first card inserted, painted, and seen by Playwright. */
export async function firstCard(page: Page, url: string): Promise<FirstCard> {
  await page.goto(url + '#/pipeline');
  await page.locator('.card').first().waitFor();
  const seen = await page.evaluate(() => performance.now());
  await page.waitForFunction('window.__cardPainted !== undefined');
  const own = (await page.evaluate('({ inserted: window.__cardInserted, painted: window.__cardPainted })')) as {
    inserted: number;
    painted: number;
  };
  return { ...own, seen };
}
