import { expect, test } from './fixtures/app';
import { LeadPage } from './page-models/lead-page';
import { PipelinePage } from './page-models/pipeline-page';

test('a lead created and moved in the UI survives a server restart', async ({ page, app }) => {
  const board = new PipelinePage(page);
  await board.open(app.url);
  const form = await board.newLead();
  await form.fill({ Title: 'Kept across restarts', Client: 'Wayne Media', Value: '750', Tags: 'keep' });
  await form.save();
  await board.moveWithMenu('Kept across restarts', 'Interview');
  await expect(board.card('Kept across restarts', 'Interview')).toBeVisible();

  const url = await app.restart();
  await board.open(url);
  const card = board.card('Kept across restarts', 'Interview');
  await expect(card).toContainText('Wayne Media');
  await expect(card).toContainText('$750');
  await card.getByRole('link', { name: 'Kept across restarts' }).click();
  const lead = new LeadPage(page);
  await expect(lead.history).toHaveText([/New → Interview/, /Added as New/]);
  await expect(lead.detail('Tags')).toHaveText('keep');
});
