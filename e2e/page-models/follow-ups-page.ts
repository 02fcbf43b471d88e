import { expect, type Locator, type Page } from '@playwright/test';

export type FollowUpSection = 'Today' | 'Overdue' | 'Next 7 days' | 'Later';

export class FollowUpsPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(`${url}#/follow-ups`);
    await expect(this.page.getByRole('heading', { name: 'Follow-ups', level: 1 })).toBeVisible();
  }

  group(name: FollowUpSection): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^${name}`) });
  }

  /** The section headings in page order. */
  sectionHeadings(): Locator {
    return this.page.locator('.follow-group h2');
  }

  item(title: string): Locator {
    return this.page.getByRole('listitem', { name: title, exact: true });
  }

  button(title: string, name: 'Tomorrow' | 'In 3 days' | 'Next week'): Locator {
    return this.item(title).getByRole('button', { name: `${name} for ${title}` });
  }

  /** Done, then the next follow-up ("None" for no next one). */
  async done(title: string, next: 'Tomorrow' | 'In 3 days' | 'Next week' | 'None'): Promise<void> {
    await this.item(title)
      .getByRole('button', { name: `Done with ${title}` })
      .click();
    await this.item(title)
      .getByRole('group', { name: `Next follow-up for ${title}` })
      .getByRole('button', { name: next, exact: true })
      .click();
  }
}
