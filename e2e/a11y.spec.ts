import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/app';
import { callApi } from './page-models/api';
import { LeadForm } from './page-models/lead-form';

/** Serious and critical axe-core violations, with enough detail to fix them. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('main pages have no serious or critical accessibility violations', async ({ page, app }) => {
      await page.goto(app.url);
      await expect(page.getByRole('heading', { name: 'No leads yet' })).toBeVisible();
      expect(await seriousViolations(page), 'empty state').toEqual([]);

      await callApi(app, 'sample:load', { leads: 40 });
      const checks: [string, string, string][] = [
        ['#/pipeline', 'Pipeline', '.card'],
        ['#/leads', 'Leads', 'tbody tr.row'],
        ['#/follow-ups', 'Follow-ups', '.page-summary'],
        ['#/sources', 'Channels', 'tbody tr'],
        ['#/lead/3', 'Stage history', '.history li'],
      ];
      for (const [hash, heading, ready] of checks) {
        await page.goto(`${app.url}${hash}`);
        await expect(page.getByRole('heading', { name: heading }).first()).toBeVisible();
        await expect(page.locator(ready).first()).toBeVisible();
        expect(await seriousViolations(page), hash).toEqual([]);
      }

      // The form with errors showing.
      await page.goto(`${app.url}#/pipeline`);
      await page.getByRole('button', { name: 'New lead' }).click();
      const form = new LeadForm(page);
      await form.fill({ Connects: '-1' });
      await form.save();
      await form.expectError('Title', 'Give the lead a title');
      expect(await seriousViolations(page), 'new lead form').toEqual([]);
    });
  });
}
