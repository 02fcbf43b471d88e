import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures/app';
import type { RunningApp } from './fixtures/app';
import { callApi, sourceIdByName } from './page-models/api';
import { ReportsPage } from './page-models/reports-page';
import { presetRange } from '../src/shared/reports/presets';
import { formatDay } from '../src/renderer/lib/format';

type Row = Record<string, number | string | null>;
type Report = {
  from: string;
  to: string;
  basis: string;
  currency: string;
  channels: Row[];
  totals: Row;
  warnings: string[];
};

/** A small, known history in July and August 2026 across three channels, one EUR payment without a rate. */
async function seedHistory(app: RunningApp) {
  const upwork = await sourceIdByName(app, 'Upwork');
  const fiverr = await sourceIdByName(app, 'Fiverr');
  const referral = await sourceIdByName(app, 'Referral');
  const lead = (sourceId: number, input: object) => callApi(app, 'leads:create', { sourceId, title: 'Job', ...input });
  await lead(upwork, {
    createdOn: '2026-08-01',
    appliedOn: '2026-08-01',
    closedOn: '2026-08-09',
    stage: 'won',
    connects: 16,
    boostConnects: 20,
    value: '1250.50',
  });
  await lead(upwork, {
    createdOn: '2026-08-05',
    appliedOn: '2026-08-05',
    stage: 'interview',
    connects: 12,
    connectsRefunded: 12,
  });
  await lead(upwork, { createdOn: '2026-08-10', appliedOn: '2026-08-10', stage: 'replied', connects: 12 });
  await lead(fiverr, { createdOn: '2026-08-03', appliedOn: '2026-08-03', stage: 'applied' });
  await lead(referral, { createdOn: '2026-07-20', closedOn: '2026-08-02', stage: 'won', value: '800' });
  await callApi(app, 'payments:create', { date: '2026-08-12', sourceId: upwork, gross: '1000.00' });
  await callApi(app, 'payments:create', { date: '2026-08-20', sourceId: upwork, gross: '-200.00' });
  await callApi(app, 'payments:create', { date: '2026-08-14', sourceId: fiverr, gross: '300.00', currency: 'EUR' });
  await callApi(app, 'payments:create', { date: '2026-08-16', sourceId: referral, gross: '800.00' });
  await callApi(app, 'expenses:create', {
    date: '2026-08-02',
    sourceId: upwork,
    category: 'connects',
    amount: '12.00',
    connects: 80,
  });
  await callApi(app, 'expenses:create', { date: '2026-08-15', sourceId: null, category: 'tax', amount: '50.00' });
  await callApi(app, 'subscriptions:create', {
    sourceId: upwork,
    name: 'Freelancer Plus',
    period: 'monthly',
    amount: '19.99',
    startsOn: '2026-01-31',
  });
}

const usd = (minor: number | string | null) =>
  minor === null
    ? '—'
    : new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(Number(minor) / 100);
const pct = (v: number | string | null) => (v === null ? '—' : `${(Number(v) * 100).toFixed(1)}%`);

async function expectAgrees(reports: ReportsPage, json: Report) {
  for (const row of [...json.channels, { source: 'Total', ...json.totals }]) {
    const name = String(row.source);
    await expect(reports.cell(name, 'leads')).toHaveText(String(row.leads));
    await expect(reports.cell(name, 'wins')).toHaveText(String(row.wins));
    await expect(reports.cell(name, 'winRate')).toHaveText(pct(row.winRate ?? null));
    await expect(reports.cell(name, 'connectsSpent')).toHaveText(String(row.connectsSpent));
    for (const key of [
      'revenue',
      'fees',
      'costs',
      'profit',
      'costPerLead',
      'costPerWin',
      'revenuePerConnect',
      'booked',
    ]) {
      await expect(reports.cell(name, key)).toHaveText(usd(row[key] ?? null));
    }
    await expect(reports.cell(name, 'roi')).toHaveText(pct(row.roi ?? null));
    await expect(reports.cell(name, 'medianDaysToWin')).toHaveText(
      row.medianDaysToWin === null ? '—' : String(row.medianDaysToWin),
    );
  }
  expect((await reports.channelOrder()).sort()).toEqual(json.channels.map((c) => String(c.source)).sort());
}

test.use({ locale: 'en-US' });

test('the Reports page agrees with `leadledger report --json` for both bases', async ({ page, app }) => {
  await seedHistory(app);
  const reports = new ReportsPage(page);
  await reports.open(app.url);
  await reports.customRange('2026-08-01', '2026-08-31');
  for (const basis of ['usage', 'cash'] as const) {
    const cli = await app.cli('report', '--from', '2026-08-01', '--to', '2026-08-31', '--basis', basis, '--json');
    expect(cli.code).toBe(0);
    const json = JSON.parse(cli.stdout) as Report;
    expect(json.channels.map((c) => c.source)).toEqual(['Upwork', 'Fiverr', 'Referral', '(no channel)']);
    await reports.basis(basis === 'usage' ? 'Usage' : 'Cash');
    await expectAgrees(reports, json);
    await expect(reports.warnings).toContainText(json.warnings[0]!);
  }
  // The EUR payment counts once a rate exists; the page follows the data.
  await callApi(app, 'rates:set', { currency: 'EUR', month: '2026-08', rate: '1.10' });
  await page.reload();
  const json = JSON.parse(
    (await app.cli('report', '--from', '2026-08-01', '--to', '2026-08-31', '--basis', 'cash', '--json')).stdout,
  ) as Report;
  expect(json.warnings).toEqual([]);
  await expect(reports.cell('Fiverr', 'revenue')).toHaveText('$330.00');
  await expectAgrees(reports, json);
  await expect(reports.warnings).toHaveCount(0);
});

