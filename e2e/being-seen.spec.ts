import fs from 'node:fs';
import { expect, test } from './fixtures/app';
import { callApi, isoDay, sourceIdByName } from './page-models/api';
import { PipelinePage } from './page-models/pipeline-page';
import { ReportsPage } from './page-models/reports-page';

// docs/domain.md §8 in the browser: the "Being seen" panel and the bid planner on Reports (sample
// data fills them), the proposals behind a number, the Bid row of the lead form and "Viewed" in one
// click on a card. Screenshots at 1280×720 and 1920×1080, light and dark, into LEADLEDGER_SCREENSHOTS.

const shots = process.env.LEADLEDGER_SCREENSHOTS;
if (shots) fs.mkdirSync(shots, { recursive: true });

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`Being seen and the planner at ${viewport.width}×${viewport.height}, ${scheme}`, async ({ page, app }) => {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme: scheme });
      await callApi(app, 'sample:load', { leads: 1500 });
      const reports = new ReportsPage(page);
      await reports.open(app.url, 'preset=all-time');
      const panel = page.getByRole('region', { name: 'Being seen' });
      await panel.scrollIntoViewIfNeeded();
      // The answer sentences first, in plain words with their numbers.
      const answers = panel.getByTestId('being-seen-answers');
      await expect(answers).toContainText(
        /viewed more often: \d+% against \d+% \(95% interval [+−]\d+ to [+−]\d+ points, [\d,]+ proposals\)|no difference you can tell yet from [\d,]+ proposals/,
      );
      await expect(
        panel
          .getByRole('figure', { name: 'View and win rate by how fast you bid' })
          .locator('.recharts-bar-rectangle')
          .first(),
      ).toBeVisible();
      await expect(panel.getByRole('table', { name: 'How fast you bid' }).getByRole('row')).toHaveCount(6);
      if (shots) {
        // The panel from its top (answers, funnel, charts), then its tables, as the user scrolls to them.
        await panel.evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await page.screenshot({ path: `${shots}/being-seen-${viewport.width}-${scheme}.png` });
        await panel
          .getByRole('table', { name: 'How fast you bid' })
          .evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await page.screenshot({ path: `${shots}/being-seen-tables-${viewport.width}-${scheme}.png` });
      }
      // The planner: Connects to buy and the month's numbers with 80% intervals.
      const planner = page.getByRole('region', { name: "Plan next month's bids" });
      await expect(planner.getByTestId('planner-result')).toContainText(/Buy [\d,]+ Connects/);
      await expect(
        planner.getByRole('table', { name: 'The month planned' }).getByRole('row', { name: /^Wins/ }),
      ).toContainText(/\d+\.\d and \d+\.\d/);
      // Sample data logs the time bids took: profit per hour has its interval too.
      await expect(
        planner.getByRole('table', { name: 'The month planned' }).getByRole('row', { name: /^Profit per hour/ }),
      ).toContainText(/\$[\d,.]+ and \$[\d,.]+/);
      if (shots) {
        await planner.evaluate((el) => el.scrollIntoView({ block: 'end' }));
        await page.screenshot({ path: `${shots}/planner-${viewport.width}-${scheme}.png` });
      }
    });
  }
}

test('each number opens the proposals behind it; the planner says when the history is too thin', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await callApi(app, 'sample:load', { leads: 600 });
  const reports = new ReportsPage(page);
  await reports.open(app.url, 'preset=all-time');
  const panel = page.getByRole('region', { name: 'Being seen' });
  const fast = panel.getByRole('table', { name: 'How fast you bid' }).getByRole('row', { name: /^< 1 h/ });
  const viewed = fast.getByRole('button', { name: /viewed, < 1 h/ });
  const n = Number(await viewed.innerText());
  await viewed.click();
  const list = panel.getByRole('region', { name: /Proposals behind: Viewed · < 1 h/ });
  await expect(list).toContainText(`(${n.toLocaleString('en-US')})`);
  await expect(list.getByRole('row')).toHaveCount(Math.min(n, 200) + 1);
  // A lead from the list opens its page.
  const first = list.getByRole('link').first();
  const title = await first.innerText();
  await first.click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.goBack();
  // Too thin: LinkedIn has no credits, so the planner offers Upwork; a window with no proposals says so.
  await reports.open(app.url, 'preset=custom&from=2000-01-01&to=2000-01-31');
  const planner = page.getByRole('region', { name: "Plan next month's bids" });
  await planner.getByLabel('Planner history').selectOption('report');
  await expect(planner.getByTestId('planner-thin')).toContainText('Not enough history yet');
});

