import { expect, test } from './fixtures/app';
import { callApi, createLead } from './page-models/api';
import { PipelinePage } from './page-models/pipeline-page';
import { SourcesPage } from './page-models/sources-page';

type Source = { name: string; color: string; archived: boolean };

test('renames, recolours, archives and restores a channel; errors sit next to the field', async ({ page, app }) => {
  await createLead(app, { title: 'Gig on Fiverr', source: 'Fiverr' });
  const sources = new SourcesPage(page);
  await sources.open(app.url);
  await expect(sources.row('Upwork')).toContainText('Connects');
  await expect(sources.row('Upwork')).toContainText('$0.15 each');
  await expect(sources.row('Fiverr')).toContainText('20%');

  // Rename to a name that exists: refused next to the input.
  const input = await sources.rename('Fiverr', 'upwork');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(input).toHaveAccessibleDescription('A channel named "upwork" exists');
  await input.fill('Fiverr Pro');
  await input.press('Enter');
  await expect(sources.row('Fiverr Pro')).toBeVisible();

  await sources.row('Fiverr Pro').getByLabel('Colour of Fiverr Pro').fill('#ff5500');
  await expect
    .poll(async () => (await callApi<Source[]>(app, 'sources:list', {})).find((s) => s.name === 'Fiverr Pro')?.color)
    .toBe('#ff5500');

  await sources.row('Fiverr Pro').getByRole('button', { name: 'Archive Fiverr Pro' }).click();
  await expect(sources.row('Fiverr Pro')).toHaveCount(0);
  await page.getByLabel('Show archived (1)').check();
  await expect(sources.row('Fiverr Pro')).toContainText('Archived');

  // An archived channel is not offered for new leads, but its leads keep it.
  const board = new PipelinePage(page);
  await board.open(app.url);
  await expect(board.card('Gig on Fiverr')).toContainText('Fiverr Pro');
  const form = await board.newLead();
  await expect(form.field('Channel').locator('option', { hasText: 'Fiverr Pro' })).toHaveCount(0);
  await page.keyboard.press('Escape');

  await sources.open(app.url);
  await page.getByLabel('Show archived (1)').check();
  await sources.row('Fiverr Pro').getByRole('button', { name: 'Restore Fiverr Pro' }).click();
  await expect(page.getByLabel('Show archived (0)')).toBeVisible();
  expect((await callApi<Source[]>(app, 'sources:list', {})).find((s) => s.name === 'Fiverr Pro')).toMatchObject({
    archived: false,
    color: '#ff5500',
  });

  // Add a channel; an empty name is refused next to the field.
  await page.getByRole('button', { name: 'Add channel' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveAccessibleDescription('Give the channel a name');
  await page.getByLabel('Name', { exact: true }).fill('Toptal');
  await page.getByRole('button', { name: 'Add channel' }).click();
  await expect(sources.row('Toptal')).toBeVisible();
  await expect(sources.row('Toptal').getByRole('link', { name: '0 leads from Toptal' })).toBeVisible();
});