test('sorts, drills down into a channel and links to its leads', async ({ page, app }) => {
  await seedHistory(app);
  const reports = new ReportsPage(page);
  await reports.open(app.url, 'preset=custom&from=2026-07-01&to=2026-08-31&basis=usage');
  await expect(reports.row('Referral')).toBeVisible();
  await reports.sortBy('Leads');
  await expect.poll(() => reports.channelOrder()).toEqual(['Upwork', 'Fiverr', 'Referral', '(no channel)']);
  await reports.sortBy('Leads');
  await expect.poll(() => reports.channelOrder()).toEqual(['(no channel)', 'Fiverr', 'Referral', 'Upwork']);
  await reports.row('Upwork').getByRole('button', { name: 'Upwork' }).click();
  const drill = page.getByRole('region', { name: 'Upwork' });
  await expect(drill.getByRole('table', { name: 'Payments of Upwork' })).toContainText('-$200.00');
  await expect(drill.getByRole('table', { name: 'Expenses of Upwork' })).toContainText('connects (80)');
  const upwork = await sourceIdByName(app, 'Upwork');
  await expect(drill.getByRole('link', { name: 'Open its leads' })).toHaveAttribute(
    'href',
    `#/leads?source=${upwork}&from=2026-07-01&to=2026-08-31`,
  );
});

test('Export on the Reports page downloads the report of the shown range, as the CLI exports it', async ({
  page,
  app,
}) => {
  await seedHistory(app);
  const reports = new ReportsPage(page);
  await reports.open(app.url, 'preset=custom&from=2026-08-01&to=2026-08-31&basis=usage');
  await expect(reports.row('Upwork')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export the report CSV' }).click();
  const downloaded = fs.readFileSync((await (await download).path())!, 'utf8');
  const cli = await app.cli('export', 'report', '--from', '2026-08-01', '--to', '2026-08-31');
  expect(cli.code).toBe(0);
  expect(downloaded).toBe(cli.stdout);
  expect(downloaded).toContain('Upwork');
});

test('presets compute their ranges and a reversed custom range is refused', async ({ page, app }) => {
  await seedHistory(app);
  const reports = new ReportsPage(page);
  await reports.open(app.url, 'preset=all-time');
  await expect(page.getByText(/(31 Jan 2026|Jan 31, 2026) –/)).toBeVisible();
  for (const [label, preset] of [
    ['Last month', 'last-month'],
    ['Year to date', 'year-to-date'],
    ['This quarter', 'this-quarter'],
  ] as const) {
    await page.getByLabel('Period').selectOption({ label });
    const range = presetRange(preset, new Date());
    await expect(page.locator('.page-summary')).toContainText(`${formatDay(range.from)} – ${formatDay(range.to)}`);
  }
  await reports.customRange('2026-08-31', '2026-08-01');
  await expect(page.locator('.form-error')).toHaveText('The end date is before the start date');
  await expect(reports.table).toHaveCount(0);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`Reports and Costs pages are accessible (${scheme})`, async ({ page, app }) => {
    test.setTimeout(150_000);
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1400, height: process.env.LEADLEDGER_SCREENSHOTS ? 2600 : 1000 });
    await callApi(app, 'sample:load', { leads: 600, seed: 4 });
    const reports = new ReportsPage(page);
    await reports.open(app.url, 'preset=all-time');
    await expect(reports.row('Upwork')).toBeVisible();
    await reports.row('Upwork').getByRole('button', { name: 'Upwork' }).click();
    await expect(page.getByRole('table', { name: 'Payments of Upwork' })).toBeVisible();
    await expect(page.getByTestId('boost-verdict')).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    if (process.env.LEADLEDGER_SCREENSHOTS)
      await page.screenshot({ path: `${process.env.LEADLEDGER_SCREENSHOTS}/reports-${scheme}.png`, fullPage: true });

    await page.goto(new URL('#/costs', app.url).toString());
    await expect(page.getByRole('heading', { name: 'Costs', level: 1 })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Subscriptions' })).toContainText('Freelancer Plus');
    const costs = await new AxeBuilder({ page }).analyze();
    const costsSerious = costs.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(costsSerious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    if (process.env.LEADLEDGER_SCREENSHOTS)
      await page.screenshot({ path: `${process.env.LEADLEDGER_SCREENSHOTS}/costs-${scheme}.png`, fullPage: true });
  });
}
