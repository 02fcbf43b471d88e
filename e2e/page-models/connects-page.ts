import { expect, type Locator, type Page } from '@playwright/test';

export class ConnectsPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    const base = new URL(url);
    base.hash = '/connects';
    await this.page.goto(base.toString());
    await expect(this.page.getByRole('heading', { name: 'Connects', level: 1 })).toBeVisible();
  }

  kpi(label: string): Locator {
    return this.page.locator('.kpi', { has: this.page.getByText(label, { exact: true }) }).locator('.kpi-value');
  }

  async setOpening(count: string, on: string): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Set opening balance' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('Available Connects').fill(count);
    await dialog.getByLabel('On', { exact: true }).fill(on);
    await dialog.getByRole('button', { name: 'Save opening balance' }).click();
    return dialog;
  }
}
