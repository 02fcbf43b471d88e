import { expect, type Locator, type Page } from '@playwright/test';
import { LeadForm } from './lead-form';

export const stageNames = ['New', 'Applied', 'Replied', 'Interview', 'Won', 'Lost'] as const;
export type StageName = (typeof stageNames)[number];

export class PipelinePage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByRole('heading', { name: 'Pipeline', level: 1 })).toBeVisible();
  }

  column(stage: StageName): Locator {
    return this.page.getByRole('region', { name: stage, exact: true });
  }

  card(title: string, stage?: StageName): Locator {
    const scope = stage ? this.column(stage) : this.page.locator('.board');
    return scope.getByRole('article', { name: title, exact: true });
  }

  count(stage: StageName): Locator {
    return this.column(stage).locator('.column-count .count-number');
  }

  async newLead(): Promise<LeadForm> {
    await this.page.getByRole('button', { name: 'New lead' }).first().click();
    const form = new LeadForm(this.page);
    await expect(form.dialog).toBeVisible();
    return form;
  }

  /** A real mouse drag: press on the card, move in steps onto the column, release. */
  async drag(title: string, to: StageName): Promise<void> {
    const card = this.card(title);
    const from = await card.locator('.card-client, .card-meta').first().boundingBox();
    const target = await this.column(to).locator('.column-header').boundingBox();
    if (!from || !target) throw new Error('card or column not visible');
    const mouse = this.page.mouse;
    await mouse.move(from.x + 10, from.y + from.height / 2);
    await mouse.down();
    await mouse.move(from.x + 30, from.y + 20, { steps: 5 });
    await mouse.move(target.x + target.width / 2, target.y + target.height + 30, { steps: 15 });
    await expect(this.column(to)).toHaveClass(/column-over/);
    await mouse.up();
  }

  /**
   * The keyboard way: focus the card's drag handle, Space, arrows, Space. `to` is where it should
   * end, as announced to screen readers: "Replied" or "New, position 1".
   */
  async moveWithKeyboard(title: string, keys: string[], to: string): Promise<void> {
    const handle = this.page.getByRole('button', { name: `Drag ${title}`, exact: true });
    await handle.focus();
    await this.page.keyboard.press('Space');
    await expect(this.card(title)).toHaveClass(/card-dragging/);
    // A highlighted column means dnd-kit has measured the board; one more frame lets the sortable lists measure too.
    await expect(this.page.locator('.column-over')).toHaveCount(1);
    await this.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    for (const key of keys) await this.page.keyboard.press(key);
    await expect(this.liveRegion()).toContainText(`${title} is over ${to}`);
    await this.page.keyboard.press('Space');
    await expect(this.liveRegion()).toContainText(`${title} was moved to ${to}`);
  }

  /** dnd-kit's screen-reader announcements. */
  liveRegion(): Locator {
    return this.page.locator('[id^="DndLiveRegion"]');
  }

  /** Won and Lost: from the last 30 days to all time. */
  async showAllClosed(): Promise<void> {
    await this.column('Won')
      .getByRole('button', { name: /^Last 30 days/ })
      .click();
    await expect(this.page).toHaveURL(/closed=all/);
  }

  async moveWithMenu(title: string, to: StageName): Promise<void> {
    await this.page.getByRole('combobox', { name: `Move ${title} to`, exact: true }).selectOption({ label: to });
  }
}
