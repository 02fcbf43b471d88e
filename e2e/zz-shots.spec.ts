import { expect, test } from './fixtures/app';
import { callApi, createLead, isoDay } from './page-models/api';

for (const colorScheme of ['light', 'dark'] as const) {
  for (const [w, h] of [[1280, 720], [1920, 1080]] as const) {
    test(`shots ${colorScheme} ${w}`, async ({ page, app }) => {
      test.setTimeout(180_000);
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width: w, height: h });
      await callApi(app, 'sample:load', { leads: 150 });
      const l = await createLead(app, { title: `https://www.upwork.com/freelance-jobs/apply/${'Senior-React-Developer-fintech-'.repeat(3)}`, stage: 'applied', value: '800', followUpOn: isoDay(0) });
      await callApi(app, 'activity:create', { leadId: l.id, kind: 'call', at: new Date().toISOString(), text: 'Discussed scope and timeline' });
      const shot = async (name: string) => page.screenshot({ path: `/tmp/dly/shots/${name}-${colorScheme}-${w}.png` });
      for (const [hash, name, ready] of [
        ['#/pipeline', 'pipeline', '.card'], ['#/leads?stale=1', 'leads', 'tbody tr.row'], ['#/follow-ups', 'follow-ups', '.follow-item'],
        ['#/reports?preset=all-time', 'reports', '.report-table'], ['#/settings', 'settings', '.prefs-grid'], [`#/lead/${l.id}`, 'lead', '.timeline'],
      ] as const) {
        await page.goto(`${app.url}${hash}`);
        await expect(page.locator(ready).first()).toBeVisible();
        await page.waitForTimeout(300);
        await shot(name);
        if (name === 'lead') { await page.locator('.activity').scrollIntoViewIfNeeded(); await shot('lead-activity'); }
      }
      await page.getByLabel('Move to stage').selectOption({ label: 'Won' });
      await page.getByRole('checkbox', { name: 'Record payment' }).check();
      await page.waitForTimeout(300);
      await shot('won');
      await page.keyboard.press('Escape');
      await page.getByRole('searchbox', { name: 'Search leads' }).fill('logo');
      await page.waitForTimeout(400);
      await shot('search');
    });
  }
}
