import { expect, test } from './fixtures/app';
import { callApi, isoDay, sourceIdByName } from './page-models/api';
import { ConnectsPage } from './page-models/connects-page';
import { ReportsPage } from './page-models/reports-page';

// docs/domain.md §5 end to end: an opening balance set in the UI; the Connects screen, the Reports page and
// `leadledger connects --json` agree with the hand computation of docs/domain.md §5.
test('an opening balance set in the UI; Reports and leadledger connects --json agree', async ({ app, page }) => {
  const upwork = await sourceIdByName(app, 'Upwork');
  // Days relative to today, inside the last 12 months: 40 days ago the opening, 35 days ago a lead with 30 connects.
  const openingDay = isoDay(-40);
  const leadDay = isoDay(-35);
  await callApi(app, 'leads:create', {
    sourceId: upwork,
    title: 'Dashboard',
    createdOn: leadDay,
    appliedOn: leadDay,
    connects: 24,
    boostConnects: 6,
  });

  const connects = new ConnectsPage(page);
  await connects.open(app.url);
  await expect(page.getByText(/Assumed start/)).toBeVisible();
  // Bad input first: not a whole number, said next to the field, nothing saved.
  let dialog = await connects.setOpening('12.5', openingDay);
  await expect(dialog.getByText('Whole numbers only')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  dialog = await connects.setOpening('50', openingDay);
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/Assumed start/)).toBeHidden();

  // Hand computation: 50 on the opening day, +10 free on every 1st after it, −30 on the lead's day (all from the opening).
  const firsts: string[] = [];
  for (let d = new Date(`${openingDay}T12:00:00`); ; d.setDate(d.getDate() + 1)) {
    const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    if (iso > isoDay(0)) break;
    if (iso.endsWith('-01')) firsts.push(iso);
  }
  const allowance = firsts.length * 10;
  const balance = 50 + allowance - 30;
  await expect(connects.kpi('Balance')).toHaveText(balance.toLocaleString('en-US'));
  await expect(connects.kpi('Uncovered')).toHaveText('0');

  const cli = await app.cli('connects', '--source', 'Upwork', '--json');
  expect(cli.code).toBe(0);
  expect(JSON.parse(cli.stdout)).toEqual([
    {
      source: 'Upwork',
      balance,
      expiringIn30Days: 0,
      spent: 30,
      bought: 0,
      allowance,
      adjustments: 0,
      expired: 0,
      uncovered: 0,
      start: openingDay,
      startAssumed: false,
    },
  ]);

  // Reports (last 12 months, usage): the 30 connects cost what the opening's credits cost, 30 x $0.15; no uncovered warning.
  const reports = new ReportsPage(page);
  await reports.open(app.url, 'preset=last-12-months&basis=usage');
  await expect(reports.cell('Upwork', 'costs')).toHaveText('$4.50');
  await expect(reports.cell('Upwork', 'connectsPerWin')).toHaveText('—');
  await expect(reports.warnings).toBeHidden();
  const summary = page.getByRole('table', { name: 'Credits balance per channel' });
  await expect(summary.getByRole('row', { name: /Upwork/ })).toContainText(balance.toLocaleString('en-US'));
  const report = JSON.parse((await app.cli('report', '--from', isoDay(-364), '--to', isoDay(0), '--json')).stdout);
  expect(report.channels.find((c: { source: string }) => c.source === 'Upwork')).toMatchObject({
    costs: 450,
    connectsSpent: 30,
    connectsExpired: 0,
  });
});

test('"Matches Upwork?" records the difference as an adjustment with a note', async ({ app, page }) => {
  const upwork = await sourceIdByName(app, 'Upwork');
  await callApi(app, 'connects:set-opening', { sourceId: upwork, count: 40, on: isoDay(-3) });
  const connects = new ConnectsPage(page);
  await connects.open(app.url);
  const before = Number((await connects.kpi('Balance').innerText()).replace(/,/g, ''));
  await page.getByLabel('Upwork shows').fill(String(before - 7));
  await page.getByRole('button', { name: 'Check' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel(/Connects to add/)).toHaveValue('-7');
  await dialog.getByRole('button', { name: 'Save adjustment' }).click();
  await expect(dialog).toBeHidden();
  await expect(connects.kpi('Balance')).toHaveText(String(before - 7));
  await expect(page.getByRole('table', { name: 'Ledger entries' })).toContainText(
    /Matched Upwork's available Connects/,
  );
  await page.getByLabel('Upwork shows').fill(String(before - 7));
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Yes:' })).toBeVisible();
});
