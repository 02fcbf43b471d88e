import { expect, test } from './fixtures/app';
import { callApi, createLead, isoDay } from './page-models/api';
import { FollowUpsPage } from './page-models/follow-ups-page';

test('lists overdue and due-today follow-ups with done, snooze and open', async ({ page, app }) => {
  await createLead(app, { title: 'Chase invoice', followUpOn: isoDay(-3) });
  await createLead(app, { title: 'Call Globex', followUpOn: isoDay(0), client: 'Globex' });
  await createLead(app, { title: 'Send proposal', followUpOn: isoDay(0) });
  await createLead(app, { title: 'Next week thing', followUpOn: isoDay(5) });
  await createLead(app, { title: 'Closed deal', followUpOn: isoDay(-1), stage: 'won' });
  const followUps = new FollowUpsPage(page);
  await followUps.open(app.url);

  await expect(followUps.group('Overdue').getByRole('listitem')).toHaveText([/Chase invoice.*3 days overdue/]);
  await expect(followUps.group('Today').getByRole('listitem')).toHaveCount(2);
  await expect(followUps.item('Next week thing')).toHaveCount(0);
  await expect(followUps.item('Closed deal')).toHaveCount(0);
  await expect(page.getByRole('link', { name: /Follow-ups 3 due/ })).toBeVisible();

  await followUps.item('Chase invoice').getByRole('button', { name: 'Done with Chase invoice' }).click();
  await expect(followUps.item('Chase invoice')).toHaveCount(0);
  await expect(followUps.group('Overdue')).toHaveCount(0);

  await followUps.item('Call Globex').getByRole('button', { name: '+1 day for Call Globex' }).click();
  await expect(followUps.item('Call Globex')).toHaveCount(0);
  await followUps.item('Send proposal').getByRole('button', { name: '+1 week for Send proposal' }).click();
  await expect(page.getByRole('heading', { name: 'Nothing due' })).toBeVisible();

  const rows = (await callApi<{ rows: { title: string; followUpOn: string | null }[] }>(app, 'leads:list', {})).rows;
  const byTitle = Object.fromEntries(rows.map((r) => [r.title, r.followUpOn]));
  expect(byTitle).toMatchObject({ 'Chase invoice': null, 'Call Globex': isoDay(1), 'Send proposal': isoDay(7) });

  await createLead(app, { title: 'Reply to Hooli', followUpOn: isoDay(-1) });
  await followUps.open(app.url);
  await followUps.item('Reply to Hooli').getByRole('button', { name: 'Open Reply to Hooli' }).click();
  await expect(page.getByRole('heading', { name: 'Reply to Hooli', level: 1 })).toBeVisible();
});
