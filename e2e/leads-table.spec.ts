import { expect, test } from './fixtures/app';
import { callApi, createLead, sourceIdByName } from './page-models/api';
import { LeadForm } from './page-models/lead-form';
import { LeadPage } from './page-models/lead-page';
import { LeadsPage } from './page-models/leads-page';

test('search, filters and sort narrow the table and live in the URL', async ({ page, app }) => {
  await createLead(app, { title: 'Podcast intro music', source: 'Fiverr', client: 'Hooli', stage: 'won', tags: ['audio'] });
  await createLead(app, { title: 'React dashboard', source: 'Upwork', client: 'Globex', stage: 'applied', tags: ['react'], value: '900' });
  await createLead(app, { title: 'React native app', source: 'LinkedIn', client: 'Initech', tags: ['react', 'mobile'], value: '4000' });
  const table = new LeadsPage(page);
  await table.open(app.url);
  await expect(table.rows()).toHaveCount(3);
  await expect(table.summary()).toHaveText('3 leads');

  // Ctrl+F focuses the search box; typing filters on the server and keeps q in the URL.
  await page.keyboard.press('Control+f');
  await expect(table.search).toBeFocused();
  await page.keyboard.type('react');
  await expect(table.rows()).toHaveCount(2);
  await expect(page).toHaveURL(/#\/leads\?q=react/);
  await expect(table.summary()).toHaveText('2 leads match');

  await table.filter('Channel').selectOption({ label: 'LinkedIn' });
  await expect(table.rows()).toHaveCount(1);
  await expect(table.row('React native app')).toBeVisible();
  await table.filter('Channel').selectOption({ label: 'All channels' });
  await table.filter('Stage').selectOption({ label: 'Applied' });
  await expect(table.rows()).toHaveCount(1);
  await expect(table.row('React dashboard')).toBeVisible();
  await expect(page).toHaveURL(/stage=applied/);

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(table.rows()).toHaveCount(3);
  await expect(table.search).toHaveValue('');
  await table.filter('Tag').selectOption('audio');
  await expect(table.rows()).toHaveCount(1);
  await expect(table.row('Podcast intro music')).toBeVisible();
  await table.filter('Tag').selectOption('');

  // Sorting: aria-sort follows the header; value descending puts the biggest first.
  const value = table.header('Value');
  await expect(value).toHaveAttribute('aria-sort', 'none');
  await value.getByRole('button').click();
  await expect(value).toHaveAttribute('aria-sort', 'descending');
  await expect(table.rows().first()).toContainText('React native app');
  await value.getByRole('button').click();
  await expect(value).toHaveAttribute('aria-sort', 'ascending');
  await expect(table.rows().last()).toContainText('React native app');

  // A link from elsewhere ("this channel's leads") opens the table filtered.
  const fiverr = await sourceIdByName(app, 'Fiverr');
  await table.open(app.url, `source=${fiverr}`);
  await expect(table.rows()).toHaveCount(1);
  await expect(table.filter('Channel')).toHaveValue(String(fiverr));

  // Created date range.
  await table.open(app.url, 'from=2000-01-01&to=2000-12-31');
  await expect(page.getByText('No leads match these filters.')).toBeVisible();

  // A row click opens the lead page.
  await table.open(app.url);
  await table.row('React dashboard').getByRole('cell').nth(2).click();
  await new LeadPage(page).expectTitle('React dashboard');
  await expect(page).toHaveURL(/#\/lead\/\d+$/);
});

test('pages through 20,000 leads while keeping only the visible rows', async ({ page, app }) => {
  const seeded = await app.cli('seed', '--leads', '20000', '--seed', '7');
  expect(seeded.code).toBe(0);
  const requests: { offset: number; limit: number }[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/leads:list')) requests.push(JSON.parse(r.postData() ?? '{}'));
  });
  const table = new LeadsPage(page);
  await table.open(app.url);
  await expect(table.summary()).toHaveText('20,000 leads');
  await expect(table.rows().first()).toBeVisible();
  expect(await table.rows().count()).toBeLessThan(80);

  // Jump to the end: the last row arrives, fetched by offset, and the DOM stays small.
  await page.locator('.table-scroll').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  const last = table.table.locator('tr[aria-rowindex="20001"]');
  await expect(last).toHaveClass(/\brow\b/);
  await expect(last).not.toHaveClass(/row-loading/);
  expect(await table.rows().count()).toBeLessThan(80);
  expect(requests.every((r) => r.limit <= 200)).toBe(true);
  expect(requests.some((r) => r.offset >= 19800)).toBe(true);
  expect(requests.length).toBeLessThan(10);
  const total = await callApi<{ total: number }>(app, 'leads:list', { limit: 1 });
  expect(total.total).toBe(20000);

  // A write refetches the rows on screen, where the user is, not only the first page.
  await page.getByRole('button', { name: 'New lead' }).click();
  const form = new LeadForm(page);
  await form.fill({ Title: 'One more', Created: '2020-01-01' });
  await form.save();
  await expect(table.summary()).toHaveText('20,001 leads');
  const newLast = table.table.locator('tr[aria-rowindex="20002"]');
  await expect(newLast).toContainText('One more');
  await expect(table.table.locator('tr.row-loading')).toHaveCount(0);
});
