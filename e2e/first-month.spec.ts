import fs from 'node:fs';
import { expect, test } from './fixtures/app';
import { callApi, isoDay, sourceIdByName } from './page-models/api';
import { LostDialog, WonDialog } from './page-models/closeout-dialogs';
import { csvFixture, ImportPage } from './page-models/import-page';
import { PipelinePage } from './page-models/pipeline-page';

// A month from an empty database, typed after the fact (docs/domain.md §4 dates): the friction it met.

type Detail = {
  id: number;
  stage: string;
  appliedOn: string | null;
  closedOn: string | null;
  history: { toStage: string; changedAt: string }[];
};
const dated = (d: Detail) => d.history.map((h) => `${h.toStage}@${h.changedAt.slice(0, 10)}`);

test('a loss logged later takes its day, the history follows the typed dates, and the toast undoes it', async ({
  page,
  app,
}) => {
  const upwork = await sourceIdByName(app, 'Upwork');
  const [created, applied, lost] = [isoDay(-40), isoDay(-38), isoDay(-20)];
  const lead = await callApi<Detail>(app, 'leads:create', {
    title: 'Old bid',
    sourceId: upwork,
    createdOn: created,
    stage: 'applied',
    appliedOn: applied,
  });
  expect(dated(lead)).toEqual([`new@${created}`, `applied@${applied}`]);

  const board = new PipelinePage(page);
  await board.open(app.url);
  await board.card('Old bid', 'Applied').getByLabel('Move Old bid to').selectOption({ label: 'Lost' });
  const dialog = new LostDialog(page, 'Old bid');
  await expect(dialog.dialog.getByLabel('Lost on')).toHaveValue(isoDay(0));
  await dialog.dialog.getByLabel('Lost on').fill(lost);
  await dialog.choose('Price');
  await dialog.save();
  await expect(dialog.dialog).toBeHidden();
  await expect(board.card('Old bid', 'Lost')).toBeVisible();
  const closed = await callApi<Detail>(app, 'leads:get', { id: lead.id });
  expect(closed.closedOn).toBe(lost);
  expect(dated(closed)).toEqual([`new@${created}`, `applied@${applied}`, `lost@${lost}`]);

  await page.locator('.toast', { hasText: 'Moved “Old bid” to Lost' }).getByRole('button', { name: 'Undo' }).click();
  await expect(board.card('Old bid', 'Applied')).toBeVisible();
  expect(await callApi<Detail>(app, 'leads:get', { id: lead.id })).toMatchObject({
    stage: 'applied',
    closedOn: null,
    appliedOn: applied,
  });
});

test('an old New lead is won on its real day: applied is not set after it', async ({ page, app }) => {
  const upwork = await sourceIdByName(app, 'Upwork');
  const lead = await callApi<Detail>(app, 'leads:create', {
    title: 'Quiet client',
    sourceId: upwork,
    createdOn: isoDay(-60),
  });
  const board = new PipelinePage(page);
  await board.open(app.url);
  await board.card('Quiet client', 'New').getByLabel('Move Quiet client to').selectOption({ label: 'Won' });
  const won = new WonDialog(page, 'Quiet client');
  await won.field('Closed').fill(isoDay(-54));
  await won.save();
  await expect(won.dialog).toBeHidden();
  expect(await callApi<Detail>(app, 'leads:get', { id: lead.id })).toMatchObject({
    stage: 'won',
    closedOn: isoDay(-54),
    appliedOn: isoDay(-54),
  });
  await page
    .locator('.toast', { hasText: 'Moved “Quiet client” to Won' })
    .getByRole('button', { name: 'Undo' })
    .click();
  await expect(board.card('Quiet client', 'New')).toBeVisible();
});

test('a new lead past the 50 cards of its column is shown and scrolled to', async ({ page, app }) => {
  test.setTimeout(90_000);
  const upwork = await sourceIdByName(app, 'Upwork');
  for (let i = 1; i <= 60; i++) await callApi(app, 'leads:create', { title: `Older lead ${i}`, sourceId: upwork });
  const board = new PipelinePage(page);
  await board.open(app.url);
  await expect(board.count('New')).toHaveText('60');
  const form = await board.newLead();
  await form.fill({ Title: 'Lead number 61', Channel: 'Upwork' });
  await form.save();
  await expect(form.dialog).toBeHidden();
  const card = board.card('Lead number 61', 'New');
  await expect(card).toBeVisible();
  await expect(card).toBeInViewport();
  await expect(board.count('New')).toHaveText('61');
});

