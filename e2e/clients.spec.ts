import path from 'node:path';
import { expect, test } from './fixtures/app';
import type { RunningApp } from './fixtures/app';
import { callApi, sourceIdByName } from './page-models/api';
import { ReportsPage } from './page-models/reports-page';

// docs/domain.md §6.3–§6.5 in Chromium: the Clients page, a payment linked from "To assign", the attribution
// switch.

const paypalFile = path.resolve('src/core/clients/__fixtures__/paypal-clients-1.csv');

/** Acme Corp found the user through the podcast (lost lead), then won on Upwork; a PayPal file with its payment and a stranger's. */
async function seed(app: RunningApp) {
  const podcast = await sourceIdByName(app, 'Podcast');
  const upwork = await sourceIdByName(app, 'Upwork');
  await callApi(app, 'leads:create', {
    sourceId: podcast,
    title: 'Listener question',
    client: 'Acme Corp',
    createdOn: '2026-05-01',
    stage: 'lost',
  });
  const site = await callApi<{ id: number }>(app, 'leads:create', {
    sourceId: upwork,
    title: 'Company site',
    client: 'acme corp',
    createdOn: '2026-06-01',
    appliedOn: '2026-06-01',
    closedOn: '2026-06-10',
    stage: 'won',
    value: '400.00',
  });
  const acme = (await callApi<{ items: { id: number; name: string }[] }>(app, 'clients:list', {})).items.find(
    (c) => c.name === 'Acme Corp',
  )!;
  await callApi(app, 'clients:update', { id: acme.id, emails: ['billing@acme.test'] });
  const imported = await app.cli('import', paypalFile, '--as', 'paypal');
  expect(imported.code, imported.stderr).toBe(0);
  expect(imported.stdout).toContain('Payers: 2 wait in To assign');
  return { site, acme };
}

const shots = process.env.LEADLEDGER_SCREENSHOTS;

for (const scheme of ['light', 'dark'] as const) {
  test(`clients, To assign and first-touch attribution (${scheme})`, async ({ page, app }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1280, height: 720 });
    const { site, acme } = await seed(app);

    // Clients page: one client from two spellings, first source by the earliest (lost) lead.
    await page.goto(new URL('#/clients', app.url).toString());
    const row = page.getByRole('table', { name: 'Clients' }).getByRole('row', { name: /Acme Corp/ });
    await expect(row).toContainText('billing@acme.test');
    await expect(row).toContainText('Podcast');
    await expect(row.getByRole('cell').nth(3)).toHaveText('2');
    const badge = page.getByTestId('to-assign-count');
    await expect(badge).toHaveText(/^2/);
    if (shots) await page.screenshot({ path: `${shots}/clients-${scheme}.png` });

    // To assign: the Acme payment is offered for its latest open or won lead; one click links it.
    await page.getByRole('link', { name: /To assign/ }).click();
    const table = page.getByRole('table', { name: 'Payments to assign' });
    await expect(table.getByRole('row')).toHaveCount(3);
    if (shots) await page.screenshot({ path: `${shots}/to-assign-${scheme}.png` });
    await table.getByRole('button', { name: 'Link to Company site (Acme Corp)' }).click();
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(badge).toHaveText(/^1/);
    if (scheme === 'dark') {
      // No client matches the stranger: any lead can be found by its title and linked in one click.
      await callApi(app, 'leads:create', {
        sourceId: await sourceIdByName(app, 'Behance'),
        title: 'Mural for a stranger',
        createdOn: '2026-06-02',
      });
      await table.getByLabel(/Find a lead for the payment of/).fill('mural');
      await table.getByRole('button', { name: /Link to Mural for a stranger/ }).click();
    } else {
      // The stranger's payment goes to a channel in one click.
      await table.getByLabel(/Channel for the payment of/).selectOption({ label: 'Behance' });
      await table.getByRole('button', { name: 'Assign' }).click();
    }
    await expect(table).toContainText('Nothing to assign');
    await expect(badge).toHaveCount(0);
    const linked = await callApi<{ items: { leadId: number | null; sourceName: string; grossMinor: number }[] }>(
      app,
      'payments:list',
      { leadId: site.id },
    );
    expect(linked.items.map((p) => [p.sourceName, p.grossMinor])).toEqual([['Upwork', 40000]]);

    // The client page: lifetime revenue and its channels.
    await page.goto(new URL(`#/client/${acme.id}`, app.url).toString());
    await expect(page.getByRole('heading', { name: 'Acme Corp', level: 1 })).toBeVisible();
    await expect(page.getByTestId('client-revenue')).toHaveText('$400.00');
    await expect(page.getByRole('table', { name: 'Client channels' })).toContainText('first source');
    if (shots) await page.screenshot({ path: `${shots}/client-${scheme}.png` });

    // The lead page shows its client.
    await page.goto(new URL(`#/lead/${site.id}`, app.url).toString());
    await expect(page.getByTestId('lead-client')).toHaveText('Acme Corp');

    // Reports: last touch counts the payment for Upwork, first touch for the podcast; fees stay on Upwork.
    const reports = new ReportsPage(page);
    await reports.open(app.url, 'preset=custom&from=2026-01-01&to=2026-12-31&basis=cash');
    await expect(reports.cell('Upwork', 'revenue')).toHaveText('$400.00');
    await expect(reports.cell('Upwork', 'fees')).toHaveText('$12.00');
    await page.getByRole('radio', { name: 'First touch' }).click();
    await expect(page.getByRole('radio', { name: 'First touch' })).toHaveAttribute('aria-checked', 'true');
    await expect(page).toHaveURL(/attribution=first/);
    await expect(reports.cell('Podcast', 'revenue')).toHaveText('$400.00');
    await expect(reports.cell('Upwork', 'revenue')).toHaveText('$0.00');
    await expect(reports.cell('Upwork', 'fees')).toHaveText('$12.00');
    // Totals do not change: Acme's 400.00 plus the stranger's 50.00 on Behance.
    await expect(reports.cell('Total', 'revenue')).toHaveText('$450.00');
    if (shots) await page.screenshot({ path: `${shots}/reports-first-touch-${scheme}.png` });
  });
}
