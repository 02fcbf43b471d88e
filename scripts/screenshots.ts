// README screenshots at 1280×720: every page of the main navigation (found in the running app, so
// pages added later are included), a lead page and the Won dialog, light and (for a few) dark.
// `npm run screenshots` (builds first); `-- --all-dark` for a dark shot of every page too.
// Writes resources/screenshots/*.png and the gallery between the README's screenshot markers.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'resources/screenshots');
const bin = path.join(root, 'bin/leadledger.js');
const viewport = { width: 1280, height: 720 };
/** Pages whose dark version is worth a picture; `--all-dark` takes every page. */
const darkToo = new Set(['pipeline', 'lead', 'reports', 'follow-ups', 'settings', 'won-dialog']);
const allDark = process.argv.includes('--all-dark');
const begin = '<!-- screenshots:start (made by npm run screenshots) -->';
const end = '<!-- screenshots:end -->';

type Shot = { slug: string; label: string; theme: 'light' | 'dark'; file: string };

function startServer(dbPath: string): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, '--db', dbPath, 'web', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /running at (\S+)/.exec(out);
      if (match) resolve({ url: match[1]!, child });
    });
    child.on('exit', (code) => reject(new Error(`leadledger web exited with ${code}`)));
  });
}

async function call<T>(url: string, name: string, input: unknown): Promise<T> {
  const base = new URL(url);
  const response = await fetch(`${base.origin}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${base.searchParams.get('token')}` },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!result.ok) throw new Error(`${name}: ${result.error?.message}`);
  return result.value;
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(400);
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(root, 'out/renderer/index.html')))
    throw new Error('no build: run `npm run build` first (npm run screenshots does)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadledger-shots-'));
  const dbPath = path.join(dir, 'leadledger.db');
  const seeded = spawnSync(process.execPath, [bin, '--db', dbPath, 'seed', '--leads', '300', '--seed', '7'], {
    stdio: 'inherit',
  });
  if (seeded.status !== 0) throw new Error('seeding the sample data failed');
  const server = await startServer(dbPath);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  const shots: Shot[] = [];
  try {
    const page = await browser.newPage({ viewport, locale: 'en-US', colorScheme: 'light' });
    await page.goto(server.url);
    await settle(page);
    const nav = await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link')
      .evaluateAll((links) =>
        links.map((a) => ({
          href: a.getAttribute('href') ?? '',
          label: (a.querySelector('.nav-label')?.textContent ?? a.textContent ?? '').trim(),
        })),
      );
    const pages = nav
      .filter((n) => n.href.startsWith('#/'))
      .map((n) => ({ slug: n.href.slice(2).split(/[/?]/)[0]!, label: n.label, href: n.href }));
    const open = (await call<{ rows: { id: number }[] }>(server.url, 'leads:list', { stages: ['interview'], limit: 1 }))
      .rows[0];
    const won = (await call<{ rows: { id: number }[] }>(server.url, 'leads:list', { stages: ['won'], limit: 1 }))
      .rows[0];
    if (!open || !won) throw new Error('the sample data has no interview or won lead');
    fs.mkdirSync(outDir, { recursive: true });
    for (const theme of ['light', 'dark'] as const) {
      await call(server.url, 'preferences:update', { theme });
      const take = async (slug: string, label: string) => {
        if (theme === 'dark' && !allDark && !darkToo.has(slug)) return;
        await settle(page);
        const file = `${slug}-${theme}.png`;
        await page.screenshot({ path: path.join(outDir, file), animations: 'disabled', caret: 'hide' });
        shots.push({ slug, label, theme, file });
      };
      for (const p of pages) {
        await page.goto(`${server.url}${p.href}`);
        await page.locator('main h1').first().waitFor();
        await take(p.slug, p.label);
      }
      await page.goto(`${server.url}#/lead/${won.id}`);
      await page.locator('main h1').first().waitFor();
      await take('lead', 'Lead page');
      await page.goto(`${server.url}#/lead/${open.id}`);
      await page.getByLabel('Move to stage').selectOption({ label: 'Won' });
      await page.getByRole('dialog').getByRole('checkbox', { name: 'Record payment' }).check();
      await take('won-dialog', 'Won dialog');
      await page.keyboard.press('Escape');
    }
  } finally {
    await browser.close();
    server.child.kill('SIGTERM');
  }
  writeGallery(shots);
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`${shots.length} screenshots in ${path.relative(root, outDir)}; README gallery updated`);
}

/** One table row per page: light, and dark beside it when there is one. */
function writeGallery(shots: Shot[]): void {
  const readmePath = path.join(root, 'README.md');
  const readme = fs.readFileSync(readmePath, 'utf8');
  const from = readme.indexOf(begin);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md has no "${begin}" … "${end}" block`);
  const cell = (s: Shot | undefined) =>
    s ? `![${s.label}${s.theme === 'dark' ? ', dark' : ''}](resources/screenshots/${s.file})` : '';
  const rows = shots
    .filter((s) => s.theme === 'light')
    .map(
      (light) =>
        `| ${light.label} | ${cell(light)} | ${cell(shots.find((d) => d.slug === light.slug && d.theme === 'dark'))} |`,
    );
  const table = ['| Page | Light | Dark |', '|---|---|---|', ...rows].join('\n');
  fs.writeFileSync(readmePath, `${readme.slice(0, from + begin.length)}\n${table}\n${readme.slice(to)}`);
  // Old gallery images go; an image the README still shows elsewhere (e.g. the time screenshots) stays.
  const readmeNow = fs.readFileSync(readmePath, 'utf8');
  for (const file of fs.readdirSync(outDir)) {
    if (!shots.some((s) => s.file === file) && !readmeNow.includes(`resources/screenshots/${file}`))
      fs.rmSync(path.join(outDir, file));
  }
  fs.copyFileSync(path.join(outDir, 'pipeline-light.png'), path.join(root, 'resources/screenshot.png'));
}

main().catch((error: Error) => {
  console.error(`screenshots: ${error.message}`);
  process.exit(1);
});
