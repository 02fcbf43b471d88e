#!/usr/bin/env node
// The `leadledger` command: runs the bundled CLI from `npm run build`, else the TypeScript source through tsx.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = fileURLToPath(new URL('../out/cli/leadledger.mjs', import.meta.url));
if (existsSync(built) && !process.env.LEADLEDGER_FROM_SOURCE) {
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/cli/index.ts', import.meta.url).href);
}
