import { expect, type Locator, type Page } from '@playwright/test';

export class SourcesPage {
  readonly table: Locator;
  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Channels' });
  }

  async open(url: string): Promise<void> {
    await this.page.goto(`${url}#/sources`);
    await expect(this.page.getByRole('heading', { name: 'Channels', level: 1 })).toBeVisible();
  }

  row(name: string): Locator {
    return this.table.getByRole('row', { name, exact: true });
  }

  async rename(from: string, to: string): Promise<Locator> {
    await this.row(from)
      .getByRole('button', { name: `Rename ${from}` })
      .click();
    const input = this.page.getByRole('textbox', { name: `New name for ${from}` });
    await input.fill(to);
    await input.press('Enter');
    return input;
  }
}
