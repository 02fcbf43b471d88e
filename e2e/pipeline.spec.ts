import { expect, test } from './fixtures/app';
import { callApi, createLead, leadCount } from './page-models/api';
import { LostDialog, WonDialog } from './page-models/closeout-dialogs';
import { LeadForm } from './page-models/lead-form';
import { LeadPage } from './page-models/lead-page';
import { PipelinePage } from './page-models/pipeline-page';

type Detail = {
  id: number;
  stage: string;
  title: string;
  connects: number;
  valueMinor: number | null;
  history: { toStage: string }[];
};

test('creates a lead through the form and edits it from its page', async ({ page, app }) => {
  const board = new PipelinePage(page);
  await board.open(app.url);
  const form = await board.newLead();
  await form.fill({
    Title: 'Brand refresh for Acme',
    Channel: 'Upwork',
    Client: 'Acme Co',
    URL: 'https://www.upwork.com/jobs/1',
    Connects: '8',
    'Boost connects': '4',
    Value: '1250.50',
    Currency: 'USD',
    Tags: 'design, urgent',
    Notes: 'Asked for a portfolio link',
  });
  await form.save();
  await expect(form.dialog).toBeHidden();
  const card = board.card('Brand refresh for Acme', 'New');
  await expect(card).toContainText('Acme Co');
  await expect(card).toContainText('$1,250.50');
  await expect(board.count('New')).toHaveText('1');

  await card.getByRole('link', { name: 'Brand refresh for Acme' }).click();
  const lead = new LeadPage(page);
  await lead.expectTitle('Brand refresh for Acme');
  await expect(lead.detail('Connects')).toHaveText('8 + 4 boost');
  await expect(lead.history).toHaveCount(1);

  const edit = await lead.edit();
  await expect(edit.field('Title')).toHaveValue('Brand refresh for Acme');
  await edit.fill({ Title: 'Brand refresh (phase 1)', Value: '2000', Stage: 'Interview' });
  await edit.save();
  await lead.expectTitle('Brand refresh (phase 1)');
  await expect(lead.detail('Value')).toHaveText('$2,000.00');
  await expect(lead.history.first()).toContainText('New → Interview');

  const [saved] = (await callApi<{ rows: Detail[] }>(app, 'leads:list', {})).rows;
  expect(saved).toMatchObject({
    title: 'Brand refresh (phase 1)',
    stage: 'interview',
    valueMinor: 200000,
    connects: 8,
  });

  // Move from the lead page, then delete after confirming.
  await page.getByLabel('Move to stage').selectOption({ label: 'Won' });
  await new WonDialog(page, 'Brand refresh (phase 1)').save();
  await expect(lead.history.first()).toContainText('Interview → Won');
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this lead?' });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  expect(await leadCount(app)).toBe(1);
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await confirm.getByRole('button', { name: 'Delete lead' }).click();
  await expect(page).toHaveURL(/#\/leads$/);
  await expect(page.getByRole('heading', { name: 'No leads yet' })).toBeVisible();
  expect(await leadCount(app)).toBe(0);
});

test('Ctrl+N opens the form; bad input is shown next to each field and nothing is saved', async ({ page, app }) => {
  await createLead(app, { title: 'Existing lead' });
  const board = new PipelinePage(page);
  await board.open(app.url);
  await expect(board.card('Existing lead')).toBeVisible();
  await page.keyboard.press('Control+n');
  const form = new LeadForm(page);
  await expect(form.dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(form.dialog).toBeHidden();
  await page.keyboard.press('n');
  await expect(form.dialog).toBeVisible();
  await expect(form.field('Title')).toBeFocused();

  // Caught in the browser: empty title, negative connects, too many decimals for USD.
  await form.fill({ Title: '   ', Connects: '-3', Value: '10.005' });
  await form.save();
  await form.expectError('Title', 'Give the lead a title');
  await form.expectError('Connects', 'Cannot be negative');
  await form.expectError('Value', /USD has 2 decimals/);
  await expect(form.field('Title')).toBeFocused();

  // Caught by the API (the browser does not check these): over-long title, Applied before Created, refund > spent.
  await form.fill({
    Title: 'x'.repeat(201),
    Connects: '2',
    'Connects refunded': '5',
    Value: '10',
    Created: '2026-03-10',
    Applied: '2026-03-01',
  });
  await form.save();
  await form.expectError('Title', 'At most 200 characters');
  await form.expectError('Applied', 'Applied (2026-03-01) cannot be before Created (2026-03-10)');
  await form.expectError('Connects refunded', 'Cannot refund more connects than were spent');
  await expect(form.field('Value')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(form.dialog).toBeVisible();
  expect(await leadCount(app)).toBe(1);

  // JPY has no decimals: a per-currency rule.
  await form.fill({ Title: 'Yen job', 'Connects refunded': '', Applied: '', Value: '1500.5', Currency: 'JPY' });
  await form.save();
  await form.expectError('Value', /JPY has 0 decimals/);
  expect(await leadCount(app)).toBe(1);

  await form.fill({ Value: '1500' });
  await form.save();
  await expect(form.dialog).toBeHidden();
  await expect(board.card('Yen job', 'New')).toContainText('¥1,500');
  expect(await leadCount(app)).toBe(2);
});

test('moves a card by mouse drag, by keyboard and by the Move to menu', async ({ page, app }) => {
  const lead = await createLead(app, { title: 'Logo for Globex', client: 'Globex' });
  await createLead(app, { title: 'Already applied', stage: 'applied' });
  const board = new PipelinePage(page);
  await board.open(app.url);

  await board.drag('Logo for Globex', 'Applied');
  await expect(board.card('Logo for Globex', 'Applied')).toBeVisible();
  await expect(board.count('New')).toHaveText('0');
  await expect(board.count('Applied')).toHaveText('2');
  await expect.poll(async () => (await callApi<Detail>(app, 'leads:get', { id: lead.id })).stage).toBe('applied');

  // Keyboard: Space picks it up, ArrowRight goes to the next column, Space drops it; announced to screen readers.
  await board.moveWithKeyboard('Logo for Globex', ['ArrowRight'], 'Replied, position 1 of 1');
  await expect(board.card('Logo for Globex', 'Replied')).toBeVisible();
  await expect.poll(async () => (await callApi<Detail>(app, 'leads:get', { id: lead.id })).stage).toBe('replied');

  await board.moveWithKeyboard('Logo for Globex', ['ArrowRight', 'ArrowRight'], 'Won');
  await new WonDialog(page, 'Logo for Globex').save();
  await expect(board.card('Logo for Globex', 'Won')).toBeVisible();

  await board.moveWithMenu('Logo for Globex', 'Lost');
  const lost = new LostDialog(page, 'Logo for Globex');
  await lost.choose('No reply');
  await lost.save();
  await expect(board.card('Logo for Globex', 'Lost')).toBeVisible();
  await expect(board.card('Logo for Globex', 'Lost')).toBeVisible();
  await expect
    .poll(async () => (await callApi<Detail>(app, 'leads:get', { id: lead.id })).history.map((h) => h.toStage))
    .toEqual(['new', 'applied', 'replied', 'won', 'lost']);
});

test('drag reorders within a column and a refused move rolls back with an error', async ({ page, app }) => {
  await createLead(app, { title: 'First' });
  await createLead(app, { title: 'Second' });
  const board = new PipelinePage(page);
  await board.open(app.url);
  await expect(board.column('New').getByRole('article')).toHaveText([/First/, /Second/]);

  await page.route('**/api/leads:move', (route) =>
    route.fulfill({ json: { ok: false, error: { code: 'storage', message: 'The disk is full: nothing was saved.' } } }),
  );
  await board.moveWithMenu('First', 'Applied');
  await expect(page.getByRole('alert')).toContainText('Could not move “First” to Applied: The disk is full');
  await expect(board.card('First', 'New')).toBeVisible();
  await expect(board.count('Applied')).toHaveText('0');
  await page.unroute('**/api/leads:move');

  // Keyboard reorder: Second moves up above First.
  await board.moveWithKeyboard('Second', ['ArrowUp'], 'New, position 1 of 2');
  await expect(board.column('New').getByRole('article')).toHaveText([/Second/, /First/]);
  await page.reload();
  await expect(board.column('New').getByRole('article')).toHaveText([/Second/, /First/]);
});

test('the empty state explains the app and loads sample data', async ({ page, app }) => {
  const board = new PipelinePage(page);
  await board.open(app.url);
  await expect(page.getByRole('heading', { name: 'No leads yet' })).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'No leads yet' }).getByRole('button', { name: 'Import CSV' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(board.column('New').getByRole('article').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No leads yet' })).toBeHidden();
  expect(await leadCount(app)).toBe(400);
  // Won and Lost show the last 30 days until "All time" is chosen.
  const wonRecent = Number((await board.count('Won').textContent())?.replace(/,/g, ''));
  await board.showAllClosed();
  await expect
    .poll(async () => Number((await board.count('Won').textContent())?.replace(/,/g, '')))
    .toBeGreaterThan(wonRecent);
  const total = await Promise.all(
    ['New', 'Applied', 'Replied', 'Interview', 'Won', 'Lost'].map((s) => board.count(s as 'New').textContent()),
  );
  expect(total.reduce((sum, t) => sum + Number(t?.replace(/,/g, '')), 0)).toBe(400);
  // Big columns show the first cards and link to the table for the rest.
  await expect(board.column('Lost').getByRole('link', { name: /^Show all [\d,]+ in the table$/ })).toBeVisible();

  // The board filtered to one channel: only its cards, counts adding up to its lead count.
  const linkedIn = (await callApi<{ name: string; leadCount: number }[]>(app, 'sources:list', {})).find(
    (s) => s.name === 'LinkedIn',
  )!;
  await page.getByLabel('Channel', { exact: true }).selectOption({ label: 'LinkedIn' });
  await expect(page.locator('.page-summary')).toContainText('from LinkedIn');
  await expect(page.locator('.card .chip').filter({ hasNotText: 'LinkedIn' })).toHaveCount(0);
  await expect(page.locator('.card').first()).toBeVisible();
  const counts = await Promise.all(
    ['New', 'Applied', 'Replied', 'Interview', 'Won', 'Lost'].map((s) => board.count(s as 'New').textContent()),
  );
  expect(counts.reduce((sum, t) => sum + Number(t?.replace(/,/g, '')), 0)).toBe(linkedIn.leadCount);
});
