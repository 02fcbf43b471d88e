import { expect, test } from './fixtures/app';
import { callApi, createLead, isoDay } from './page-models/api';
import { FollowUpsPage } from './page-models/follow-ups-page';

test.use({ viewport: { width: 1280, height: 720 } });

type Row = { title: string; followUpOn: string | null };
const followUpOf = async (app: Parameters<typeof callApi>[0], title: string) =>
  (await callApi<{ rows: Row[] }>(app, 'leads:list', {})).rows.find((r) => r.title === title)?.followUpOn;

test('sections Today, Overdue, Next 7 days, Later with channel, value and last activity', async ({ page, app }) => {
  const chase = await createLead(app, { title: 'Chase invoice', followUpOn: isoDay(-3) });
  await createLead(app, { title: 'Call Globex', followUpOn: isoDay(0), client: 'Globex', value: '1200' });
  await createLead(app, { title: 'Send proposal', followUpOn: isoDay(0), source: 'Fiverr' });
  await createLead(app, { title: 'Next week thing', followUpOn: isoDay(5) });
  await createLead(app, { title: 'Far away', followUpOn: isoDay(30) });
  await createLead(app, { title: 'Closed deal', followUpOn: isoDay(-1), stage: 'won' });
  await callApi(app, 'activity:create', {
    leadId: chase.id,
    kind: 'message',
    at: new Date().toISOString(),
    text: 'Sent a reminder',
  });
  const followUps = new FollowUpsPage(page);
  await followUps.open(app.url);

  await expect(followUps.sectionHeadings()).toHaveText([/^Today/, /^Overdue/, /^Next 7 days/, /^Later/]);
  await expect(followUps.group('Overdue').getByRole('listitem')).toHaveText([/Chase invoice.*3 days overdue/]);
  await expect(followUps.item('Chase invoice')).toContainText('Last: Message');
  await expect(followUps.item('Chase invoice')).toContainText('Sent a reminder');
  await expect(followUps.group('Today').getByRole('listitem')).toHaveCount(2);
  await expect(followUps.item('Call Globex')).toContainText('$1,200');
  await expect(followUps.item('Send proposal')).toContainText('Fiverr');
  await expect(followUps.group('Next 7 days').getByRole('listitem')).toHaveText([/Next week thing/]);
  await expect(followUps.group('Later').getByRole('listitem')).toHaveText([/Far away/]);
  await expect(followUps.item('Closed deal')).toHaveCount(0);
  await expect(page.getByRole('link', { name: /Follow-ups 3 due/ })).toBeVisible();
});

test('one click reschedules; Done records an activity and sets the next follow-up', async ({ page, app }) => {
  const chase = await createLead(app, { title: 'Chase invoice', followUpOn: isoDay(-3) });
  await createLead(app, { title: 'Call Globex', followUpOn: isoDay(0) });
  await createLead(app, { title: 'Send proposal', followUpOn: isoDay(0) });
  await createLead(app, { title: 'Reply to Hooli', followUpOn: isoDay(-1) });
  const followUps = new FollowUpsPage(page);
  await followUps.open(app.url);

  await followUps.button('Call Globex', 'Tomorrow').click();
  await expect(followUps.group('Next 7 days').getByRole('listitem', { name: 'Call Globex' })).toBeVisible();
  expect(await followUpOf(app, 'Call Globex')).toBe(isoDay(1));

  await followUps.button('Send proposal', 'In 3 days').click();
  await expect(followUps.group('Today')).toHaveCount(0);
  expect(await followUpOf(app, 'Send proposal')).toBe(isoDay(3));

  await followUps.item('Reply to Hooli').getByLabel('Follow up Reply to Hooli on').fill(isoDay(40));
  await expect(followUps.group('Later').getByRole('listitem', { name: 'Reply to Hooli' })).toBeVisible();
  expect(await followUpOf(app, 'Reply to Hooli')).toBe(isoDay(40));

  await followUps.done('Chase invoice', 'Tomorrow');
  await expect(followUps.group('Overdue')).toHaveCount(0);
  expect(await followUpOf(app, 'Chase invoice')).toBe(isoDay(1));
  const timeline = await callApi<{ type: string; activity?: { kind: string } }[]>(app, 'activity:timeline', {
    leadId: chase.id,
  });
  expect(timeline.filter((t) => t.type === 'activity').map((t) => t.activity?.kind)).toEqual(['follow-up']);

  await followUps.item('Chase invoice').getByRole('link', { name: 'Chase invoice' }).click();
  await expect(page.getByRole('heading', { name: 'Chase invoice', level: 1 })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Timeline' })).toContainText('Follow-up done');
  await page.getByRole('link', { name: '← Follow-ups' }).click();
  await expect(page.getByRole('heading', { name: 'Follow-ups', level: 1 })).toBeVisible();
});
