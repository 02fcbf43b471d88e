import { expect, type Locator, type Page } from '@playwright/test';
import { LeadForm } from './lead-form';

export class LeadPage {
  readonly history: Locator;
  constructor(readonly page: Page) {
    this.history = page.getByRole('region', { name: 'Stage history' }).getByRole('listitem');
  }

  async expectTitle(title: string): Promise<void> {
    await expect(this.page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  }

  async edit(): Promise<LeadForm> {
    await this.page.getByRole('button', { name: 'Edit', exact: true }).click();
    const form = new LeadForm(this.page, 'Edit lead');
    await expect(form.dialog).toBeVisible();
    return form;
  }

  detail(term: string): Locator {
    return this.page
      .locator('.details div')
      .filter({ has: this.page.locator('dt', { hasText: new RegExp(`^${term}$`) }) })
      .locator('dd');
  }
}
