import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures/app';
import type { RunningApp } from './fixtures/app';
import { callApi, sourceIdByName } from './page-models/api';
import { ImportPage } from './page-models/import-page';
import { ReportsPage } from './page-models/reports-page';
import { todayLocal } from '../src/renderer/lib/format';

// docs/domain.md §6.1, §6.4 in Chromium: Log time on a lead moves Profit/hour on Reports; the timer survives a
// restart; the board card logs time; a time.csv imports through the Import page.

test.use({ locale: 'en-US' });

async function seed(app: RunningApp) {
  const today = todayLocal();
  const upwork = await sourceIdByName(app, 'Upwork');
  const lead = await callApi<{ id: number }>(app, 'leads:create', {
    sourceId: upwork,
    ref: 'L-TIME',
    title: 'Logo for a bakery',
    createdOn: today,
    stage: 'won',
    closedOn: today,
    value: '1000',
  });
  // Profit 900.00 today: revenue 1000.00, fee 100.00.
  await callApi(app, 'payments:create', {
    date: today,
    sourceId: upwork,
    leadId: lead.id,
    gross: '1000.00',
    fee: '100.00',
  });
  return { today, lead };
}

async function reportToday(page: ReportsPage, url: string, today: string) {
  await page.open(url);
  await page.customRange(today, today);
}

test('log time on a lead, see Profit/hour change on Reports; the timer survives a restart', async ({ page, app }) => {
  const { today, lead } = await seed(app);
  const reports = new ReportsPage(page);
  await reportToday(reports, app.url, today);
  await expect(reports.cell('Upwork', 'profit')).toHaveText('$900.00');
  await expect(reports.cell('Upwork', 'profitPerHour')).toHaveText('—');

  await page.goto(`${app.url}#/lead/${lead.id}`);
  const time = page.getByRole('region', { name: 'Time' });
  await time.getByRole('button', { name: 'Log time' }).click();
  const form = page.getByRole('form', { name: 'Log time' });
  await form.getByLabel('Time', { exact: true }).fill('0');
  await form.getByRole('button', { name: 'Save time' }).click();
  await expect(form.getByText('The time must be more than 0 minutes')).toBeVisible();
  await form.getByLabel('Time', { exact: true }).fill('1:30');
  await form.getByLabel('Kind').selectOption('sales');
  await form.getByLabel('Note').fill('Proposal and call');
  await form.getByRole('button', { name: 'Save time' }).click();
  await expect(time.getByRole('list', { name: 'Time entries' }).getByRole('listitem')).toHaveCount(1);
  await expect(time.getByLabel('Time totals')).toHaveText('Sales 1:30 · Delivery 0:00');

  // 900.00 over 1.5 h = 600.00 an hour; in the total as well.
  await reportToday(reports, app.url, today);
  await expect(reports.cell('Upwork', 'profitPerHour')).toHaveText('$600.00');
  await expect(reports.cell('Upwork', 'salesHours')).toHaveText('1.5');
  await expect(reports.cell('Total', 'profitPerHour')).toHaveText('$600.00');
  const chart = page.locator('figure', { has: page.getByRole('heading', { name: 'Profit per hour by channel' }) });
  await chart.getByText('Show as a table').click();
  await expect(chart.getByRole('table', { name: 'Profit per hour by channel' })).toContainText('$600.00');

  // The timer: started on the lead page, shown in the top bar, still running after a restart, stopped there.
  await page.goto(`${app.url}#/lead/${lead.id}`);
  await time.getByRole('button', { name: 'Start timer' }).click();
  const running = page.getByRole('status', { name: 'Running timer' });
  await expect(running).toContainText('Logo for a bakery');
  const url = await app.restart();
  await page.goto(`${url}#/lead/${lead.id}`);
  await expect(running).toContainText('0:01');
  await running.getByRole('button', { name: 'Stop' }).click();
  await expect(running).toBeHidden();
  await expect(time.getByRole('list', { name: 'Time entries' }).getByRole('listitem')).toHaveCount(2);
  // 91 minutes now: 900.00 × 60 / 91 = 593.41 an hour.
  await reportToday(reports, app.url, today);
  await expect(reports.cell('Upwork', 'profitPerHour')).toHaveText('$593.41');
});

test('the board card logs time, and the Channels page logs channel-level time', async ({ page, app }) => {
  const { today } = await seed(app);
  await page.goto(`${app.url}#/`);
  await page.getByRole('button', { name: 'Log time on Logo for a bakery' }).click();
  const dialog = page.getByRole('dialog', { name: 'Log time: Logo for a bakery' });
  await dialog.getByLabel('Time', { exact: true }).fill('45');
  await dialog.getByLabel('Kind').selectOption('delivery');
  await dialog.getByRole('button', { name: 'Save time' }).click();
  await expect(dialog).toBeHidden();

  await page.goto(`${app.url}#/sources`);
  const panel = page.getByRole('region', { name: 'Time on channels' });
  await panel.getByRole('button', { name: 'Log channel time' }).click();
  await panel.getByLabel('Channel', { exact: true }).selectOption({ label: 'Behance' });
  await panel.getByLabel('Time', { exact: true }).fill('2:00');
  await panel.getByLabel('Note').fill('Portfolio post');
  await panel.getByRole('button', { name: 'Save time' }).click();
  await expect(panel.getByRole('list', { name: 'Channel time entries' })).toContainText('Portfolio post');

  const reports = new ReportsPage(page);
  await reportToday(reports, app.url, today);
  await expect(reports.cell('Upwork', 'deliveryHours')).toHaveText('0.8');
  await expect(reports.cell('Upwork', 'profitPerHour')).toHaveText('$1,200.00');
  // A channel with hours and no money appears.
  await expect(reports.cell('Behance', 'salesHours')).toHaveText('2');
  await expect(reports.cell('Behance', 'profitPerHour')).toHaveText('$0.00');
});

