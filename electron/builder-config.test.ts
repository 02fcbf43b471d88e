import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as Fuses from '@electron/fuses';

// electron-builder cannot run here (no Electron binary to package), so the config is validated with
// electron-builder's own loader and schema, and the afterPack hook is run on a stand-in binary.
const require = createRequire(import.meta.url);
const root = path.resolve(__dirname, '..');

type Target = { target: string } | string;
type BuilderConfig = {
  appId: string;
  asar: boolean;
  npmRebuild: boolean;
  afterPack: string;
  files: { filter: string[] }[];
  extraResources: { from: string; to: string }[];
  linux: { target: Target[] };
  mac: { target: Target[] };
  win: { target: Target[] };
};

async function loadConfig(): Promise<BuilderConfig> {
  const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
    getConfig: (dir: string, file: string | null, extra: null) => Promise<BuilderConfig>;
    validateConfiguration: (config: BuilderConfig, logger: { isEnabled: boolean; add: () => void }) => Promise<void>;
  };
  const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
  await validateConfiguration(config, { isEnabled: false, add: () => {} });
  return config;
}

const names = (targets: Target[]) => targets.map((t) => (typeof t === 'string' ? t : t.target));

describe('electron-builder.yml', () => {
  it('is valid for electron-builder and builds AppImage + deb, dmg and nsis', async () => {
    const config = await loadConfig();
    expect(names(config.linux.target)).toEqual(['AppImage', 'deb']);
    expect(names(config.mac.target)).toEqual(['dmg']);
    expect(names(config.win.target)).toEqual(['nsis']);
    expect(config.asar).toBe(true); // OnlyLoadAppFromAsar and ASAR integrity need it
  });

  it('ships the Electron-ABI better-sqlite3 where electron/main/store.ts looks for it', async () => {
    const config = await loadConfig();
    expect(config.extraResources).toContainEqual({
      from: '.electron-native/better_sqlite3.node',
      to: 'native/better_sqlite3.node',
    });
    expect(config.npmRebuild).toBe(false);
    const store = fs.readFileSync(path.join(root, 'electron/main/store.ts'), 'utf8');
    expect(store).toContain("path.join(process.resourcesPath ?? '', 'native', 'better_sqlite3.node')");
    expect(config.files[0]!.filter).toEqual(
      expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json']),
    );
  });

  it('has a dist script that builds and packages', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.dist).toBe('electron-vite build && electron-builder');
  });
});

describe('afterPack fuses', () => {
  const { FuseV1Options, FuseVersion, getCurrentFuseWire } = require('@electron/fuses') as typeof Fuses;
  const sentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
  const [enabled, disabled] = ['1'.charCodeAt(0), '0'.charCodeAt(0)];

  /** A stand-in for the Electron binary: padding, the fuse sentinel, version 1, 8 fuses as Electron 41 ships them. */
  function fakeElectron(file: string) {
    const shipped = [enabled, disabled, enabled, enabled, disabled, disabled, disabled, enabled];
    fs.writeFileSync(
      file,
      Buffer.concat([
        Buffer.alloc(4096, 7),
        Buffer.from(sentinel),
        Buffer.from([1, shipped.length, ...shipped]),
        Buffer.alloc(512, 9),
      ]),
    );
  }

  it('is the configured afterPack hook and flips every fuse the checklist asks for', async () => {
    const config = await loadConfig();
    expect(config.afterPack).toBe('build/afterPack.cjs');
    const hook = require(path.join(root, config.afterPack)) as ((context: unknown) => Promise<void>) & {
      fuses: Record<number, boolean>;
    };
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'leadledger-fuses-'));
    try {
      const binary = path.join(out, 'leadledger');
      fakeElectron(binary);
      await hook({
        electronPlatformName: 'linux',
        arch: 1,
        appOutDir: out,
        packager: { appInfo: { productFilename: 'LeadLedger' }, executableName: 'leadledger' },
      });
      const wire = (await getCurrentFuseWire(binary)) as Record<number, number> & { version: string };
      expect(wire.version).toBe(FuseVersion.V1);
      expect({
        RunAsNode: wire[FuseV1Options.RunAsNode],
        EnableNodeOptionsEnvironmentVariable: wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable],
        EnableNodeCliInspectArguments: wire[FuseV1Options.EnableNodeCliInspectArguments],
        EnableCookieEncryption: wire[FuseV1Options.EnableCookieEncryption],
        EnableEmbeddedAsarIntegrityValidation: wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation],
        OnlyLoadAppFromAsar: wire[FuseV1Options.OnlyLoadAppFromAsar],
      }).toEqual({
        RunAsNode: disabled,
        EnableNodeOptionsEnvironmentVariable: disabled,
        EnableNodeCliInspectArguments: disabled,
        EnableCookieEncryption: enabled,
        EnableEmbeddedAsarIntegrityValidation: enabled,
        OnlyLoadAppFromAsar: enabled,
      });
      // Everything else in the file is untouched.
      const bytes = fs.readFileSync(binary);
      expect(bytes.subarray(0, 4096)).toEqual(Buffer.alloc(4096, 7));
      expect(bytes.subarray(bytes.length - 512)).toEqual(Buffer.alloc(512, 9));
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it('finds the binary on every platform', () => {
    const hook = require(path.join(root, 'build/afterPack.cjs')) as { executablePath: (c: unknown) => string };
    const packager = { appInfo: { productFilename: 'LeadLedger' }, executableName: 'leadledger' };
    expect(hook.executablePath({ electronPlatformName: 'darwin', appOutDir: '/o', packager })).toBe(
      path.join('/o', 'LeadLedger.app'),
    );
    expect(hook.executablePath({ electronPlatformName: 'win32', appOutDir: '/o', packager })).toBe(
      path.join('/o', 'LeadLedger.exe'),
    );
    expect(hook.executablePath({ electronPlatformName: 'linux', appOutDir: '/o', packager })).toBe(
      path.join('/o', 'leadledger'),
    );
  });
});
