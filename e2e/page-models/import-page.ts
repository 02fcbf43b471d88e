import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

export const csvFixture = (name: string) => path.resolve('src/core/csv/__fixtures__', name);

export class ImportPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(`${url}#/import`);
    await expect(this.page.getByRole('heading', { name: 'Import', level: 1 })).toBeVisible();
  }

  async choose(file: string): Promise<void> {
    await this.page.getByLabel('CSV file', { exact: true }).setInputFiles(file);
  }

  recognised(): Locator {
    return this.page.getByRole('region', { name: 'Recognised file' });
  }

  summary(): Locator {
    return this.page.getByRole('region', { name: 'Import summary' });
  }

  count(label: 'inserted' | 'updated' | 'unchanged' | 'skipped' | 'invalid' | 'transfers'): Locator {
    return this.summary().getByTestId(`count-${label}`);
  }

  wizard(): Locator {
    return this.page.getByRole('region', { name: 'Map columns' });
  }

  progress(): Locator {
    return this.page.getByRole('region', { name: 'Import progress' });
  }
}
