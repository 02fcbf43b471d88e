import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/app';
import { callApi, createLead, isoDay } from './page-models/api';
import { LeadPage } from './page-models/lead-page';
import { SourcesPage } from './page-models/sources-page';

// A screen that shows the record a write returns shows it at once and does not fetch it again; hooks that show more
// than that record (balances, totals, timelines) still do (docs/architecture.md, "Reads and writes").

type Source = { name: string };

/** The operations the page asks the API for from now on (browser mode: POST /api/<operation>). */
function operationsAsked(page: Page): string[] {
  const asked: string[] = [];
  page.on('request', (request) => {
    const match = /\/api\/([a-z-]+:[a-z-]+)$/.exec(decodeURIComponent(new URL(request.url()).pathname));
    if (match) asked.push(match[1]!);
  });
  return asked;
}

/** Waits for the answer to an operation the page still fetches again after a write: the refetches have gone out. */
const answered = (page: Page, operation: string) =>
  page.waitForResponse((response) => decodeURIComponent(new URL(response.url()).pathname) === `/api/${operation}`);

test('a renamed channel shows its saved name at once, with no refetch of the channels', async ({ page, app }) => {
  const sources = new SourcesPage(page);
  await sources.open(app.url);
  await expect(sources.row('Fiverr')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Credits balance per channel' })).toBeVisible();
  const asked = operationsAsked(page);
  // The credits balance is derived from several tables: it is fetched again after the write.
  const ledger = answered(page, 'connects:ledger');

  await sources.rename('Fiverr', '  Fiverr Pro ');
  await expect(sources.row('Fiverr Pro')).toBeVisible();
  await ledger;

  expect(asked.filter((o) => o === 'sources:update')).toHaveLength(1);
  expect(asked).not.toContain('sources:list');
  expect((await callApi<Source[]>(app, 'sources:list', {})).map((s) => s.name)).toContain('Fiverr Pro');
  // The form takes the name as saved (trimmed): Rename again starts from it.
  await sources.row('Fiverr Pro').getByRole('button', { name: 'Rename Fiverr Pro' }).click();
  await expect(page.getByRole('textbox', { name: 'New name for Fiverr Pro' })).toHaveValue('Fiverr Pro');
});

test("a saved client's header shows the saved client at once, with no refetch of the client", async ({ page, app }) => {
  const acme = await callApi<{ id: number }>(app, 'clients:create', { name: 'Acme Corp' });
  await page.goto(new URL(`#/client/${acme.id}`, app.url).toString());
  await expect(page.getByRole('heading', { name: 'Acme Corp', level: 1 })).toBeVisible();
  const settings = page.getByRole('region', { name: 'Client', exact: true });
  await expect(settings.getByRole('button', { name: 'Save client' })).toBeVisible();
  const asked = operationsAsked(page);
  // The merge picker lists every client (an order only the store knows): fetched again after the write.
  const others = answered(page, 'clients:list');

  await settings.getByLabel('Name').fill('Acme GmbH');
  await settings.getByLabel('E-mails').fill('Billing@Acme.test');
  await settings.getByRole('button', { name: 'Save client' }).click();
  await expect(page.getByRole('heading', { name: 'Acme GmbH', level: 1 })).toBeVisible();
  await others;

  expect(asked.filter((o) => o === 'clients:update')).toHaveLength(1);
  expect(asked).not.toContain('clients:get');
  // The form shows the e-mail as stored (lower case).
  await expect(settings.getByLabel('E-mails')).toHaveValue('billing@acme.test');
  expect(await callApi(app, 'clients:get', { id: acme.id })).toMatchObject({
    client: { name: 'Acme GmbH', emails: ['billing@acme.test'] },
  });
});

test('Viewed on the lead page shows the saved lead at once, with no refetch of the lead', async ({ page, app }) => {
  // Added as Applied: applied today, so the Bid line offers Viewed.
  const lead = await createLead(app, { title: 'Logo for a bakery', stage: 'applied' });
  const leadPage = new LeadPage(page);
  await page.goto(new URL(`#/lead/${lead.id}`, app.url).toString());
  await leadPage.expectTitle('Logo for a bakery');
  await expect(page.getByRole('region', { name: 'Activity' })).toBeVisible();
  const asked = operationsAsked(page);
  // The activity timeline has a hook of its own: fetched again after the write.
  const timeline = answered(page, 'activity:timeline');

  await page.getByRole('button', { name: 'Mark Logo for a bakery viewed' }).click();
  await expect(page.getByRole('button', { name: `Logo for a bakery: viewed on ${isoDay()}` })).toBeVisible();
  await timeline;

  expect(asked.filter((o) => o === 'leads:update')).toHaveLength(1);
  expect(asked).not.toContain('leads:get');
  expect(await callApi(app, 'leads:get', { id: lead.id })).toMatchObject({ viewedOn: isoDay() });
});

test('a saved preference is applied at once, with no refetch of the preferences', async ({ page, app }) => {
  await page.goto(`${app.url}#/settings`);
  const prefs = page.getByRole('region', { name: 'Preferences' });
  await expect(prefs.getByLabel('Theme')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Backups' })).toBeVisible();
  const asked = operationsAsked(page);
  // The app's facts (database size, counts) are fetched again after every write.
  const info = answered(page, 'app:info');

  await prefs.getByLabel('Theme').selectOption({ label: 'Dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await info;

  expect(asked.filter((o) => o === 'preferences:update')).toHaveLength(1);
  expect(asked).not.toContain('preferences:get');
  expect(await callApi(app, 'preferences:get', {})).toMatchObject({ theme: 'dark' });
});
