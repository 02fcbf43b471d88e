import { expect, test, type RunningApp } from './fixtures/app';
import { type Page } from '@playwright/test';
import { callApi, createLead, sourceIdByName } from './page-models/api';
import { clippedInDialog } from './page-models/clipping';

// Every dialog at 1280×720 and 1920×1080, light and dark: nothing cut off.

type Opener = {
  name: string;
  open: (page: Page, app: RunningApp, ids: Ids) => Promise<void>;
  close?: (page: Page) => Promise<void>;
};
type Ids = { lead: number; paymentDate: string; expenseDate: string };

const openers: Opener[] = [
  {
    name: 'Won (with payment)',
    open: async (page, app, ids) => {
      await page.goto(`${app.url}#/lead/${ids.lead}`);
      await page.getByLabel('Move to stage').selectOption({ label: 'Won' });
      const dialog = page.getByRole('dialog', { name: /^Won: / });
      await dialog.getByRole('checkbox', { name: 'Record payment' }).check();
      await expect(dialog.getByLabel('Payment date', { exact: true })).toBeVisible();
    },
  },
  {
    name: 'Lost',
    open: async (page, app, ids) => {
      await page.goto(`${app.url}#/lead/${ids.lead}`);
      await page.getByLabel('Move to stage').selectOption({ label: 'Lost' });
      const dialog = page.getByRole('dialog', { name: /^Lost: / });
      await dialog.getByLabel('Lost reason', { exact: true }).selectOption({ label: 'Other…' });
    },
  },
  {
    name: 'New lead',
    open: async (page, app) => {
      await page.goto(`${app.url}#/pipeline`);
      await page.getByRole('button', { name: 'New lead' }).click();
    },
  },
  {
    name: 'Edit lead',
    open: async (page, app, ids) => {
      await page.goto(`${app.url}#/lead/${ids.lead}`);
      await page.getByRole('button', { name: 'Edit', exact: true }).click();
    },
  },
  {
    name: 'Delete lead',
    open: async (page, app, ids) => {
      await page.goto(`${app.url}#/lead/${ids.lead}`);
      await page.getByRole('button', { name: 'Delete', exact: true }).click();
    },
  },
  {
    name: 'Edit payment',
    open: async (page, app, ids) => {
      await page.goto(`${app.url}#/costs`);
      await page.getByRole('button', { name: `Edit payment of ${ids.paymentDate}` }).click();
    },
  },
  {
    name: 'Edit expense',
    open: async (page, app, ids) => {
      await page.goto(`${app.url}#/costs`);
      await page.getByRole('button', { name: `Edit expense of ${ids.expenseDate}` }).click();
    },
  },
  {
    name: 'Connects opening balance',
    open: async (page, app) => {
      await page.goto(`${app.url}#/connects`);
      await page.getByRole('button', { name: 'Set opening balance' }).click();
    },
  },
];

async function seed(app: RunningApp): Promise<Ids> {
  const upwork = await sourceIdByName(app, 'Upwork');
  const lead = await createLead(app, {
    title: 'Redesign of the booking flow for a dental clinic chain',
    stage: 'interview',
    value: '12500',
    client: 'Smile Group',
  });
  await callApi(app, 'payments:create', {
    date: '2026-07-20',
    sourceId: upwork,
    leadId: lead.id,
    gross: '1250.00',
    description: 'First milestone',
  });
  await callApi(app, 'expenses:create', {
    date: '2026-07-21',
    sourceId: upwork,
    category: 'connects',
    amount: '15.00',
    connects: 100,
  });
  return { lead: lead.id, paymentDate: '2026-07-20', expenseDate: '2026-07-21' };
}

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  for (const theme of ['light', 'dark'] as const) {
    test(`no dialog is cut off at ${viewport.width}×${viewport.height}, ${theme}`, async ({ page, app }) => {
      test.setTimeout(120_000);
      await page.setViewportSize(viewport);
      await callApi(app, 'preferences:update', { theme });
      const ids = await seed(app);
      const found: Record<string, string[]> = {};
      for (const opener of openers) {
        await opener.open(page, app, ids);
        await expect(page.locator('dialog[open]')).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        const problems = await clippedInDialog(page);
        if (problems.length) found[opener.name] = problems;
        await page.keyboard.press('Escape');
        await expect(page.locator('dialog[open]')).toHaveCount(0);
      }
      expect(found).toEqual({});
    });
  }
}

test('the check sees a date field that hides its year', async ({ page, app }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const ids = await seed(app);
  await openers[0]!.open(page, app, ids);
  expect(await clippedInDialog(page)).toEqual([]);
  await page
    .getByRole('dialog')
    .getByLabel('Payment date', { exact: true })
    .evaluate((el) => ((el as HTMLElement).style.width = '96px'));
  expect(await clippedInDialog(page)).toEqual([
    expect.stringMatching(/^Payment date: 96px, needs \d+px \(the date is cut\)$/),
  ]);
});

test('the lead page at 1280×720 keeps the Money panel’s Unlink action inside the panel', async ({ page, app }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const ids = await seed(app);
  await page.goto(`${app.url}#/lead/${ids.lead}`);
  const panel = page.getByRole('region', { name: 'Money' });
  const unlink = panel.getByRole('button', { name: /^Unlink the payment of / });
  await expect(unlink).toBeVisible();
  const [outer, inner] = [await panel.boundingBox(), await unlink.boundingBox()];
  expect(inner!.x + inner!.width).toBeLessThanOrEqual(outer!.x + outer!.width);
  expect(await unlink.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
});
