import { expect, test } from './fixtures/app';
import { callApi, sourceIdByName } from './page-models/api';

test.use({ locale: 'en-US' });

type Report = { channels: { source: string; revenue: number; fees: number; costs: number }[]; warnings: string[] };

test('adds payments, expenses, subscriptions, cost rules and rates with errors next to fields', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  const upwork = await sourceIdByName(app, 'Upwork');
  await callApi(app, 'leads:create', {
    sourceId: upwork,
    title: 'Logo with a 5% fee',
    stage: 'won',
    value: '200',
    feePercent: 5,
  });
  await page.goto(new URL('#/costs', app.url).toString());
  await expect(page.getByRole('heading', { name: 'Costs', level: 1 })).toBeVisible();

  // Payment: a bad decimal is refused next to the field, nothing saved; then a good one with a computed fee.
  const payment = page.getByRole('form', { name: 'Add a payment' });
  await payment.getByLabel('Date').fill('2026-08-12');
  await payment.getByLabel('Channel').selectOption({ label: 'Upwork' });
  await payment.getByLabel('Gross').fill('1000.555');
  await payment.getByRole('button', { name: 'Add payment' }).click();
  await expect(payment.getByText('USD has 2 decimals; "1000.555" has 3')).toBeVisible();
  await expect(payment.getByLabel('Gross')).toHaveAttribute('aria-invalid', 'true');
  expect((await callApi<{ total: number }>(app, 'payments:list', {})).total).toBe(0);
  await payment.getByLabel('Gross').fill('1000.00');
  await payment.getByRole('button', { name: 'Add payment' }).click();
  const latest = page.getByRole('table', { name: 'Latest payments' });
  await expect(latest).toContainText('$1,000.00');
  await expect(latest).toContainText('$100.00');
  // Linked to a lead with its own fee: 5% of 200.00 on a new date.
  await payment.getByLabel('Date').fill('2026-07-01');
  await payment.getByLabel('Lead').selectOption({ label: 'Logo with a 5% fee' });
  await payment.getByLabel('Gross').fill('200.00');
  await payment.getByRole('button', { name: 'Add payment' }).click();
  await expect(latest.getByRole('row', { name: /1 Jul 2026|Jul 1, 2026/ })).toContainText('$10.00');

  // Expense: connects purchase with the count.
  const expense = page.getByRole('form', { name: 'Add an expense' });
  await expense.getByLabel('Date').fill('2026-08-02');
  await expense.getByLabel('Channel').selectOption({ label: 'Upwork' });
  await expense.getByLabel('Amount').fill('12.00');
  await expense.getByLabel('Connects bought').fill('80');
  await expense.getByRole('button', { name: 'Add expense' }).click();
  await expect(page.getByRole('table', { name: 'Latest expenses' })).toContainText('Connects (80)');

  // Subscription, then an overlapping one is refused.
  const subscription = page.getByRole('form', { name: 'Add a subscription' });
  const addPlan = async (name: string, starts: string) => {
    await subscription.getByLabel('Channel').selectOption({ label: 'Upwork' });
    await subscription.getByLabel('Plan name').fill(name);
    await subscription.getByLabel('Amount').fill('19.99');
    await subscription.getByLabel('Starts').fill(starts);
    await subscription.getByRole('button', { name: 'Add subscription' }).click();
  };
  await addPlan('Freelancer Plus', '2026-01-31');
  await expect(page.getByRole('table', { name: 'Subscriptions' })).toContainText('Freelancer Plus');
  await addPlan('Second plan', '2026-03-01');
  await expect(subscription.getByText(/Overlaps "Freelancer Plus"/)).toBeVisible();
  // Ending the first plan lets the second one in.
  await page.getByLabel('End date of Freelancer Plus').fill('2026-02-28');
  await page
    .getByRole('row', { name: /Freelancer Plus/ })
    .getByRole('button', { name: 'Set end' })
    .click();
  await expect(page.getByRole('table', { name: 'Subscriptions' })).toContainText(/28 Feb 2026|Feb 28, 2026/);
  await addPlan('Second plan', '2026-03-01');
  await expect(page.getByRole('table', { name: 'Subscriptions' })).toContainText('Second plan');

  // Commission over 100% is refused; a dated rule is added.
  const rule = page.getByRole('form', { name: 'Add a commission rule' });
  await rule.getByLabel('From').fill('2026-09-01');
  await rule.getByLabel('Percent').fill('120');
  await rule.getByRole('button', { name: 'Add rule' }).click();
  await expect(rule.getByText('A fee cannot be over 100%')).toBeVisible();
  await rule.getByLabel('Percent').fill('15');
  await rule.getByRole('button', { name: 'Add rule' }).click();
  await expect(page.getByRole('table', { name: 'Commission rules' })).toContainText('15%');

  // A EUR payment is left out until its month has a rate.
  await payment.getByLabel('Date').fill('2026-08-14');
  await payment.getByLabel('Channel').selectOption({ label: 'Fiverr' });
  await payment.getByLabel('Gross').fill('100.00');
  await payment.getByLabel('Currency').fill('EUR');
  await payment.getByRole('button', { name: 'Add payment' }).click();
  await expect(latest).toContainText('€100.00');
  let report = JSON.parse(
    (await app.cli('report', '--from', '2026-08-01', '--to', '2026-08-31', '--json')).stdout,
  ) as Report;
  expect(report.warnings).toEqual(['No EUR rate for 2026-08: 1 amount left out (100.00 EUR)']);
  // Exchange rates live on Settings, with the base currency.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const rate = page.getByRole('form', { name: 'Add an exchange rate' });
  await rate.getByLabel('Currency').fill('EUR');
  await rate.getByLabel('Month').fill('2026-08');
  await rate.getByLabel(/^Rate/).fill('-1');
  await rate.getByRole('button', { name: 'Save rate' }).click();
  await expect(rate.getByText(/Write a positive rate/)).toBeVisible();
  await rate.getByLabel(/^Rate/).fill('1.10');
  await rate.getByRole('button', { name: 'Save rate' }).click();
  await expect(page.getByRole('table', { name: 'Exchange rates' })).toContainText('1.10');

  report = JSON.parse(
    (await app.cli('report', '--from', '2026-08-01', '--to', '2026-08-31', '--basis', 'cash', '--json')).stdout,
  ) as Report;
  expect(report.warnings).toEqual([]);
  // Upwork: 1000 revenue, 100 fee, 12.00 connects + 19.99 second plan (1 Aug); Fiverr: 110.00 at 1.10, fee 20% = 22.00
  expect(report.channels).toEqual([
    expect.objectContaining({ source: 'Upwork', revenue: 100000, fees: 10000, costs: 1200 + 1999 }),
    expect.objectContaining({ source: 'Fiverr', revenue: 11000, fees: 2200, costs: 0 }),
  ]);
});
