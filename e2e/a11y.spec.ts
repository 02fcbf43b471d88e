import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/app';
import { callApi, createLead, isoDay } from './page-models/api';
import { LostDialog, WonDialog } from './page-models/closeout-dialogs';
import { TopSearch } from './page-models/top-search';
import { LeadForm } from './page-models/lead-form';

/** Serious and critical axe-core violations, with enough detail to fix them. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('main pages have no serious or critical accessibility violations', async ({ page, app }) => {
      test.setTimeout(180_000); // axe over six pages: ~20 s on a quiet machine, much more on a busy one
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

    test('the daily loop screens and dialogs have no serious or critical violations', async ({ page, app }) => {
      test.setTimeout(180_000); // axe over seven screens and dialogs: about 50 s here on a busy machine
      await page.setViewportSize({ width: 1280, height: 720 });
      await callApi(app, 'sample:load', { leads: 40 });
      const lead = await createLead(app, { title: 'Axe lead', stage: 'applied', value: '300', followUpOn: isoDay(0) });
      await callApi(app, 'activity:create', {
        leadId: lead.id,
        kind: 'call',
        at: new Date().toISOString(),
        text: 'Talked',
      });
      for (const [hash, ready] of [
        ['#/settings', 'Preferences'],
        ['#/reports', 'Lost reasons'],
        ['#/follow-ups', 'Today'],
      ] as const) {
        await page.goto(`${app.url}${hash}`);
        await expect(page.getByRole('heading', { name: ready }).first()).toBeVisible();
        expect(await seriousViolations(page), hash).toEqual([]);
      }
      await page.goto(`${app.url}#/lead/${lead.id}`);
      await page.getByRole('button', { name: 'Log activity' }).click();
      await expect(page.getByRole('list', { name: 'Timeline' }).getByRole('listitem').first()).toBeVisible();
      expect(await seriousViolations(page), 'lead page with the log form').toEqual([]);

      const search = new TopSearch(page);
      await search.box.click();
      await search.type('Axe');
      await expect(search.result('Axe lead')).toBeVisible();
      expect(await seriousViolations(page), 'search results').toEqual([]);
      await page.keyboard.press('Escape');

      await page.getByLabel('Move to stage').selectOption({ label: 'Won' });
      const won = new WonDialog(page, 'Axe lead');
      await won.recordPayment().check();
      await won.field('Amount').fill('5000');
      await won.save();
      await won.expectError('Amount', /more than ten times/);
      expect(await seriousViolations(page), 'won dialog').toEqual([]);
      await page.keyboard.press('Escape');
      await page.getByLabel('Move to stage').selectOption({ label: 'Lost' });
      const lost = new LostDialog(page, 'Axe lead');
      await lost.save();
      await expect(lost.reason()).toHaveAccessibleDescription('Choose a reason');
      expect(await seriousViolations(page), 'lost dialog').toEqual([]);
    });
  });
}
