import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/app';
import { csvFixture, ImportPage } from './page-models/import-page';

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('the wizard maps a file it has never seen; the mapping is saved and offered again', async ({ page, app }) => {
  const importPage = new ImportPage(page);
  await importPage.open(app.url);
  await importPage.choose(csvFixture('fiverr-earnings.csv'));
  const wizard = importPage.wizard();
  await expect(wizard.getByRole('heading', { name: 'Map the columns of fiverr-earnings.csv' })).toBeVisible();

  await wizard.getByLabel('The rows are').selectOption('payments');
  // Nothing mapped yet: every preview row says what is missing.
  await expect(wizard.locator('tbody tr').first()).toContainText('Choose a column for date, gross');
  await wizard.getByLabel('date *').selectOption({ label: 'Order Date' });
  await wizard.getByLabel('gross *').selectOption({ label: 'Earned' });
  await wizard.getByLabel('description').selectOption({ label: 'Gig' });
  await wizard.getByLabel('Channel for rows without one').fill('Fiverr');
  await wizard.getByLabel('Currency when empty').fill('EUR');
  // Per-row validation: the dates are day first and the amounts use a decimal comma.
  await expect(wizard.locator('tbody tr').first()).toContainText(
    'date "25/09/2026" is not a date in the format YYYY-MM-DD',
  );
  await wizard.getByLabel('Date format').selectOption('DD/MM/YYYY');
  await expect(wizard.locator('tbody tr').first()).toContainText('gross: "1.234,50" is not an amount');
  await wizard.getByLabel('Decimal separator').selectOption(',');
  await expect(wizard.getByText('(every row is valid)')).toBeVisible();
  expect(await seriousViolations(page), 'wizard').toEqual([]);
  await wizard.getByLabel('Mapping name').fill('Fiverr earnings');
  await wizard.getByRole('button', { name: 'Import payments' }).click();

  await expect(importPage.summary().getByRole('heading', { name: 'Import finished' })).toBeVisible();
  await expect(importPage.count('inserted')).toHaveText('2');
  expect(await seriousViolations(page), 'summary').toEqual([]);
  const payments = JSON.parse((await app.cli('export', 'payments', '--json')).stdout);
  expect(
    payments.map((p: { date: string; gross: string; currency: string; source: string; description: string }) => [
      p.date,
      p.gross,
      p.currency,
      p.source,
      p.description,
    ]),
  ).toEqual([
    ['2026-09-25', '1234.50', 'EUR', 'Fiverr', 'Logo design'],
    ['2026-09-26', '80.00', 'EUR', 'Fiverr', 'Banner, animated'],
  ]);

  // The same header comes back: the saved mapping is offered and already applied.
  await importPage.summary().getByRole('button', { name: 'Import another file' }).click();
  await importPage.choose(csvFixture('fiverr-earnings.csv'));
  await expect(
    wizard.getByText('Using your saved mapping “Fiverr earnings” for files with these columns.'),
  ).toBeVisible();
  await expect(wizard.getByLabel('The rows are')).toHaveValue('payments');
  await expect(wizard.getByLabel('Date format')).toHaveValue('DD/MM/YYYY');
  await expect(wizard.getByText('(every row is valid)')).toBeVisible();
  await wizard.getByRole('button', { name: 'Import payments' }).click();
  await expect(importPage.count('unchanged')).toHaveText('2');
  await expect(importPage.count('inserted')).toHaveText('0');

  // The CLI finds the saved mapping by name too.
  const cli = await app.cli('import', csvFixture('fiverr-earnings.csv'), '--mapping', 'Fiverr earnings', '--dry-run');
  expect(cli.code).toBe(0);
  expect(cli.stdout).toMatch(/2 unchanged/);
});
