import { expect, test } from './fixtures/app';
import { callApi, sourceIdByName } from './page-models/api';

// The date format follows the browser's locale until a format is chosen in Settings.
const cases = [
  { locale: 'en-US', created: 'Aug 14, 2026' },
  { locale: 'en-GB', created: '14 Aug 2026' },
  { locale: 'de-DE', created: '14. Aug. 2026' },
];

for (const { locale, created } of cases) {
  test.describe(locale, () => {
    test.use({ locale, viewport: { width: 1280, height: 720 } });

    test(`dates follow ${locale} by default, and an explicit choice wins`, async ({ page, app }) => {
      const lead = await callApi<{ id: number }>(app, 'leads:create', {
        title: 'Locale check',
        sourceId: await sourceIdByName(app, 'Upwork'),
        stage: 'new',
        createdOn: '2026-08-14',
      });
      await page.goto(`${app.url}#/lead/${lead.id}`);
      const details = page.locator('.lead-page');
      await expect(details).toContainText(created);

      await page.goto(`${app.url}#/settings`);
      await page.getByRole('region', { name: 'Preferences' }).getByLabel('Date format').selectOption('yyyy-MM-dd');
      await expect(page.getByText('Date format saved')).toBeVisible();
      await page.goto(`${app.url}#/lead/${lead.id}`);
      await expect(details).toContainText('2026-08-14');
      await expect(details).not.toContainText(created);
    });
  });
}
