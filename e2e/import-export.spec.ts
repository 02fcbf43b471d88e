import fs from 'node:fs';
import path from 'node:path';
import { writeLeadsCsv } from '../src/core/csv/bench/generate-leads';
import { expect, test } from './fixtures/app';
import { csvFixture, ImportPage } from './page-models/import-page';

test('imports a CSV through the UI: recognised, summary, links to the new leads', async ({ page, app }) => {
  const importPage = new ImportPage(page);
  await importPage.open(app.url);
  await importPage.choose(csvFixture('leads-lf.csv'));
  await expect(importPage.recognised().getByRole('heading')).toHaveText('leads-lf.csv: LeadLedger leads');
  await importPage.recognised().getByRole('button', { name: 'Import', exact: true }).click();
  await expect(importPage.summary().getByRole('heading', { name: 'Import finished' })).toBeVisible();
  await expect(importPage.count('inserted')).toHaveText('3');
  await importPage.summary().getByRole('link', { name: 'See the 3 new leads' }).click();
  await expect(page).toHaveURL(/#\/leads\?import=1$/);
  await expect(page.locator('.page-summary')).toHaveText('3 leads match');

  // The same file again adds nothing.
  await importPage.open(app.url);
  await importPage.choose(csvFixture('leads-lf.csv'));
  await importPage.recognised().getByRole('button', { name: 'Import', exact: true }).click();
  await expect(importPage.count('unchanged')).toHaveText('3');
  await expect(importPage.count('inserted')).toHaveText('0');
});

test('a file with bad rows is refused with its line numbers; the valid rows can be imported', async ({ page, app }) => {
  const importPage = new ImportPage(page);
  await importPage.open(app.url);
  await importPage.choose(csvFixture('leads-bad-rows.csv'));
  await importPage.recognised().getByRole('button', { name: 'Import', exact: true }).click();
  await expect(importPage.summary().getByRole('heading', { name: 'Nothing was imported' })).toBeVisible();
  await expect(importPage.summary().locator('.import-invalid li').first()).toHaveText(
    /^Line 4: stage "pending" is not one of/,
  );
  expect(JSON.parse((await app.cli('export', 'leads', '--json')).stdout)).toEqual([]);
  await importPage.summary().getByRole('button', { name: 'Import the valid rows, skip 5 invalid rows' }).click();
  await expect(importPage.summary().getByRole('heading', { name: 'Import finished' })).toBeVisible();
  await expect(importPage.count('inserted')).toHaveText('2');
});

test('a big import shows progress with rows per second, and Cancel leaves nothing imported', async ({ page, app }) => {
  test.setTimeout(120_000);
  const file = path.join(app.dataDir, 'big-leads.csv');
  writeLeadsCsv(file, 400_000);
  const importPage = new ImportPage(page);
  await importPage.open(app.url);
  await importPage.choose(file);
  await importPage.recognised().getByRole('button', { name: 'Import', exact: true }).click();
  await expect(importPage.progress()).toContainText(/[\d,]+ rows · \d+% · [\d,]+ rows\/s/);
  await importPage.progress().getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { name: 'Import cancelled' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Nothing was imported.')).toBeVisible();
  const leads = await app.cli('export', 'leads', '--json');
  expect(JSON.parse(leads.stdout)).toEqual([]);
});

test('dropping a CSV on the window starts an import', async ({ page, app }) => {
  await page.goto(`${app.url}#/leads`);
  await expect(page.getByRole('heading', { name: 'Leads', level: 1 })).toBeVisible();
  const text = fs.readFileSync(csvFixture('upwork-current.csv'), 'utf8');
  await page.evaluate((content) => {
    const data = new DataTransfer();
    data.items.add(new File([content], 'upwork.csv', { type: 'text/csv' }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, text);
  const importPage = new ImportPage(page);
  await expect(importPage.recognised().getByRole('heading')).toHaveText('upwork.csv: Upwork transaction history');
  await importPage.recognised().getByRole('button', { name: 'Import', exact: true }).click();
  await expect(importPage.count('inserted')).toHaveText('18');
  await expect(importPage.count('transfers')).toHaveText('3');
});

test('Export CSV on the Leads page downloads the same bytes as the CLI export', async ({ page, app }) => {
  expect((await app.cli('import', csvFixture('leads-quoted.csv'))).code).toBe(0);
  await page.goto(`${app.url}#/leads`);
  await expect(page.locator('.page-summary')).toHaveText('3 leads');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await (await download).path();
  const downloaded = fs.readFileSync(file, 'utf8');
  expect(downloaded).toBe((await app.cli('export', 'leads')).stdout);
  expect(downloaded).toContain(`"'=HYPERLINK(""http://evil"")"`);
});