test('imports a time.csv through the Import page', async ({ page, app }) => {
  const { today } = await seed(app);
  const file = path.join(app.dataDir, 'time.csv');
  fs.writeFileSync(
    file,
    `ref,date,source,lead_ref,kind,minutes,note\r\nt-1,${today},,L-TIME,sales,60,Pitch\r\nt-2,${today},Podcast,,sales,30,Episode 12\r\n`,
  );
  const importPage = new ImportPage(page);
  await importPage.open(app.url);
  await importPage.choose(file);
  await expect(importPage.recognised().getByRole('heading')).toHaveText('time.csv: LeadLedger time entries');
  await importPage.recognised().getByRole('button', { name: 'Import', exact: true }).click();
  await expect(importPage.count('inserted')).toHaveText('2');
  await expect(importPage.summary()).toContainText('2 time entries');
  // The same file again adds nothing.
  await importPage.open(app.url);
  await importPage.choose(file);
  await importPage.recognised().getByRole('button', { name: 'Import', exact: true }).click();
  await expect(importPage.count('unchanged')).toHaveText('2');
  const reports = new ReportsPage(page);
  await reportToday(reports, app.url, today);
  await expect(reports.cell('Upwork', 'profitPerHour')).toHaveText('$900.00');
  await expect(reports.cell('Podcast', 'salesHours')).toHaveText('0.5');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme, viewport: { width: 1280, height: 720 } });
    test(`time screens at 1280×720, ${colorScheme}: screenshots and no serious accessibility violations`, async ({
      page,
      app,
    }) => {
      test.setTimeout(180_000); // five screens with an accessibility scan each, on a shared 2-core machine
      await page.emulateMedia({ colorScheme });
      const { today, lead } = await seed(app);
      const upwork = await sourceIdByName(app, 'Upwork');
      const behance = await sourceIdByName(app, 'Behance');
      await callApi(app, 'time:create', {
        date: today,
        leadId: lead.id,
        kind: 'sales',
        minutes: 90,
        note: 'Proposal and call',
      });
      await callApi(app, 'time:create', {
        date: today,
        leadId: lead.id,
        kind: 'delivery',
        minutes: 240,
        note: 'Three logo drafts',
      });
      await callApi(app, 'time:create', {
        date: today,
        sourceId: behance,
        kind: 'sales',
        minutes: 120,
        note: 'Portfolio post',
      });
      await callApi(app, 'time:create', {
        date: today,
        sourceId: upwork,
        kind: 'sales',
        minutes: 30,
        note: 'Profile update',
      });
      await callApi(app, 'timer:start', { leadId: lead.id, kind: 'delivery' });
      const axe = async () =>
        (await new AxeBuilder({ page }).analyze()).violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      const shot = (name: string) => page.screenshot({ path: test.info().outputPath(`${name}-${colorScheme}.png`) });

      await page.goto(`${app.url}#/lead/${lead.id}`);
      await expect(page.getByRole('status', { name: 'Running timer' })).toBeVisible();
      await page.getByRole('region', { name: 'Time' }).getByRole('button', { name: 'Log time' }).click();
      await page.getByRole('region', { name: 'Time' }).scrollIntoViewIfNeeded();
      await shot('time-lead');
      expect(await axe()).toEqual([]);

      await page.goto(`${app.url}#/sources`);
      await page.getByRole('region', { name: 'Time on channels' }).scrollIntoViewIfNeeded();
      await expect(page.getByRole('list', { name: 'Channel time entries' })).toContainText('Portfolio post');
      await shot('time-channels');
      expect(await axe()).toEqual([]);

      const reports = new ReportsPage(page);
      await reportToday(reports, app.url, today);
      await expect(reports.cell('Upwork', 'profitPerHour')).toHaveText('$150.00');
      await shot('time-reports');
      await page.getByRole('heading', { name: 'Profit per hour by channel' }).scrollIntoViewIfNeeded();
      await shot('time-reports-chart');
      expect(await axe()).toEqual([]);

      await page.goto(`${app.url}#/`);
      await page.getByRole('button', { name: 'Log time on Logo for a bakery' }).click();
      await expect(page.getByRole('dialog', { name: 'Log time: Logo for a bakery' })).toBeVisible();
      await shot('time-board-dialog');
      expect(await axe()).toEqual([]);
    });
  });
}
