import { expect, test } from './fixtures/app';
import { callApi, createLead } from './page-models/api';
import { LeadPage } from './page-models/lead-page';
import { LeadsPage } from './page-models/leads-page';
import { PipelinePage } from './page-models/pipeline-page';
import { TopSearch } from './page-models/top-search';

test.use({ viewport: { width: 1280, height: 720 } });

test.beforeEach(async ({ app }) => {
  await createLead(app, { title: 'Logo for Acme', client: 'Acme' });
  await createLead(app, { title: 'Landing page', client: 'Globex', tags: ['web'] });
  const lead = await createLead(app, { title: 'Brochure' });
  await callApi(app, 'leads:update', { id: lead.id, notes: 'Met at the Fintech meetup' });
});

test('a search on the Leads table opens the lead and Back returns to the search', async ({ page, app }) => {
  const leads = new LeadsPage(page);
  await leads.open(app.url);
  await leads.search.fill('Logo');
  await expect(leads.rows()).toHaveCount(1);
  await leads.row('Logo for Acme').getByRole('link', { name: 'Logo for Acme' }).click();
  await expect(page).toHaveURL(/#\/lead\/\d+$/);
  await new LeadPage(page).expectTitle('Logo for Acme');
  await page.getByRole('link', { name: '← Leads' }).click();
  await expect(page).toHaveURL(/#\/leads\?q=Logo$/);
  await expect(leads.search).toHaveValue('Logo');
  await expect(leads.rows()).toHaveCount(1);
});

test('a search on the board opens the card with a click and with Enter', async ({ page, app }) => {
  const board = new PipelinePage(page);
  await board.open(app.url);
  const search = new TopSearch(page);
  await search.type('Landing');
  await expect(board.card('Logo for Acme')).toHaveCount(0);
  await board.card('Landing page').getByRole('link', { name: 'Landing page' }).click();
  await expect(page).toHaveURL(/#\/lead\/\d+$/);
  await new LeadPage(page).expectTitle('Landing page');
  // Back goes to the board, not the table, with the search as it was.
  await page.getByRole('link', { name: '← Pipeline' }).click();
  await expect(page).toHaveURL(/#\/pipeline\?q=Landing$/);
  await expect(search.box).toHaveValue('Landing');

  await board.card('Landing page').getByRole('link', { name: 'Landing page' }).focus();
  await page.keyboard.press('Enter');
  await new LeadPage(page).expectTitle('Landing page');
});

test('the top search finds by title, client, tag and notes; arrows and Enter open a result', async ({ page, app }) => {
  await page.goto(`${app.url}#/reports`);
  await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
  const search = new TopSearch(page);
  await page.keyboard.press('/');
  await expect(search.box).toBeFocused();
  await page.keyboard.type('globex');
  await expect(search.result('Landing page')).toBeVisible();
  await search.type('web');
  await expect(search.result('Landing page')).toBeVisible();
  await search.type('fintech');
  await expect(search.results.getByRole('option')).toHaveText([/Brochure/, /Show the matches in the table/]);
  // Not on a list page: the address stays while typing.
  await expect(page).toHaveURL(/#\/reports$/);

  await search.type('a');
  await expect(search.result('Logo for Acme')).toBeVisible();
  await page.keyboard.press('ArrowDown');
  const first = (await search.results.getByRole('option').first().locator('.search-title').textContent())!;
  await search.expectActive(first);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await search.expectActive(first);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/lead\/\d+$/);
  await new LeadPage(page).expectTitle(first);
  await expect(search.results).toHaveCount(0);

  await search.box.click();
  await search.type('Acme');
  await search.result('Logo for Acme').click();
  await new LeadPage(page).expectTitle('Logo for Acme');
  await expect(page).toHaveURL(/#\/lead\/\d+$/);

  await search.box.focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('nothing like this');
  await expect(search.results).toHaveText(/No lead matches/);
});
