import { expect, type Locator, type Page } from '@playwright/test';

export class ReportsPage {
  constructor(readonly page: Page) {}

  async open(url: string, query = ''): Promise<void> {
    const base = new URL(url);
    base.hash = `/reports${query ? `?${query}` : ''}`;
    await this.page.goto(base.toString());
    await expect(this.page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
  }

  get table(): Locator {
    return this.page.getByRole('table', { name: /^Channels,/ });
  }

  async customRange(from: string, to: string): Promise<void> {
    await this.page.getByLabel('Period').selectOption('custom');
    await this.page.getByLabel('From', { exact: true }).fill(from);
    await this.page.getByLabel('To', { exact: true }).fill(to);
  }

  async basis(name: 'Usage' | 'Cash'): Promise<void> {
    await this.page.getByRole('radio', { name }).click();
    await expect(this.page.getByRole('radio', { name })).toHaveAttribute('aria-checked', 'true');
  }

  /** The row of a channel ("Total" for the totals row). */
  row(channel: string): Locator {
    return this.table.locator(`tr[data-channel="${channel}"]`);
  }

  cell(channel: string, key: string): Locator {
    return this.row(channel).locator(`td[data-key="${key}"]`);
  }

  async channelOrder(): Promise<string[]> {
    return this.table
      .locator('tbody tr[data-channel]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-channel') ?? ''));
  }

  async sortBy(title: string): Promise<void> {
    await this.table.getByRole('button', { name: title, exact: true }).click();
  }

  get warnings(): Locator {
    // Both groups: amounts left out for want of a rate, and the notes that leave nothing out.
    return this.page.locator('.report-notes');
  }
}
