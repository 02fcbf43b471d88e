import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron } from '@playwright/test';
import { expect, test } from './fixtures/app';

const hasElectron = fs.existsSync(path.resolve('node_modules/electron/dist'));

test('the desktop shell opens the board on a fresh database', async () => {
  test.skip(
    !hasElectron,
    'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD): cannot launch the desktop shell here',
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadledger-electron-'));
  const app = await electron.launch({
    args: [path.resolve('out/main/index.js'), '--db', path.join(dir, 'leadledger.db')],
    env: { ...process.env, ELECTRON_DISABLE_SECURITY_WARNINGS: '1' },
  });
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { name: 'Pipeline', level: 1 })).toBeVisible();
    await expect(window.getByRole('heading', { name: 'No leads yet' })).toBeVisible();
    await window.getByRole('button', { name: 'Load sample data' }).click();
    for (const stage of ['New', 'Applied', 'Replied', 'Interview', 'Won', 'Lost']) {
      await expect(window.getByRole('region', { name: stage, exact: true })).toBeVisible();
    }
    await expect(window.getByRole('region', { name: 'New', exact: true }).getByRole('article').first()).toBeVisible();
    // The renderer talks to the store through the preload bridge, not HTTP.
    expect(await window.evaluate(() => typeof (window as unknown as { leadledger?: unknown }).leadledger)).toBe(
      'object',
    );
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
