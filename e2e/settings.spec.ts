import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, startServer, test } from './fixtures/app';
import { createLead, leadCount } from './page-models/api';

const cli = (...args: string[]) =>
  spawnSync(process.execPath, [path.resolve('bin/leadledger.js'), ...args], { encoding: 'utf8' });

test('Settings shows the app facts, backs up now, and restores a backup keeping what it replaced', async ({
  page,
  app,
}) => {
  await createLead(app, { title: 'Kept lead' });
  await page.goto(app.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expect(page.getByText(app.dbPath)).toBeVisible();

  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('status')).toContainText('Backed up');
  const backups = page.getByRole('table', { name: 'Backups' });
  const mine = backups.getByRole('row').filter({ hasText: 'Made by you' });
  await expect(mine).toHaveCount(1);

  await createLead(app, { title: 'Lead after the backup' });
  expect(await leadCount(app)).toBe(2);
  await mine.getByRole('button', { name: /^Restore the backup of/ }).click();
  const confirm = page.getByRole('dialog', { name: 'Restore this backup?' });
  await confirm.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByRole('status')).toContainText('Restored the backup');
  expect(await leadCount(app)).toBe(1);
  await expect(backups.getByRole('row').filter({ hasText: 'Before a restore' })).toHaveCount(1);

  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
});

test('a damaged database is reported at start and left as it is; read-only opens it, a restore brings the backup back', async ({
  page,
}) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadledger-e2e-damaged-'));
  const dbPath = path.join(dir, 'leadledger.db');
  try {
    expect(cli('--db', dbPath, 'seed', '--leads', '25').status).toBe(0);
    expect(cli('--db', dbPath, 'backup').status).toBe(0);
    fs.writeFileSync(dbPath, 'this is not a database any more'.repeat(200));
    const damaged = fs.readFileSync(dbPath);
    // Nothing moved, nothing restored on its own: the report names the choices.
    const refused = cli('--db', dbPath, 'web', '--port', '0');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(
      /not a LeadLedger database.*Nothing was changed\. You can restore the newest good backup .*leadledger web --read-only/,
    );
    expect(fs.readFileSync(dbPath)).toEqual(damaged);
    expect(fs.readdirSync(dir).sort()).toEqual(['backups', 'leadledger.db']);
    const readOnly = await startServer(dbPath, ['--read-only']);
    try {
      await page.goto(readOnly.url);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
      await expect(page.getByRole('alert').filter({ hasText: 'Read-only' })).toContainText('not a LeadLedger database');
    } finally {
      readOnly.child.kill('SIGTERM');
    }
    expect(fs.readFileSync(dbPath)).toEqual(damaged);
    const backup = /restore "([^"]+)"/.exec(refused.stderr)![1]!;
    expect(cli('--db', dbPath, 'restore', backup).status).toBe(0);
    const server = await startServer(dbPath);
    try {
      await page.goto(server.url);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
      await expect(page.getByText('Leads', { exact: true }).locator('xpath=following-sibling::dd[1]')).toHaveText('25');
      expect(fs.readdirSync(dir).some((f) => f.startsWith('leadledger.db.damaged-'))).toBe(true);
    } finally {
      server.child.kill('SIGTERM');
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
