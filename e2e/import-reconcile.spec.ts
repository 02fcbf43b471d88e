import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures/app';
import { ImportPage } from './page-models/import-page';

// docs/domain.md §7 in the app: the preview lists "matched to what you entered" and the possible
// duplicates (unticked, with their candidates); a tick makes one the same; the summary counts each and
// offers Undo, as does the Imports history.
const statement = [
  'Date,Ref ID,Type,Description,Agency,Freelancer,Team,Account Name,PO,Amount,Amount in local currency,Currency,Balance',
  '24-Mar-26,900003,Fixed Price,Invoice for API integration,,,,Ever,,250,,,0',
  '13-Mar-26,900002,Hourly,Invoice for Shopify theme fixes,,,,Ever,,240,,,0',
  '06-Mar-26,900001,Fixed Price,Invoice for Landing page rebuild,,,,Ever,,200,,,0',
].join('\n');

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the preview matches typed payments and lets the user tick a possible duplicate (${colorScheme})`, async ({
    page,
    app,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.emulateMedia({ colorScheme });
    const api = async (op: string, input: object) =>
      JSON.parse((await app.cli('api', op, JSON.stringify(input))).stdout) as { id: number; name: string }[] & {
        id: number;
      };
    const upwork = (await api('sources:list', {})).find((s) => s.name === 'Upwork')!.id;
    const typed = await api('payments:create', { sourceId: upwork, date: '2026-03-03', gross: '200.00' });
    const early = await api('payments:create', { sourceId: upwork, date: '2026-02-20', gross: '240.00' });
    const file = path.join(app.dataDir, 'statements_2026-03-01_2026-03-31.csv');
    fs.writeFileSync(file, `${statement}\n`);

    const importPage = new ImportPage(page);
    await importPage.open(app.url);
    await importPage.choose(file);
    await importPage.recognised().getByRole('button', { name: 'Check only' }).click();
    const summary = importPage.summary();
    await expect(summary.getByRole('heading', { name: 'Check finished: nothing was written' })).toBeVisible();
    await expect(summary.getByRole('list', { name: 'Matched to what you entered' }).getByRole('listitem')).toHaveText([
      `payment of 2026-03-06, 200.00 USD is payment #${typed.id} (2026-03-03, 200.00 USD, Upwork): counted once, keeping your link and notes`,
    ]);
    const tick = summary.getByRole('checkbox', {
      name: `the same as payment #${early.id} (2026-02-20, 240.00 USD, Upwork)`,
    });
    await expect(tick).not.toBeChecked();
    await expect(summary.getByTestId('count-duplicates')).toHaveText('1');
    await tick.check();
    await page.screenshot({ path: test.info().outputPath(`import-preview-${colorScheme}.png`), fullPage: true });

    await summary.getByRole('button', { name: 'Import now' }).click();
    await expect(summary.getByRole('heading', { name: 'Import finished' })).toBeVisible();
    await expect(summary.getByTestId('count-matched')).toHaveText('2');
    await expect(summary.getByTestId('count-inserted')).toHaveText('1');
    await expect(summary.getByTestId('count-duplicates')).toHaveCount(0);
    const payments = JSON.parse((await app.cli('export', 'payments', '--json')).stdout) as { date: string }[];
    expect(payments.map((p) => p.date).sort()).toEqual(['2026-03-06', '2026-03-13', '2026-03-24']);
    await page.screenshot({ path: test.info().outputPath(`import-summary-${colorScheme}.png`), fullPage: true });

    await summary.getByRole('button', { name: 'Undo this import' }).click();
    await expect(summary.getByTestId('import-undone')).toHaveText(
      'Import undone: 1 record removed, 2 records you entered put back',
    );
    const back = JSON.parse((await app.cli('export', 'payments', '--json')).stdout) as { date: string }[];
    expect(back.map((p) => p.date).sort()).toEqual(['2026-02-20', '2026-03-03']);

    // The Imports history says it was undone.
    await importPage.open(app.url);
    const history = page.getByRole('region', { name: 'Imports history' });
    await expect(history.getByRole('row').nth(1)).toContainText('statements_2026-03-01_2026-03-31.csv');
    await expect(history.getByRole('row').nth(1)).toContainText('undone');
    await page.screenshot({ path: test.info().outputPath(`imports-history-${colorScheme}.png`), fullPage: true });
  });
}
