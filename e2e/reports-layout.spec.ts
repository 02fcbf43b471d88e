import { expect, test } from './fixtures/app';
import { callApi, sourceIdByName } from './page-models/api';
import { ReportsPage } from './page-models/reports-page';

test.use({ viewport: { width: 1280, height: 720 } });

test('at 1280×720 the Reports table shows Channel and Profit without scrolling and says it scrolls', async ({
  page,
  app,
}) => {
  await callApi(app, 'sample:load', { leads: 60 });
  const reports = new ReportsPage(page);
  await reports.open(app.url, 'preset=all-time');
  const viewport = page.viewportSize()!;
  for (const key of ['profit', 'roi', 'costPerWin']) {
    const box = (await reports.cell('Total', key).boundingBox())!;
    expect(box.x + box.width, key).toBeLessThanOrEqual(viewport.width);
  }
  await expect(reports.table.getByRole('columnheader').nth(1)).toHaveText(/^Profit/);
  await expect(page.getByText('More columns →')).toBeVisible();
  // Scrolled sideways, the channel names stay (sticky first column).
  const scroller = page.getByRole('region', { name: 'Channels table' });
  await scroller.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  const name = (await reports.row('Total').locator('th').boundingBox())!;
  const area = (await scroller.boundingBox())!;
  expect(name.x).toBeGreaterThanOrEqual(area.x - 1);
  await expect(page.getByText('More columns →')).toBeHidden();
});

test('a channel with one month of data still shows, and every chart has a table view', async ({ page, app }) => {
  const upwork = await sourceIdByName(app, 'Upwork');
  await callApi(app, 'payments:create', { date: '2026-08-14', sourceId: upwork, gross: '900', fee: '90' });
  await callApi(app, 'leads:create', { title: 'One lead', sourceId: upwork, createdOn: '2026-08-02' });
  const reports = new ReportsPage(page);
  await reports.open(app.url, 'preset=custom&from=2026-08-01&to=2026-08-31');
  const monthly = page.getByRole('figure', { name: /Monthly profit/ });
  await expect(monthly.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await monthly.getByText('Show as a table').click();
  await expect(
    monthly.getByRole('table', { name: 'Monthly profit per channel' }).getByRole('row', { name: /2026-08/ }),
  ).toContainText('$810.00');
  const funnel = page.getByRole('figure', { name: 'Funnel' });
  await funnel.getByText('Show as a table').click();
  await expect(funnel.getByRole('row', { name: /^Leads/ })).toContainText('1');
  await expect(page.getByRole('figure', { name: /Cost breakdown/ })).toBeVisible();
});
