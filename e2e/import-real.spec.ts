import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures/app';
import { csvFixture, ImportPage } from './page-models/import-page';

// Real-world exports (docs/domain.md §3): the page says which layout and why, previews the rows as read,
// tells what they became, and lets the user decide an unknown type once per platform.

test('a recognised platform file: deciding columns, preview of the rows as read, summary by kind and reason', async ({
  page,
  app,
}) => {
  const importPage = new ImportPage(page);
  await importPage.open(app.url);
  await importPage.choose(csvFixture('upwork-legacy-excel.csv'));
  const recognised = importPage.recognised();
  await expect(recognised.getByRole('heading')).toHaveText(
    'upwork-legacy-excel.csv: Upwork transaction history (legacy statement)',
  );
  await expect(recognised.getByTestId('recognised-by')).toHaveText(
    'Recognised by the columns Date, Ref ID, Type, Description, Amount · read as comma-separated, Date as D-MMM-YY',
  );
  const preview = recognised.getByRole('table', { name: 'The first rows, as they will be imported' });
  await expect(preview.locator('tbody tr')).toHaveCount(10);
  await expect(preview.locator('tbody tr').nth(5)).toContainText('payment');
  await expect(preview.locator('tbody tr').nth(5)).toContainText('300.00 USD');
  await recognised.getByRole('button', { name: 'Import', exact: true }).click();
  const story = importPage.summary().getByRole('list', { name: 'What the rows became' });
  await expect(story).toContainText('3 payments');
  await expect(story).toContainText('2 platform fees (2 joined to their payment)');
  await expect(story).toContainText('1 expense (connects)');
  await expect(story).toContainText('3 transfers');
  const report = JSON.parse((await app.cli('report', '--json')).stdout) as {
    totals: { revenue: number; fees: number };
  };
  expect(report.totals).toMatchObject({ revenue: 99650, fees: 11425 });
});

test('unknown types: listed with their lines, decided once, used by the next import of the platform', async ({
  page,
  app,
}) => {
  const importPage = new ImportPage(page);
  await importPage.open(app.url);
  await importPage.choose(csvFixture('upwork-legacy-unknown-types.csv'));
  await importPage.recognised().getByRole('button', { name: 'Check only' }).click();
  const unknown = importPage.summary().getByRole('group', { name: 'Unknown types' });
  await expect(unknown.getByText('Upwork “Adjustment” 2 rows, lines 2, 5')).toBeVisible();
  const save = unknown.getByRole('button', { name: 'Save and check again' });
  await expect(save).toBeDisabled();
  await unknown.getByLabel(/Adjustment/).selectOption('payment');
  await unknown.getByLabel(/Expense/).selectOption('expense:other');
  await save.click();
  await expect(
    importPage.summary().getByRole('heading', { name: 'Check finished: nothing was written' }),
  ).toBeVisible();
  await expect(importPage.summary().getByRole('group', { name: 'Unknown types' })).toHaveCount(0);
  await expect(importPage.summary().getByRole('list', { name: 'What the rows became' })).toContainText('3 payments');
  await importPage.summary().getByRole('button', { name: 'Import now' }).click();
  await expect(importPage.summary().getByRole('heading', { name: 'Import finished' })).toBeVisible();
  // The CLI uses the saved decision too.
  const cli = await app.cli('import', csvFixture('upwork-legacy-unknown-types.csv'), '--dry-run');
  expect(cli.code).toBe(0);
  expect(cli.stdout).toMatch(/0 inserted, 0 updated, 4 unchanged/);
});

test('another report of a known platform is named, and the wizard offered', async ({ page, app }) => {
  const importPage = new ImportPage(page);
  await importPage.open(app.url);
  await importPage.choose(csvFixture('upwork-earnings-by-contract.csv'));
  await expect(page.getByTestId('import-problem')).toHaveText(
    /This is Upwork's 'Earnings by contract' report; export the Transaction history instead/,
  );
  await expect(importPage.wizard()).toBeVisible();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme, viewport: { width: 1280, height: 720 } });
    test(`the import page at 1280×720, ${colorScheme}: screenshots and no serious accessibility violations`, async ({
      page,
      app,
    }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.emulateMedia({ colorScheme });
      const importPage = new ImportPage(page);
      await importPage.open(app.url);
      await importPage.choose(csvFixture('paypal-de-classic.csv'));
      await expect(
        importPage.recognised().getByRole('table', { name: 'The first rows, as they will be imported' }),
      ).toBeVisible();
      await page.screenshot({ path: test.info().outputPath(`import-recognised-${colorScheme}.png`) });
      const violations = (await new AxeBuilder({ page }).analyze()).violations.filter(
        (v) => v.impact === 'serious' || v.impact === 'critical',
      );
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      await importPage.open(app.url);
      await importPage.choose(csvFixture('upwork-legacy-unknown-types.csv'));
      await importPage.recognised().getByRole('button', { name: 'Check only' }).click();
      await expect(importPage.summary().getByRole('group', { name: 'Unknown types' })).toBeVisible();
      await page.screenshot({
        path: test.info().outputPath(`import-unknown-types-${colorScheme}.png`),
        fullPage: true,
      });
      const after = (await new AxeBuilder({ page }).analyze()).violations.filter(
        (v) => v.impact === 'serious' || v.impact === 'critical',
      );
      expect(after.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  });
}
