import { expect, type Locator, type Page } from '@playwright/test';

/** The Won and Lost dialogs that open when a lead is moved to those stages. */
export class WonDialog {
  readonly dialog: Locator;
  constructor(
    readonly page: Page,
    title: string,
  ) {
    this.dialog = page.getByRole('dialog', { name: `Won: ${title}` });
  }
  field(label: 'Closed' | 'Value' | 'Currency' | 'Amount' | 'Payment date' | 'Fee'): Locator {
    return this.dialog.getByLabel(label, { exact: true });
  }
  recordPayment(): Locator {
    return this.dialog.getByRole('checkbox', { name: 'Record payment' });
  }
  async save(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Save' }).click();
  }
  async expectError(label: 'Closed' | 'Amount' | 'Fee', message: string | RegExp): Promise<void> {
    await expect(this.field(label)).toHaveAttribute('aria-invalid', 'true');
    await expect(this.field(label)).toHaveAccessibleDescription(message);
  }
}

export class LostDialog {
  readonly dialog: Locator;
  constructor(
    readonly page: Page,
    title: string,
  ) {
    this.dialog = page.getByRole('dialog', { name: `Lost: ${title}` });
  }
  reason(): Locator {
    return this.dialog.getByLabel('Lost reason', { exact: true });
  }
  async choose(reason: string, note?: string): Promise<void> {
    await expect(this.reason().locator('option', { hasText: 'Price' })).toHaveCount(1);
    await this.reason().selectOption({ label: reason });
    if (note) await this.dialog.getByLabel('Note').fill(note);
  }
  async save(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Save' }).click();
  }
}
