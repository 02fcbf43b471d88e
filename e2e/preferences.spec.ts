import { expect, test } from './fixtures/app';
import { callApi } from './page-models/api';

test.use({ viewport: { width: 1280, height: 720 } });

test('Settings: theme, date format, stale threshold, lost reasons and the base currency moved from Costs', async ({
  page,
  app,
}) => {
  await page.goto(`${app.url}#/settings`);
  const prefs = page.getByRole('region', { name: 'Preferences' });
  await prefs.getByLabel('Theme').selectOption({ label: 'Dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(21, 23, 28)');
  await prefs.getByLabel('Theme').selectOption({ label: 'Light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');

  await prefs.getByLabel('Date format').selectOption('yyyy-MM-dd');
  await prefs.getByLabel('Stale after (days)').fill('0');
  await prefs.getByLabel('Stale after (days)').blur();
  await expect(prefs.getByLabel('Stale after (days)')).toHaveAccessibleDescription('At least 1 day');
  await prefs.getByLabel('Stale after (days)').fill('30');
  await prefs.getByLabel('Stale after (days)').blur();
  await expect(page.getByText('Leads are stale after 30 days')).toBeVisible();

  await prefs.getByLabel('New reason').fill('Budget cut');
  await prefs.getByRole('button', { name: 'Add reason' }).click();
  await expect(prefs.getByRole('list', { name: 'Lost reasons' })).toContainText('Budget cut');
  await prefs.getByRole('button', { name: 'Remove Not a fit' }).click();
  await expect(prefs.getByRole('list', { name: 'Lost reasons' })).not.toContainText('Not a fit');
  // Saved first, then shown: a click, then wait for the box to follow.
  await prefs.getByRole('checkbox', { name: /Desktop notification/ }).click();
  await expect(prefs.getByRole('checkbox', { name: /Desktop notification/ })).not.toBeChecked();

  expect(await callApi(app, 'preferences:get', {})).toMatchObject({
    theme: 'light',
    dateFormat: 'yyyy-MM-dd',
    staleDays: 30,
    notifications: false,
    lostReasons: ['Price', 'No reply', 'Chose someone else', 'Job cancelled', 'Budget cut'],
  });

  // Dates follow the chosen format, and the theme is kept after a reload.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  const form = page.getByRole('form', { name: 'Base currency' });
  await form.getByLabel('Base currency').fill('EUR');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Base currency set to EUR')).toBeVisible();
  expect((await callApi<{ baseCurrency: string }>(app, 'app:info', {})).baseCurrency).toBe('EUR');
  await page.goto(`${app.url}#/costs`);
  await expect(page.getByRole('form', { name: 'Base currency' })).toHaveCount(0);
  await expect(page.locator('.page-summary')).toContainText('Amounts in EUR');
});
