import { expect, type Locator, type Page } from '@playwright/test';

/** The search box in the top bar and its list of matching leads. */
export class TopSearch {
  readonly box: Locator;
  readonly results: Locator;
  constructor(readonly page: Page) {
    this.box = page.getByRole('searchbox', { name: 'Search leads' });
    this.results = page.getByRole('listbox', { name: 'Matching leads' });
  }

  async type(text: string): Promise<void> {
    await this.box.fill(text);
  }

  result(title: string): Locator {
    return this.results.getByRole('option').filter({ hasText: title });
  }

  async expectActive(title: string): Promise<void> {
    await expect(this.result(title)).toHaveAttribute('aria-selected', 'true');
  }
}
