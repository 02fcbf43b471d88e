import { expect, test } from './fixtures/app';
import { callApi, createLead, isoDay } from './page-models/api';
import { LeadPage } from './page-models/lead-page';
import { LeadsPage } from './page-models/leads-page';
import { PipelinePage } from './page-models/pipeline-page';

test.use({ viewport: { width: 1280, height: 720 } });

test('the board: Won and Lost show the last 30 days, long titles wrap inside the card, connects and stale leads show', async ({
  page,
  app,
}) => {
  const longTitle = `https://www.upwork.com/freelance-jobs/apply/${'Senior-React-Developer-for-a-fintech-dashboard-'.repeat(3)}~01abcdef`;
  await createLead(app, { title: longTitle, stage: 'applied' });
  await callApi(app, 'leads:create', {
    title: 'Bid with connects',
    sourceId: (await callApi<{ id: number; name: string }[]>(app, 'sources:list', {})).find((s) => s.name === 'Upwork')!
      .id,
    stage: 'applied',
    connects: 12,
    boostConnects: 4,
  });
  await createLead(app, { title: 'Old win', stage: 'won' });
  const old = await createLead(app, { title: 'Old win', stage: 'applied' });
  await callApi(app, 'leads:update', {
    id: old.id,
    title: 'Won long ago',
    createdOn: isoDay(-90),
    appliedOn: isoDay(-80),
  });
  await callApi(app, 'closeout:won', { id: old.id, closedOn: isoDay(-60) });
  const forgotten = await createLead(app, { title: 'Forgotten bid', stage: 'applied' });
  await callApi(app, 'leads:update', { id: forgotten.id, createdOn: isoDay(-50), appliedOn: isoDay(-45) });

  const board = new PipelinePage(page);
  await board.open(app.url);
  await expect(board.card('Old win', 'Won')).toBeVisible();
  await expect(board.card('Won long ago')).toHaveCount(0);
  await board.showAllClosed();
  await expect(board.card('Won long ago', 'Won')).toBeVisible();

  // The Move control stays inside its card however long the title.
  const card = board.card(longTitle, 'Applied');
  const box = (await card.boundingBox())!;
  const move = (await card.getByRole('combobox', { name: /^Move / }).boundingBox())!;
  expect(move.x + move.width).toBeLessThanOrEqual(box.x + box.width);
  expect(box.width).toBeLessThan(400);

  await expect(board.card('Bid with connects')).toContainText('16 connects');
  await expect(board.card('Forgotten bid')).toContainText('Stale');
  await expect(board.card('Bid with connects')).not.toContainText('Stale');

  // The table marks it too, and filters on it.
  const leads = new LeadsPage(page);
  await leads.open(app.url);
  await expect(leads.row('Forgotten bid')).toContainText('Stale');
  await page.getByRole('checkbox', { name: /Stale only/ }).check();
  await expect(page).toHaveURL(/stale=1/);
  await expect(leads.rows()).toHaveCount(1);
  await expect(leads.row('Forgotten bid')).toBeVisible();
});

test('the lead page logs activity; a future call is refused next to its field, a planned meeting is not', async ({
  page,
  app,
}) => {
  const lead = await createLead(app, { title: 'Brand refresh', stage: 'applied' });
  await page.goto(`${app.url}#/lead/${lead.id}`);
  await new LeadPage(page).expectTitle('Brand refresh');
  const section = page.getByRole('region', { name: 'Activity' });
  await section.getByRole('button', { name: 'Log activity' }).click();
  const form = section.getByRole('form', { name: 'Log activity' });
  await form.getByLabel('Kind').selectOption({ label: 'Call' });
  await form.getByLabel('When').fill(`${isoDay(3)}T10:00`);
  await form.getByLabel('What happened').fill('Scope call');
  await form.getByRole('button', { name: 'Save activity' }).click();
  await expect(form.getByLabel('When')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('When')).toHaveAccessibleDescription(/Only a meeting can be in the future/);
  expect(await callApi<unknown[]>(app, 'activity:timeline', { leadId: lead.id })).toHaveLength(1); // only "Added as"

  await form.getByLabel('Kind').selectOption({ label: 'Meeting' });
  await form.getByRole('button', { name: 'Save activity' }).click();
  await expect(form).toBeHidden();
  const timeline = page.getByRole('list', { name: 'Timeline' });
  await expect(timeline.getByRole('listitem').first()).toContainText('Meeting');
  await expect(timeline.getByRole('listitem').first()).toContainText('Scope call');

  await section.getByRole('button', { name: 'Log activity' }).click();
  await form.getByLabel('Kind').selectOption({ label: 'Proposal sent' });
  await form.getByLabel('What happened').fill('Sent v2 with the timeline');
  await form.getByRole('button', { name: 'Save activity' }).click();
  await expect(timeline).toContainText('Sent v2 with the timeline');
  await expect(timeline.getByRole('listitem')).toHaveCount(3);
});

test('deleting a payment asks first and can be undone; toasts stack at most two, under the page', async ({
  page,
  app,
}) => {
  const upwork = (await callApi<{ id: number; name: string }[]>(app, 'sources:list', {})).find(
    (s) => s.name === 'Upwork',
  )!.id;
  await callApi(app, 'payments:create', {
    date: isoDay(-2),
    sourceId: upwork,
    gross: '250',
    fee: '25',
    description: 'Milestone 1',
  });
  await page.goto(`${app.url}#/costs`);
  const row = page.getByRole('table', { name: 'Latest payments' }).getByRole('row', { name: /\$250\.00/ });
  await row.getByRole('button', { name: `Delete payment of ${isoDay(-2)}` }).click();
  await row.getByRole('button', { name: 'Keep' }).click();
  await row.getByRole('button', { name: `Delete payment of ${isoDay(-2)}` }).click();
  await row.getByRole('button', { name: 'Yes, delete' }).click();
  const status = page.getByRole('status').filter({ hasText: `Deleted the payment of ${isoDay(-2)}` });
  await expect(status).toBeVisible();
  expect((await callApi<{ total: number }>(app, 'payments:list', {})).total).toBe(0);
  await status.getByRole('button', { name: 'Undo' }).click();
  await expect(
    page.getByRole('table', { name: 'Latest payments' }).getByRole('row', { name: /\$250\.00/ }),
  ).toBeVisible();
  const back = await callApi<{ items: { grossMinor: number; feeMinor: number; description: string }[] }>(
    app,
    'payments:list',
    {},
  );
  expect(back.items).toEqual([
    expect.objectContaining({ grossMinor: 25000, feeMinor: 2500, description: 'Milestone 1' }),
  ]);

  // Three moves in a row: two messages at most, in a strip below the page content.
  for (const title of ['A', 'B', 'C']) await createLead(app, { title });
  const board = new PipelinePage(page);
  await board.open(app.url);
  for (const title of ['A', 'B', 'C']) {
    await board.moveWithMenu(title, 'Applied');
    await expect(board.card(title, 'Applied')).toBeVisible();
  }
  await expect(page.locator('.toast')).toHaveCount(2);
  const toastBox = (await page.locator('.toast-area').boundingBox())!;
  const contentBox = (await page.locator('#content').boundingBox())!;
  expect(toastBox.y).toBeGreaterThanOrEqual(contentBox.y + contentBox.height - 1);
  await page.locator('.toast').filter({ hasText: '“C”' }).getByRole('button', { name: 'Undo' }).click();
  await expect(board.card('C', 'New')).toBeVisible();
});
