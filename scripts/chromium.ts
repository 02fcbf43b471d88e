import fs from 'node:fs';
import { chromium } from 'playwright-core';

/** Playwright's own Chromium when it was installed (undefined: Playwright finds it), else Debian's (`apt-get install chromium`). */
export function chromiumPath(): string | undefined {
  try {
    const own = chromium.executablePath();
    if (own && fs.existsSync(own)) return undefined;
  } catch {
    // no bundled browser
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));
}

/** Flags for Chromium in a container: no sandbox, GPU or background traffic. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