test('a card is a few key presses away: B, 1–6 and the arrows', async ({ page, app }) => {
  const upwork = await sourceIdByName(app, 'Upwork');
  for (const title of ['N1', 'N2']) await callApi(app, 'leads:create', { title, sourceId: upwork });
  for (const title of ['A1', 'A2', 'A3'])
    await callApi(app, 'leads:create', { title, sourceId: upwork, stage: 'applied' });
  const board = new PipelinePage(page);
  await board.open(app.url);
  await expect(board.card('A3', 'Applied')).toBeVisible();
  let presses = 0;
  const press = async (key: string) => {
    presses += 1;
    await page.keyboard.press(key);
  };
  const focused = page.locator(':focus');
  // The third card of Applied: its column's key, then down twice.
  await press('2');
  await expect(focused).toHaveText('A1');
  await press('ArrowDown');
  await press('ArrowDown');
  await expect(focused).toHaveText('A3');
  expect(presses).toBe(3);
  // Across to New, same row as far as it goes; Enter opens the lead.
  await press('ArrowLeft');
  await expect(focused).toHaveText('N2');
  expect(presses).toBe(4);
  // From another page, "b" opens the board on its first card.
  await page.goto(new URL('#/reports', app.url).toString());
  await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
  await page.keyboard.press('b');
  await expect(page).toHaveURL(/#\/pipeline/);
  await expect(focused).toHaveText('N1');
});

test('deleting a spent Connects purchase asks next to the row, in view', async ({ page, app }) => {
  test.setTimeout(90_000);
  const upwork = await sourceIdByName(app, 'Upwork');
  await callApi(app, 'connects:set-opening', { sourceId: upwork, count: 20, on: isoDay(-30) });
  await callApi(app, 'expenses:create', {
    date: isoDay(-25),
    sourceId: upwork,
    category: 'connects',
    amount: '4.00',
    connects: 20,
    description: '20 Connects',
  });
  await callApi(app, 'leads:create', { sourceId: upwork, title: 'Big bid', createdOn: isoDay(-20), connects: 45 });
  // Later expenses stand above the purchase in the table, so its row is far down the page.
  for (let i = 0; i < 20; i++)
    await callApi(app, 'expenses:create', {
      date: isoDay(-10),
      category: 'advertising',
      amount: '1.00',
      description: `Ad ${i}`,
    });
  await page.goto(new URL('#/costs', app.url).toString());
  const row = page.getByRole('table', { name: 'Latest expenses' }).getByRole('row', { name: /20 Connects/ });
  await row.scrollIntoViewIfNeeded();
  const before = await row.boundingBox();
  await row.getByRole('button', { name: `Delete expense of ${isoDay(-25)}` }).click();
  // The inline confirmation does not move the table's columns.
  expect((await row.boundingBox())!.width).toBe(before!.width);
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  const ask = page.getByRole('alertdialog', { name: 'Credits would run short' });
  await expect(ask).toBeInViewport();
  const [rowBox, askBox] = [await row.boundingBox(), await ask.boundingBox()];
  expect(askBox!.y).toBeGreaterThan(rowBox!.y);
  expect(askBox!.y - (rowBox!.y + rowBox!.height)).toBeLessThan(40);
  await expect(ask.getByRole('button', { name: 'Keep as it was' })).toBeFocused();
  await ask.getByRole('button', { name: 'Save anyway' }).click();
  await expect(row).toBeHidden();
});

test('a channel typo in a CSV: “did you mean Upwork?”', async ({ page, app }, info) => {
  const file = info.outputPath('typo-leads.csv');
  fs.writeFileSync(
    file,
    `title,source,stage,created_on\nLogo for a bakery,Upwrok,applied,${isoDay(-3)}\nSite,Referral,new,${isoDay(-2)}\n`,
  );
  const importPage = new ImportPage(page);
  await importPage.open(app.url);
  await importPage.choose(file);
  await importPage.recognised().getByRole('button', { name: 'Import', exact: true }).click();
  await expect(importPage.summary().getByRole('heading', { name: 'Import finished' })).toBeVisible();
  await expect(importPage.summary()).toContainText('New channels: Upwrok');
  await expect(importPage.summary()).toContainText('“Upwrok” is a new channel: did you mean Upwork?');
  await expect(importPage.summary()).not.toContainText('did you mean Referral');
});

test('words: Channel in the New lead dialog, categories as words, compact toasts, distinct icons', async ({
  page,
  app,
}) => {
  await callApi(app, 'expenses:create', {
    date: isoDay(-3),
    category: 'subscription',
    amount: '19.99',
    description: 'Freelancer Plus',
  });
  const board = new PipelinePage(page);
  await board.open(app.url);
  const form = await board.newLead();
  await expect(form.dialog.getByLabel('Channel', { exact: true })).toBeVisible();
  await expect(form.dialog.getByLabel('Source', { exact: true })).toHaveCount(0);
  await form.dialog.getByRole('button', { name: 'Cancel' }).click();

  const icons = await Promise.all(
    ['Costs', 'To assign', 'Connects'].map((name) =>
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).locator('svg path').getAttribute('d'),
    ),
  );
  expect(new Set(icons).size).toBe(3);

  await page.goto(new URL('#/costs', app.url).toString());
  const row = page.getByRole('table', { name: 'Latest expenses' }).getByRole('row', { name: /Freelancer Plus/ });
  await expect(row).toContainText('Subscription');
  await expect(row).not.toContainText('subscription');

  // Two toasts at once stay one line high.
  await page.goto(new URL('#/pipeline', app.url).toString());
  for (const title of ['Toast one', 'Toast two']) {
    const f = await board.newLead();
    await f.fill({ Title: title, Channel: 'Upwork' });
    await f.save();
  }
  await expect(page.locator('.toast')).toHaveCount(2);
  const area = await page.locator('.toast-area').boundingBox();
  expect(area!.height).toBeLessThanOrEqual(48);
});

