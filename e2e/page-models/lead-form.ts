import { expect, type Locator, type Page } from '@playwright/test';

export type LeadFormFields = Partial<{
  Title: string;
  Channel: string;
  Client: string;
  URL: string;
  Stage: string;
  Created: string;
  Applied: string;
  Connects: string;
  'Boost connects': string;
  'Connects refunded': string;
  Value: string;
  Currency: string;
  Tags: string;
  Notes: string;
  'Follow-up': string;
}>;

const selects = new Set(['Channel', 'Stage']);

/** The New lead / Edit lead dialog. */
export class LeadForm {
  readonly dialog: Locator;
  constructor(
    readonly page: Page,
    title: 'New lead' | 'Edit lead' = 'New lead',
  ) {
    this.dialog = page.getByRole('dialog', { name: title });
  }

  field(label: keyof LeadFormFields): Locator {
    return this.dialog.getByLabel(label, { exact: true });
  }

  async fill(fields: LeadFormFields): Promise<void> {
    await expect(this.dialog).toBeVisible();
    for (const [label, value] of Object.entries(fields) as [keyof LeadFormFields, string][]) {
      if (selects.has(label)) await this.field(label).selectOption({ label: value });
      else await this.field(label).fill(value);
    }
  }

  async save(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Save' }).click();
  }

  /** The error shown next to a field (its aria-describedby), checked to be tied to the control. */
  async expectError(label: keyof LeadFormFields, message: string | RegExp): Promise<void> {
    const control = this.field(label);
    await expect(control).toHaveAttribute('aria-invalid', 'true');
    await expect(control).toHaveAccessibleDescription(message);
  }
}
