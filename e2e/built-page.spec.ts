import fs from 'node:fs';
import path from 'node:path';
import { contentSecurityPolicy, pageContentSecurityPolicy } from '../src/server/security';
import { expect, test } from './fixtures/app';
import { PipelinePage } from './page-models/pipeline-page';

// The built page, checked in the e2e stage, which `npm test` runs after the build: never skipped.
test('the built page has the strict CSP and loads in Chromium without a CSP error', async ({ page, app }) => {
  const built = path.resolve('out/renderer/index.html');
  expect(fs.existsSync(built), `${built} is missing: run "npm run build" first`).toBe(true);
  const html = fs.readFileSync(built, 'utf8');
  const metas = [...html.matchAll(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/g)].map((m) => m[1]);
  expect(metas).toEqual([pageContentSecurityPolicy]);
  expect(pageContentSecurityPolicy).not.toContain('frame-ancestors');
  const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
  expect(scripts.length).toBeGreaterThan(0);
  expect(
    scripts.filter((attributes) => !/\bsrc=/.test(attributes)),
    'inline scripts',
  ).toEqual([]);

  // Chromium logs "frame-ancestors is ignored when delivered via a <meta> element" (and any violation) as a console error.
  const cspMessages: string[] = [];
  page.on('console', (message) => {
    if (/content security policy|frame-ancestors/i.test(message.text()))
      cspMessages.push(`${message.type()}: ${message.text()}`);
  });
  const response = await page.goto(app.url);
  expect(response?.headers()['content-security-policy']).toBe(contentSecurityPolicy);
  await new PipelinePage(page).open(app.url);
  expect(cspMessages).toEqual([]);
});
