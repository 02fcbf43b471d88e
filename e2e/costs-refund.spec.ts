import { expect, test } from './fixtures/app';

// docs/domain.md §7 signs in the Costs form: a refund of a cost, and a Connects purchase that cannot be
// negative, refused by the form with the API's own words before any request.
test('the expense form records a refund and refuses a negative Connects purchase, naming the field', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`${app.url}#/costs`);
  const form = page.getByRole('form', { name: 'Add an expense' });
  await expect(form).toBeVisible();
  await form.getByLabel('Category').selectOption('connects');
  await form.getByLabel('Amount', { exact: true }).fill('-12.00');
  await form.getByLabel('Connects bought').fill('80');
  await form.getByRole('button', { name: 'Add expense' }).click();
  await expect(form.getByText(/^A Connects purchase cannot be negative/)).toBeVisible();

  await form.getByLabel('Category').selectOption('advertising');
  await form.getByLabel('Kind').selectOption('refund');
  await form.getByLabel('Amount refunded').fill('25.00');
  await form.getByRole('button', { name: 'Add expense' }).click();
  const row = page.getByRole('table', { name: 'Latest expenses' }).getByRole('row').nth(1);
  await expect(row).toContainText('Advertising');
  await expect(row).toContainText('Refund');
  await expect(row).toContainText('-$25.00');
  await page.screenshot({ path: test.info().outputPath('costs-refund.png'), fullPage: true });
  const expenses = JSON.parse((await app.cli('export', 'expenses', '--json')).stdout) as {
    category: string;
    amount: string;
  }[];
  expect(expenses).toMatchObject([{ category: 'advertising', amount: '-25.00' }]);
});
