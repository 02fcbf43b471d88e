// postinstall: prepares the Electron-ABI build of better-sqlite3 in .electron-native/, beside the
// Node-ABI build that stays the default for tests, the CLI and browser mode. Never fails the install.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = process.cwd();
const target = path.join(root, '.electron-native', 'better_sqlite3.node');
const say = (line) => console.log(`[leadledger] ${line}`);

function electronVersion() {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

/** A build that plain Node can load has Node's ABI, not Electron's: a rebuild that silently used the wrong headers. */
function loadsInNode(file) {
  const probe = spawnSync(process.execPath, ['-e', `process.dlopen({ exports: {} }, ${JSON.stringify(file)})`], {
    stdio: 'ignore',
  });
  return probe.status === 0;
}

function prepare() {
  if (process.env.LEADLEDGER_SKIP_ELECTRON_NATIVE) return 'was skipped (LEADLEDGER_SKIP_ELECTRON_NATIVE is set)';
  const version = electronVersion();
  if (!version) return 'was not built because electron is not installed';
  const sqliteDir = path.join(root, 'node_modules/better-sqlite3');
  const sqliteVersion = JSON.parse(fs.readFileSync(path.join(sqliteDir, 'package.json'), 'utf8')).version;
  const stamp = `${target}.version`;
  const wanted = `${version}/${sqliteVersion}/${process.platform}-${process.arch}`;
  if (fs.existsSync(target) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === wanted) return 'ok';

  // Work on a copy so the Node-ABI build in node_modules is never replaced.
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'leadledger-electron-sqlite-'));
  fs.cpSync(sqliteDir, work, { recursive: true, filter: (src) => !src.includes(`${path.sep}build${path.sep}`) });
  const bin = (name) => path.join(root, 'node_modules/.bin', process.platform === 'win32' ? `${name}.cmd` : name);
  const attempts = [
    [bin('prebuild-install'), ['--runtime', 'electron', '--target', version, '--arch', process.arch]],
    [
      bin('node-gyp'),
      [
        'rebuild',
        '--release',
        `--target=${version}`,
        `--arch=${process.arch}`,
        '--dist-url=https://electronjs.org/headers',
      ],
    ],
  ];
  // npm may point node-gyp at Node's own headers (npm_config_nodedir): drop it so Electron's headers are used.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => key.toLowerCase() !== 'npm_config_nodedir'),
  );
  for (const [command, args] of attempts) {
    if (!fs.existsSync(command)) continue;
    const result = spawnSync(command, args, {
      cwd: work,
      env,
      stdio: 'ignore',
      timeout: 300_000,
      shell: process.platform === 'win32',
    });
    const built = path.join(work, 'build/Release/better_sqlite3.node');
    if (result.status === 0 && fs.existsSync(built) && !loadsInNode(built)) {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(built, target);
      fs.writeFileSync(stamp, wanted);
      fs.rmSync(work, { recursive: true, force: true });
      return 'ok';
    }
  }
  fs.rmSync(work, { recursive: true, force: true });
  return `could not be downloaded or built for Electron ${version} (offline?)`;
}

const outcome = prepare();
if (outcome === 'ok') say('Electron build of better-sqlite3 ready in .electron-native/.');
else
  say(
    `Desktop shell not prepared: the Electron build of better-sqlite3 ${outcome}; run "node scripts/prepare-electron-sqlite.mjs" when online. Tests, CLI and browser mode work without it.`,
  );
