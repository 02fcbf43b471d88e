import { expect, test } from './fixtures/app';
import { callApi, createLead, isoDay } from './page-models/api';
import { LostDialog, WonDialog } from './page-models/closeout-dialogs';
import { LeadPage } from './page-models/lead-page';
import { PipelinePage } from './page-models/pipeline-page';

test.use({ viewport: { width: 1280, height: 720 } });

type Lead = { id: number; stage: string; closedOn: string | null; valueMinor: number | null; lostReason: string };
type Payments = { items: { grossMinor: number; feeMinor: number; leadId: number; date: string }[] };

test('Won asks for the close date, value and payment, with the channel fee, and saves them in one step', async ({
  page,
  app,
}) => {
  const lead = await createLead(app, { title: 'Logo for Acme', stage: 'applied', value: '600' });
  const board = new PipelinePage(page);
  await board.open(app.url);
  await board.moveWithMenu('Logo for Acme', 'Won');
  const won = new WonDialog(page, 'Logo for Acme');
  await expect(won.field('Closed')).toHaveValue(isoDay(0));
  await expect(won.field('Value')).toHaveValue('600.00');
  await expect(won.field('Currency')).toHaveValue('USD');
  await expect(won.field('Amount')).toHaveCount(0);
  await won.recordPayment().check();
  await expect(won.field('Amount')).toHaveValue('600.00');
  await expect(won.field('Fee')).toHaveValue('60.00'); // Upwork's 10% rule
  await won.field('Amount').fill('500');
  await expect(won.field('Fee')).toHaveValue('50.00');
  await won.save();
  await expect(won.dialog).toBeHidden();
  await expect(board.card('Logo for Acme', 'Won')).toBeVisible();
  expect(await callApi<Lead>(app, 'leads:get', { id: lead.id })).toMatchObject({
    stage: 'won',
    closedOn: isoDay(0),
    valueMinor: 60000,
  });
  const payments = await callApi<Payments>(app, 'payments:list', {});
  expect(payments.items).toEqual([
    expect.objectContaining({ grossMinor: 50000, feeMinor: 5000, leadId: lead.id, date: isoDay(0) }),
  ]);
});

test('Escape cancels the move; bad dates and a payment over ten times the value are stopped next to the field', async ({
  page,
  app,
}) => {
  const lead = await createLead(app, { title: 'Brochure', stage: 'applied', value: '100' });
  const board = new PipelinePage(page);
  await board.open(app.url);
  await board.drag('Brochure', 'Won');
  const won = new WonDialog(page, 'Brochure');
  await expect(won.dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(won.dialog).toBeHidden();
  await expect(board.card('Brochure', 'Applied')).toBeVisible();
  expect((await callApi<Lead>(app, 'leads:get', { id: lead.id })).stage).toBe('applied');

  await board.moveWithMenu('Brochure', 'Won');
  await won.field('Closed').fill(isoDay(-400));
  await won.save();
  await won.expectError('Closed', /Closed cannot be before Applied/);
  await won.field('Closed').fill(isoDay(0));
  await won.recordPayment().check();
  await won.field('Amount').fill('1000.01');
  await won.save();
  await won.expectError('Amount', /more than ten times the value/);
  expect((await callApi<Lead>(app, 'leads:get', { id: lead.id })).stage).toBe('applied');
  await won.dialog.getByRole('checkbox', { name: /more than ten times/ }).check();
  await won.save();
  await expect(board.card('Brochure', 'Won')).toBeVisible();
  expect((await callApi<Payments>(app, 'payments:list', {})).items).toHaveLength(1);
});

test('Lost asks for a reason from a list the user extends, and the Reports panel counts them', async ({
  page,
  app,
}) => {
  const first = await createLead(app, { title: 'Landing page', stage: 'applied' });
  await createLead(app, { title: 'Podcast edit', stage: 'replied', source: 'Fiverr' });
  await page.goto(`${app.url}#/lead/${first.id}`);
  const leadPage = new LeadPage(page);
  await leadPage.expectTitle('Landing page');
  await page.getByLabel('Move to stage').selectOption({ label: 'Lost' });
  const lost = new LostDialog(page, 'Landing page');
  await lost.save();
  await expect(lost.reason()).toHaveAccessibleDescription('Choose a reason');
  await lost.choose('Other…');
  await lost.dialog.getByLabel('New reason').fill('Went in-house');
  await lost.dialog.getByLabel('Note').fill('Their own designer will do it');
  await lost.save();
  await expect(lost.dialog).toBeHidden();
  await expect(leadPage.detail('Lost because')).toHaveText('Went in-house');
  await expect(page.getByRole('list', { name: 'Timeline' })).toContainText('Their own designer will do it');

  const board = new PipelinePage(page);
  await board.open(app.url);
  await board.moveWithMenu('Podcast edit', 'Lost');
  const second = new LostDialog(page, 'Podcast edit');
  await second.choose('Went in-house');
  await second.save();
  await expect(board.card('Podcast edit', 'Lost')).toBeVisible();

  await page.goto(`${app.url}#/reports`);
  const panel = page.getByRole('region', { name: 'Lost reasons' });
  await expect(panel.getByRole('row', { name: /Went in-house/ })).toContainText('2');
  await expect(panel).toContainText('Fiverr');
  await expect(panel).toContainText('Upwork');
});
