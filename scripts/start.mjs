// `npm start`: build and open the desktop app. Without the Electron binary it says so and points to browser mode.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const electronDist = path.resolve('node_modules/electron/dist');
if (!fs.existsSync(electronDist)) {
  console.error(
    'LeadLedger: the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD was set or its download failed), so the desktop window cannot open here.\n' +
      'Browser mode works without it: npm run web',
  );
  process.exit(1);
}
if (!fs.existsSync(path.resolve('.electron-native/better_sqlite3.node'))) {
  spawnSync(process.execPath, ['scripts/prepare-electron-sqlite.mjs'], { stdio: 'inherit' });
}
const result = spawnSync('npx', ['electron-vite', 'preview', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
