import { expect, test } from './fixtures/app';
import { callApi, sourceIdByName } from './page-models/api';

// The Costs lists reach every row (filters, pages), each row edited and deleted;
// a delete that leaves Connects short shows the day and the shortfall and asks before saving.
test.use({ locale: 'en-US' });

type Ledger = { channels: { uncovered: number; bought: number; opening: number }[] };

test('every expense, payment and subscription is reachable, filtered, edited and deleted', async ({ page, app }) => {
  test.setTimeout(120_000);
  const upwork = await sourceIdByName(app, 'Upwork');
  const fiverr = await sourceIdByName(app, 'Fiverr');
  for (let i = 1; i <= 30; i++) {
    const date = `2026-0${1 + Math.floor((i - 1) / 10)}-${String(((i - 1) % 10) + 1).padStart(2, '0')}`;
    await callApi(app, 'expenses:create', {
      date,
      sourceId: i % 3 === 0 ? fiverr : upwork,
      category: 'advertising',
      amount: `${i}.00`,
      description: `Ad ${i}`,
    });
  }
  for (let i = 1; i <= 27; i++)
    await callApi(app, 'payments:create', {
      date: `2026-05-${String(i).padStart(2, '0')}`,
      sourceId: upwork,
      gross: `${100 + i}.00`,
      description: `Milestone ${i}`,
    });
  await callApi(app, 'subscriptions:create', {
    sourceId: upwork,
    name: 'Freelancer Plus',
    period: 'monthly',
    amount: '19.99',
    startsOn: '2026-01-15',
    endsOn: '2026-03-14',
  });
  await callApi(app, 'subscriptions:create', {
    sourceId: fiverr,
    name: 'Seller Plus',
    period: 'monthly',
    amount: '15.00',
    startsOn: '2026-06-01',
  });
  await page.goto(new URL('#/costs', app.url).toString());

  const expenses = page.getByRole('table', { name: 'Latest expenses' });
  const expensePages = page.getByRole('navigation', { name: 'Expenses pages' });
  await expect(expensePages).toContainText('1–25 of 30');
  await expect(expenses.getByRole('row')).toHaveCount(26);
  await expect(expenses.getByRole('row').nth(1)).toContainText('Ad 30');
  await expensePages.getByRole('button', { name: 'Older →' }).click();
  await expect(expensePages).toContainText('26–30 of 30');
  // The oldest row, well past the 10 latest, opens in the edit dialog.
  const oldest = expenses.getByRole('row', { name: /Ad 1\b/ });
  await expect(oldest).toContainText('Jan 1, 2026'); // en-US dates
  await oldest.getByRole('button', { name: 'Edit expense of 2026-01-01' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit expense' });
  await dialog.getByLabel('Description').fill('First ad, corrected');
  await dialog.getByRole('button', { name: 'Save expense' }).click();
  await expect(dialog).toBeHidden();
  await expect(expenses).toContainText('First ad, corrected');
  await expenses
    .getByRole('row', { name: /First ad, corrected/ })
    .getByRole('button', { name: 'Delete expense of 2026-01-01' })
    .click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(expensePages).toContainText('of 29');
  expect((await callApi<{ total: number }>(app, 'expenses:list', {})).total).toBe(29);

  // Filters: channel and date range, back to the first page.
  const filters = page.getByRole('group', { name: 'Filter Expenses' });
  await filters.getByLabel('Expenses: channel').selectOption({ label: 'Fiverr' });
  await expect(expensePages).toContainText('1–10 of 10');
  await filters.getByLabel('Expenses: from').fill('2026-02-01');
  await filters.getByLabel('Expenses: to').fill('2026-02-28');
  await expect(expensePages).toContainText('1–3 of 3');
  await expect(expenses.getByRole('row')).toHaveCount(4);
  await expect(expenses).toContainText('Ad 18');
  await expect(expenses).not.toContainText('Ad 21');

  // Payments: 27 rows, the oldest on the second page, edited in place.
  const paymentPages = page.getByRole('navigation', { name: 'Payments pages' });
  await expect(paymentPages).toContainText('1–25 of 27');
  await paymentPages.getByRole('button', { name: 'Older →' }).click();
  const payments = page.getByRole('table', { name: 'Latest payments' });
  await payments.getByRole('button', { name: 'Edit payment of 2026-05-01' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit payment' });
  await edit.getByLabel('Gross').fill('150.00');
  await edit.getByRole('button', { name: 'Save payment' }).click();
  await expect(payments.getByRole('row', { name: /Milestone 1\b/ })).toContainText('$150.00');

  // Subscriptions: by start date, filtered by channel and range, edited in a dialog.
  const subs = page.getByRole('table', { name: 'Subscriptions' });
  await expect(subs.getByRole('row').nth(1)).toContainText('Freelancer Plus');
  const subFilters = page.getByRole('group', { name: 'Filter Subscriptions' });
  await subFilters.getByLabel('Subscriptions: from').fill('2026-04-01');
  await expect(subs).not.toContainText('Freelancer Plus');
  await expect(subs).toContainText('Seller Plus');
  await subs.getByRole('button', { name: 'Edit Seller Plus' }).click();
  const subDialog = page.getByRole('dialog', { name: 'Edit subscription' });
  await subDialog.getByLabel('Amount').fill('25.00');
  await subDialog.getByRole('button', { name: 'Save subscription' }).click();
  await expect(subs.getByRole('row', { name: /Seller Plus/ })).toContainText('$25.00');
});

test('deleting a spent purchase or the opening balance shows the day and the shortfall and asks', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  const upwork = await sourceIdByName(app, 'Upwork');
  // 11-01: opening 20 + 10 free; 11-05: 20 bought; 11-10: 45 spent (5 left).
  await callApi(app, 'connects:set-opening', { sourceId: upwork, count: 20, on: '2026-11-01' });
  await callApi(app, 'expenses:create', {
    date: '2026-11-05',
    sourceId: upwork,
    category: 'connects',
    amount: '4.00',
    connects: 20,
    description: '20 Connects',
  });
  await callApi(app, 'leads:create', { sourceId: upwork, title: 'Big bid', createdOn: '2026-11-10', connects: 45 });
  await page.goto(new URL('#/costs', app.url).toString());

  const row = page.getByRole('table', { name: 'Latest expenses' }).getByRole('row', { name: /20 Connects/ });
  await row.getByRole('button', { name: 'Delete expense of 2026-11-05' }).click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  const ask = page.getByRole('alertdialog', { name: 'Credits would run short' });
  await expect(ask).toContainText('Upwork would be 15 Connects short from 2026-11-10');
  await expect(ask).toContainText("valued at the day's credit price");
  await ask.getByRole('button', { name: 'Keep as it was' }).click();
  await expect(ask).toBeHidden();
  await expect(row).toBeVisible();
  expect((await callApi<Ledger>(app, 'connects:ledger', { sourceId: upwork })).channels[0]).toMatchObject({
    bought: 20,
    uncovered: 0,
  });

  await row.getByRole('button', { name: 'Delete expense of 2026-11-05' }).click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await ask.getByRole('button', { name: 'Save anyway' }).click();
  await expect(row).toBeHidden();
  expect((await callApi<Ledger>(app, 'connects:ledger', { sourceId: upwork })).channels[0]).toMatchObject({
    bought: 0,
    uncovered: 15,
  });

  // The Connects page: deleting the opening balance leaves 20 more short.
  await page.goto(new URL('#/connects', app.url).toString());
  await page.getByRole('button', { name: 'Delete the opening balance' }).click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(ask).toContainText('Upwork would be 20 Connects short from 2026-11-10');
  await ask.getByRole('button', { name: 'Save anyway' }).click();
  await expect(ask).toBeHidden();
  await expect(page.getByRole('table', { name: 'Ledger entries' })).toBeHidden();
  expect((await callApi<Ledger>(app, 'connects:ledger', { sourceId: upwork })).channels[0]).toMatchObject({
    opening: 0,
    uncovered: 35,
  });
});
