import { expect, type Locator, type Page } from '@playwright/test';

export class FollowUpsPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(`${url}#/follow-ups`);
    await expect(this.page.getByRole('heading', { name: 'Follow-ups', level: 1 })).toBeVisible();
  }

  group(name: 'Overdue' | 'Today'): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^${name}`) });
  }

  item(title: string): Locator {
    return this.page.getByRole('listitem', { name: title, exact: true });
  }
}