test('time entries are edited in place and a delete offers Undo', async ({ page, app }) => {
  const upwork = await sourceIdByName(app, 'Upwork');
  const lead = await callApi<{ id: number }>(app, 'leads:create', { title: 'Timed', sourceId: upwork });
  await callApi(app, 'time:create', {
    date: isoDay(-2),
    leadId: lead.id,
    kind: 'sales',
    minutes: 30,
    note: 'proposal',
  });
  await page.goto(new URL(`#/lead/${lead.id}`, app.url).toString());
  const list = page.getByRole('list', { name: 'Time entries' });
  await list.getByRole('button', { name: /^Edit 0:30/ }).click();
  const edit = page.getByRole('form', { name: `Edit the time entry of ${isoDay(-2)}` });
  await edit.getByLabel('Time').fill('1:15');
  await edit.getByLabel('Kind').selectOption({ label: 'Delivery' });
  await edit.getByLabel('Day').fill(isoDay(-1));
  await edit.getByLabel('Note').fill('kick-off call');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(list).toContainText('1:15');
  await expect(list).toContainText('kick-off call');
  const entries = await callApi<{
    entries: { minutes: number; kind: string; date: string; note: string; ref: string }[];
  }>(app, 'time:list', { leadId: lead.id });
  expect(entries.entries).toEqual([
    expect.objectContaining({ minutes: 75, kind: 'delivery', date: isoDay(-1), note: 'kick-off call' }),
  ]);

  await list.getByRole('button', { name: /^Delete 1:15/ }).click();
  await expect(page.getByText('No time logged yet.')).toBeVisible();
  await page.locator('.toast', { hasText: 'Deleted 1:15' }).getByRole('button', { name: 'Undo' }).click();
  await expect(list).toContainText('kick-off call');
  const back = await callApi<{ entries: { ref: string; minutes: number }[] }>(app, 'time:list', { leadId: lead.id });
  expect(back.entries).toEqual([expect.objectContaining({ ref: entries.entries[0]!.ref, minutes: 75 })]);
});

test('the first-day guide ticks its steps and goes when they are done; Load sample data stays', async ({
  page,
  app,
}) => {
  const board = new PipelinePage(page);
  await board.open(app.url);
  const guide = page.getByRole('group', { name: /Your first day/ });
  await expect(guide).toContainText('0 of 5 done');
  await expect(page.getByRole('button', { name: 'Load sample data' })).toBeVisible();
  await guide.getByRole('button', { name: 'These are mine' }).click();
  await expect(guide).toContainText('1 of 5 done');
  const upwork = await sourceIdByName(app, 'Upwork');
  await callApi(app, 'connects:set-opening', { sourceId: upwork, count: 43, on: isoDay(-5) });
  await callApi(app, 'leads:create', { title: 'First', sourceId: upwork });
  await callApi(app, 'time:create', { date: isoDay(0), sourceId: upwork, kind: 'sales', minutes: 20 });
  await page.reload();
  await expect(guide).toContainText('4 of 5 done');
  await expect(guide.locator('li[data-step="import"]')).toContainText('Import a statement');
  expect((await app.cli('import', csvFixture('leads-lf.csv'))).code).toBe(0);
  await page.reload();
  await expect(board.card('First', 'New')).toBeVisible();
  await expect(guide).toBeHidden();
});

test('a reply logged later: the lead page moves it on the day given, and the history says that day', async ({
  page,
  app,
}) => {
  const upwork = await sourceIdByName(app, 'Upwork');
  const lead = await callApi<Detail>(app, 'leads:create', {
    title: 'Slow reply',
    sourceId: upwork,
    createdOn: isoDay(-30),
    stage: 'applied',
    appliedOn: isoDay(-29),
  });
  await page.goto(new URL(`#/lead/${lead.id}`, app.url).toString());
  await page.getByLabel('on', { exact: true }).fill(isoDay(-25));
  await page.getByLabel('Move to stage').selectOption({ label: 'Replied' });
  await expect(page.locator('.toast', { hasText: `Moved “Slow reply” to Replied on ${isoDay(-25)}` })).toBeVisible();
  expect(dated(await callApi<Detail>(app, 'leads:get', { id: lead.id }))).toEqual([
    `new@${isoDay(-30)}`,
    `applied@${isoDay(-29)}`,
    `replied@${isoDay(-25)}`,
  ]);
});
