// electron-builder afterPack hook: flips Electron's fuses in the packaged binary, before signing.
// https://www.electronjs.org/docs/latest/tutorial/fuses
/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads hooks with require() */
const path = require('node:path');
const { flipFuses, FuseV1Options, FuseVersion } = require('@electron/fuses');

/** What each fuse is set to, and why. */
const fuses = {
  // The app binary must not double as a plain Node.js (ELECTRON_RUN_AS_NODE).
  [FuseV1Options.RunAsNode]: false,
  // Cookies and local storage encrypted with the OS keychain.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS and --inspect would let anyone inject code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // Refuse a modified app.asar (electron-builder writes the hash on macOS and Windows).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Load the app only from app.asar, never from a loose app/ folder placed beside it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
};

function executablePath(context) {
  const { electronPlatformName, appOutDir, packager } = context;
  const name = packager.appInfo.productFilename;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return path.join(appOutDir, `${name}.app`);
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${name}.exe`);
  return path.join(appOutDir, packager.executableName);
}

async function afterPack(context) {
  // arm64 macOS binaries carry an ad-hoc signature that flipping invalidates; re-sign it ad hoc.
  const arm64 = context.arch === 3; // builder-util Arch.arm64
  await flipFuses(executablePath(context), {
    version: FuseVersion.V1,
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && arm64,
    ...fuses,
  });
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.fuses = fuses;
module.exports.executablePath = executablePath;
