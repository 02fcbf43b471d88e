import { expect, test } from './fixtures/app';
import { callApi, createLead, sourceIdByName } from './page-models/api';
import { LeadForm } from './page-models/lead-form';
import { LeadPage } from './page-models/lead-page';
import { LeadsPage } from './page-models/leads-page';

test('search, filters and sort narrow the table and live in the URL', async ({ page, app }) => {
  await createLead(app, {
    title: 'Podcast intro music',
    source: 'Fiverr',
    client: 'Hooli',
    stage: 'won',
    tags: ['audio'],
  });
  await createLead(app, {
    title: 'React dashboard',
    source: 'Upwork',
    client: 'Globex',
    stage: 'applied',
    tags: ['react'],
    value: '900',
  });
  await createLead(app, {
    title: 'React native app',
    source: 'LinkedIn',
    client: 'Initech',
    tags: ['react', 'mobile'],
    value: '4000',
  });
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

test('cells clip only text wider than its column, and rows are in reading order once scrolling stops', async ({
  page,
  app,
}) => {
  const long = 'Redesign of the whole customer onboarding flow with a new pricing page and analytics';
  await createLead(app, {
    title: long,
    source: 'Upwork',
    client: 'A client whose name is far too long for its column',
    stage: 'interview',
    value: '12345.67',
    tags: ['one', 'two', 'three', 'four'],
  });
  await createLead(app, { title: 'Tiny gig', source: 'Fiverr', client: 'Hooli', stage: 'won', value: '90' });
  const seeded = await app.cli('seed', '--leads', '3000', '--seed', '11');
  expect(seeded.code).toBe(0);
  const table = new LeadsPage(page);
  await table.open(app.url);
  await expect(table.rows().first()).toBeVisible();

  // Long text clips with an ellipsis; short text is measured to fit and does not clip.
  const longRow = table.row(long);
  await table.search.fill('Redesign of the whole');
  await expect(longRow).toBeVisible();
  const cls = async (n: number) => (await longRow.getByRole('cell').nth(n).getAttribute('class')) ?? '';
  expect(await cls(0)).not.toMatch(/\bfit\b/);
  expect(await cls(2)).not.toMatch(/\bfit\b/);
  // A clipped cell tells its whole text on hover.
  await expect(longRow.getByRole('cell').nth(0)).toHaveAttribute('title', long);
  await expect(longRow.getByRole('cell').nth(2)).toHaveAttribute(
    'title',
    'A client whose name is far too long for its column',
  );
  await table.search.fill('Tiny gig');
  await expect(table.row('Tiny gig')).toBeVisible();
  expect((await table.row('Tiny gig').getByRole('cell').nth(0).getAttribute('class')) ?? '').toMatch(/\bfit\b/);
  await expect(table.row('Tiny gig').getByRole('cell').nth(0)).not.toHaveAttribute('title');

  // Whatever a cell that does not clip shows fits inside it: the measured widths hold in this font.
  await table.search.fill('');
  const scroller = page.locator('.table-scroll');
  for (const top of [0, 20_000, 60_000]) {
    await scroller.evaluate((el, y) => el.scrollTo({ top: y }), top);
    await expect(table.table.locator('tr.row-loading')).toHaveCount(0);
    const overflowing = await table.table
      .locator('tbody td.fit')
      .evaluateAll((cells) =>
        cells
          .filter((td) => td.scrollWidth > td.clientWidth + 1)
          .map((td) => `${td.parentElement?.getAttribute('aria-rowindex')}: ${td.textContent}`),
      );
    expect(overflowing).toEqual([]);
  }

  // After a fast scroll, once it stops, the DOM holds the rows in reading order (Tab, screen readers).
  await scroller.evaluate(async (el) => {
    for (let i = 0; i < 40; i++) {
      el.scrollTop += 600;
      await new Promise(requestAnimationFrame);
    }
  });
  await expect
    .poll(() =>
      table
        .rows()
        .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('aria-rowindex'))))
        .then((ix) => ix.every((v, i) => i === 0 || v > ix[i - 1]!)),
    )
    .toBe(true);
});
