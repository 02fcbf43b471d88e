import { expect, test } from './fixtures/app';
import { callApi, sourceIdByName } from './page-models/api';

// Undo of deletes (docs/domain.md §7.7): a toast "Deleted … Undo" puts back exactly what was deleted.
test.use({ viewport: { width: 1280, height: 720 } });

type Report = { totals: unknown; channels: unknown[] };
const report = (app: Parameters<typeof callApi>[0]) => callApi<Report>(app, 'reports:channels', { basis: 'cash' });

test('a deleted lead comes back with its history, activity, follow-up and payments', async ({ page, app }) => {
  const upwork = await sourceIdByName(app, 'Upwork');
  const lead = await callApi<{ id: number }>(app, 'leads:create', {
    title: 'Brand refresh',
    sourceId: upwork,
    stage: 'applied',
    createdOn: '2026-07-01',
    appliedOn: '2026-07-02',
    value: '900',
    followUpOn: '2026-09-01',
  });
  await callApi(app, 'leads:move', { id: lead.id, stage: 'interview' });
  await callApi(app, 'activity:create', {
    leadId: lead.id,
    kind: 'call',
    at: '2026-07-05T10:00:00.000Z',
    text: 'Kick-off call',
  });
  await callApi(app, 'payments:create', { date: '2026-07-20', sourceId: upwork, leadId: lead.id, gross: '300.00' });
  const before = await report(app);

  await page.goto(`${app.url}#/lead/${lead.id}`);
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('dialog', { name: 'Delete this lead?' }).getByRole('button', { name: 'Delete lead' }).click();
  const toast = page.getByRole('status').filter({ hasText: 'Deleted “Brand refresh”' });
  await expect(toast).toBeVisible();
  await expect(page).toHaveURL(/#\/leads$/);
  expect((await callApi<{ total: number }>(app, 'leads:list', {})).total).toBe(0);

  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('link', { name: 'Brand refresh' })).toBeVisible();
  expect(await report(app)).toEqual(before);

  await page.goto(`${app.url}#/lead/${lead.id}`);
  await expect(page.getByRole('heading', { name: 'Brand refresh', level: 1 })).toBeVisible();
  // New (the created day), Applied, Interview: the history is dated by the typed days.
  await expect(page.getByRole('region', { name: 'Stage history' }).getByRole('listitem')).toHaveCount(3);
  await expect(page.getByRole('list', { name: 'Timeline' })).toContainText('Kick-off call');
  await expect(page.getByRole('table', { name: 'Payments of this lead' })).toContainText('$300.00');
  const details = page
    .locator('.details div')
    .filter({ has: page.locator('dt', { hasText: /^Follow-up$/ }) })
    .locator('dd');
  await expect(details).not.toHaveText('—');
});

test('payment, expense and subscription deletes on Costs each offer Undo', async ({ page, app }) => {
  const upwork = await sourceIdByName(app, 'Upwork');
  const toptal = await callApi<{ id: number }>(app, 'sources:create', { name: 'Toptal' });
  await callApi(app, 'payments:create', {
    date: '2026-07-20',
    sourceId: upwork,
    gross: '420.00',
    description: 'Milestone',
  });
  await callApi(app, 'expenses:create', {
    date: '2026-07-21',
    sourceId: upwork,
    category: 'advertising',
    amount: '33.00',
  });
  await callApi(app, 'subscriptions:create', {
    sourceId: toptal.id,
    name: 'Talent pass',
    period: 'monthly',
    amount: '20.00',
    startsOn: '2026-01-01',
  });
  const before = await report(app);

  await page.goto(`${app.url}#/costs`);
  const cases = [
    {
      table: 'Latest payments',
      row: /Milestone/,
      label: 'Delete payment of 2026-07-20',
      toast: 'Deleted the payment of 2026-07-20',
    },
    {
      table: 'Latest expenses',
      row: /advertising/i,
      label: 'Delete expense of 2026-07-21',
      toast: 'Deleted the expense of 2026-07-21',
    },
    { table: 'Subscriptions', row: /Talent pass/, label: 'Delete Talent pass', toast: 'Deleted Talent pass' },
  ];
  for (const c of cases) {
    const table = page.getByRole('table', { name: c.table });
    await expect(table.getByRole('row', { name: c.row })).toHaveCount(1);
    await page.getByRole('button', { name: c.label }).click();
    await page
      .getByRole('group', { name: `${c.label}: confirm` })
      .getByRole('button', { name: 'Yes, delete' })
      .click();
    await expect(table.getByRole('row', { name: c.row })).toHaveCount(0);
    await page.getByRole('status').filter({ hasText: c.toast }).getByRole('button', { name: 'Undo' }).click();
    await expect(table.getByRole('row', { name: c.row })).toHaveCount(1);
  }
  expect(await report(app)).toEqual(before);
});

test('a deleted activity comes back with Undo', async ({ page, app }) => {
  const upwork = await sourceIdByName(app, 'Upwork');
  const lead = await callApi<{ id: number }>(app, 'leads:create', {
    title: 'Podcast intro',
    sourceId: upwork,
    stage: 'applied',
  });
  await callApi(app, 'activity:create', {
    leadId: lead.id,
    kind: 'note',
    at: '2026-07-05T10:00:00.000Z',
    text: 'Sent the portfolio',
  });
  await page.goto(`${app.url}#/lead/${lead.id}`);
  const timeline = page.getByRole('list', { name: 'Timeline' });
  await expect(timeline).toContainText('Sent the portfolio');
  await timeline.getByRole('button', { name: /^Delete note of / }).click();
  await expect(timeline).not.toContainText('Sent the portfolio');
  await page.getByRole('status').filter({ hasText: 'Activity deleted' }).getByRole('button', { name: 'Undo' }).click();
  await expect(timeline).toContainText('Sent the portfolio');
});