test('the Bid row records a bid in a few keystrokes, and Viewed is one click (or key) on the card', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const pipeline = new PipelinePage(page);
  await pipeline.open(app.url);
  const form = await pipeline.newLead();
  await form.dialog.getByLabel('Title').fill('Fast bid on a quiet job');
  await form.dialog.getByLabel('Stage').selectOption('applied');
  await form.dialog.getByLabel('Applied').fill(isoDay());
  await form.dialog.getByLabel('Boost connects').fill('12');
  await form.dialog.getByLabel('Invited').check();
  await form.dialog.getByLabel('Posted … ago').fill('2 hrs');
  await form.dialog.getByLabel('Proposals on the job').selectOption('<5');
  await form.dialog.getByLabel('Boost outcome').selectOption('outbid');
  if (shots) await form.dialog.screenshot({ path: `${shots}/bid-row-1280.png` });
  // A time it cannot read is refused next to the field, nothing saved.
  await form.dialog.getByLabel('Posted … ago').fill('soonish');
  await form.dialog.getByRole('button', { name: 'Save' }).click();
  await expect(form.dialog.getByText('like 25 min, 2 h or 1 day')).toBeVisible();
  await expect(form.dialog.getByLabel('Posted … ago')).toBeFocused();
  await form.dialog.getByLabel('Posted … ago').fill('2 h');
  await form.dialog.getByRole('button', { name: 'Save' }).click();
  await expect(form.dialog).toBeHidden();
  const upwork = await sourceIdByName(app, 'Upwork');
  const rows = (
    await callApi<{
      rows: {
        id: number;
        invited: boolean;
        minutesAfterPost: number;
        proposalsWhenBid: string;
        boostOutcome: string;
        viewedOn: string | null;
      }[];
    }>(app, 'leads:list', { sourceIds: [upwork], search: 'Fast bid on a quiet job' })
  ).rows;
  expect(rows[0]).toMatchObject({
    invited: true,
    minutesAfterPost: 120,
    proposalsWhenBid: '<5',
    boostOutcome: 'outbid',
    viewedOn: null,
  });
  const card = pipeline.card('Fast bid on a quiet job', 'Applied');
  await expect(card).toContainText('2 h after post');
  await expect(card).toContainText('<5 proposals');
  // An outbid boost is not charged: the card counts no Connects for it.
  await expect(card).not.toContainText('12 connects');
  const toggle = card.getByRole('button', { name: 'Mark Fast bid on a quiet job viewed' });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(card.getByRole('button', { name: /viewed on/ })).toHaveAttribute('aria-pressed', 'true');
  const after = (
    await callApi<{ rows: { viewedOn: string | null }[] }>(app, 'leads:list', { search: 'Fast bid on a quiet job' })
  ).rows[0]!;
  expect(after.viewedOn).toBe(isoDay());
  if (shots) await card.screenshot({ path: `${shots}/card-viewed.png` });
  // On the lead page too: one click takes it back.
  await card.getByRole('link', { name: 'Fast bid on a quiet job' }).click();
  await page.getByRole('button', { name: /Fast bid on a quiet job: viewed on/ }).click();
  await expect(page.getByRole('button', { name: 'Mark Fast bid on a quiet job viewed' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  const cleared = (
    await callApi<{ rows: { viewedOn: string | null }[] }>(app, 'leads:list', { search: 'Fast bid on a quiet job' })
  ).rows[0]!;
  expect(cleared.viewedOn).toBeNull();
});
