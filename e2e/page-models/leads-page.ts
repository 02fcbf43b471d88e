import { expect, type Locator, type Page } from '@playwright/test';

export class LeadsPage {
  readonly table: Locator;
  readonly search: Locator;
  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Leads' });
    this.search = page.getByRole('searchbox', { name: 'Search leads' });
  }

  async open(url: string, query = ''): Promise<void> {
    await this.page.goto(`${url}#/leads${query ? `?${query}` : ''}`);
    await expect(this.page.getByRole('heading', { name: 'Leads', level: 1 })).toBeVisible();
  }

  /** Data rows (the spacer rows of the virtual list are aria-hidden). */
  rows(): Locator {
    return this.table.locator('tbody tr.row');
  }

  row(title: string): Locator {
    return this.rows().filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  summary(): Locator {
    return this.page.locator('.page-summary');
  }

  header(name: string): Locator {
    return this.table.getByRole('columnheader', { name });
  }

  filter(label: 'Channel' | 'Stage' | 'Tag' | 'Created from' | 'Created to'): Locator {
    return this.page.getByLabel(label, { exact: true });
  }
}
