import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures/app';
import { csvFixture, ImportPage } from './page-models/import-page';

// docs/domain.md §6: a Toggl Track Detailed export through the project mapping screen (shown on the
// first import of its projects, saved, reused), in real Chromium against browser mode.

type Source = { id: number; name: string };

test('a Toggl export: projects mapped once (lead offered by client name), imported, and the next file asks nothing', async ({
  page,
  app,
}) => {
  const sources = JSON.parse((await app.cli('api', 'sources:list')).stdout) as Source[];
  const upwork = sources.find((s) => s.name === 'Upwork')!;
  const created = await app.cli(
    'api',
    'leads:create',
    JSON.stringify({
      title: 'Acme app rebuild',
      sourceId: upwork.id,
      client: 'acme',
      stage: 'won',
      createdOn: '2026-10-01',
    }),
  );
  expect(created.code).toBe(0);

  const importPage = new ImportPage(page);
  await importPage.open(app.url);
  await importPage.choose(csvFixture('toggl-detailed.csv'));
  const screen = page.getByRole('region', { name: 'Map projects' });
  await expect(screen.getByRole('heading')).toHaveText('Which channel is each project’s time for?');
  await expect(screen).toContainText('toggl-detailed.csv is a Toggl Track detailed report');
  const rows = screen.locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('Acme app');
  await expect(rows.nth(0)).toContainText('4:46 h');
  const save = screen.getByRole('button', { name: 'Choose a channel for 3 projects' });
  await expect(save).toBeDisabled();
  // The lead is offered by the client's name; choosing it takes its channel.
  await screen.getByLabel('Lead for Acme app').selectOption({ label: 'Acme app rebuild' });
  await expect(screen.getByLabel('Channel for Acme app')).toHaveValue(String(upwork.id));
  await screen.getByLabel('Channel for Proposals').selectOption({ label: 'Upwork' });
  await screen.getByLabel('Kind for Proposals').selectOption('sales');
  await screen.getByLabel('Channel for Portfolio').selectOption({ label: 'Behance' });
  await screen.getByLabel('Kind for Portfolio').selectOption('sales');
  await page.screenshot({ path: test.info().outputPath('time-projects-filled.png') });
  await screen.getByRole('button', { name: 'Save and continue' }).click();

  const recognised = importPage.recognised();
  await expect(recognised.getByRole('heading')).toHaveText('toggl-detailed.csv: Toggl Track detailed report');
  await expect(page.getByText('Time goes to the channels saved for its 3 projects.')).toBeVisible();
  await recognised.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(importPage.summary().getByRole('heading', { name: 'Import finished' })).toBeVisible();
  await expect(importPage.summary()).toContainText('entries under half a minute');
  await page.screenshot({ path: test.info().outputPath('time-import-summary.png'), fullPage: true });

  const entries = JSON.parse((await app.cli('api', 'time:list', JSON.stringify({ limit: 50 }))).stdout) as {
    entries: { date: string; minutes: number; kind: string; sourceName: string; leadTitle: string | null }[];
  };
  expect(entries.entries.map((e) => [e.date, e.minutes, e.kind, e.sourceName, e.leadTitle]).sort()).toEqual([
    ['2026-11-02', 195, 'delivery', 'Upwork', 'Acme app rebuild'],
    ['2026-11-03', 45, 'sales', 'Upwork', null],
    ['2026-11-03', 91, 'delivery', 'Upwork', 'Acme app rebuild'],
    ['2026-11-04', 60, 'sales', 'Behance', null],
  ]);

  // The same file again: no mapping screen, nothing added.
  await importPage.open(app.url);
  await importPage.choose(csvFixture('toggl-detailed.csv'));
  await expect(importPage.recognised()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Map projects' })).toHaveCount(0);
  // Reopened to change it: the saved choices are shown, and Back returns to the file.
  await page.getByRole('button', { name: 'Change the project mapping' }).click();
  const reopened = page.getByRole('region', { name: 'Map projects' });
  await expect(reopened.getByLabel('Kind for Proposals')).toHaveValue('sales');
  await expect(reopened.getByLabel('Lead for Acme app')).toHaveValue(/\d+/);
  await reopened.getByRole('button', { name: 'Back' }).click();
  await expect(importPage.recognised()).toBeVisible();
  const cli = await app.cli('import', csvFixture('toggl-detailed.csv'), '--dry-run');
  expect(cli.stdout).toMatch(/0 inserted, 0 updated, 4 unchanged/);
});

test('the wizard maps any other file to time entries: a date, a duration in decimal hours or H:MM, a channel and kind for the whole file', async ({
  page,
  app,
}) => {
  const importPage = new ImportPage(page);
  await importPage.open(app.url);
  await importPage.choose(path.resolve('src/core/csv/__fixtures__/timesheet.csv'));
  await expect(page.getByTestId('import-problem')).not.toContainText('--mapping');
  const wizard = importPage.wizard();
  await wizard.getByLabel('The rows are').selectOption('time');
  await expect(wizard.getByLabel('Date format')).toHaveValue('DD.MM.YYYY');
  await expect(wizard.getByLabel('duration')).toHaveValue('1');
  await wizard.getByLabel('note').selectOption({ label: 'What' });
  await wizard.getByLabel('Decimal separator').selectOption(',');
  await wizard.getByLabel('Channel for rows without one').fill('Upwork');
  await wizard.getByLabel('Kind when empty').selectOption('sales');
  await expect(wizard.getByText('(every row is valid)')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('time-wizard.png'), fullPage: true });
  await wizard.getByRole('button', { name: 'Import time entries' }).click();
  await expect(importPage.summary().getByRole('heading', { name: 'Import finished' })).toBeVisible();
  const entries = JSON.parse((await app.cli('api', 'time:list', JSON.stringify({ limit: 50 }))).stdout) as {
    entries: { date: string; minutes: number; kind: string; sourceName: string }[];
  };
  expect(entries.entries.map((e) => [e.date, e.minutes, e.kind, e.sourceName]).sort()).toEqual([
    ['2026-11-03', 90, 'sales', 'Upwork'],
    ['2026-11-04', 45, 'sales', 'Upwork'],
    ['2026-11-05', 15, 'sales', 'Upwork'],
  ]);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme, viewport: { width: 1280, height: 720 } });
    test(`the project mapping screen at 1280×720, ${colorScheme}`, async ({ page, app }) => {
      await page.emulateMedia({ colorScheme });
      const importPage = new ImportPage(page);
      await importPage.open(app.url);
      await importPage.choose(csvFixture('toggl-detailed.csv'));
      await expect(page.getByRole('region', { name: 'Map projects' })).toBeVisible();
      await page.screenshot({ path: test.info().outputPath(`time-projects-${colorScheme}.png`) });
      const violations = (await new AxeBuilder({ page }).analyze()).violations.filter(
        (v) => v.impact === 'serious' || v.impact === 'critical',
      );
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  });
}
