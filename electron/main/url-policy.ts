// Pure URL rules of the shell (no Electron import, so they are unit-tested on plain Node).

/** Only plain web links leave the app, to the user's browser: http(s), a host, no credentials. */
export function isSafeExternalUrl(url: string): boolean {
  if (typeof url !== 'string' || url.length > 2048) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  if (!parsed.hostname || parsed.username || parsed.password) return false;
  return true;
}

/**
 * IPC is answered only for our own page: exactly the packaged index.html (file://), or the dev
 * server's origin while developing. Compared as parsed URLs, never by prefix (a prefix check lets
 * `http://localhost:5173.evil.example` or `file:///tmp/out/renderer/x.html` through).
 */
export function isTrustedSender(
  frameUrl: string | undefined,
  devServerUrl: string | undefined,
  rendererIndexUrl: string,
): boolean {
  if (!frameUrl) return false;
  let frame: URL;
  try {
    frame = new URL(frameUrl);
  } catch {
    return false;
  }
  if (devServerUrl) {
    try {
      if (frame.origin === new URL(devServerUrl).origin && frame.protocol.startsWith('http')) return true;
    } catch {
      return false;
    }
  }
  if (frame.protocol !== 'file:') return false;
  const expected = new URL(rendererIndexUrl);
  return frame.pathname === expected.pathname && frame.host === expected.host;
}

/**
 * The electron-vite dev server's URL, only in an unpackaged run: a packaged app never loads (or
 * answers IPC for) a page named by its environment, where anyone who starts it could set one.
 */
export function devRendererUrl(
  isPackaged: boolean,
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  return isPackaged ? undefined : env.ELECTRON_RENDERER_URL || undefined;
}

/** The only permission the app ever grants: desktop notifications of the follow-ups due today. */
export const grantedPermissions: readonly string[] = ['notifications'];

export type PermissionAsk = {
  permission: string;
  requestingUrl: string | undefined;
  isMainFrame: boolean;
  embeddingOrigin?: string | undefined;
};

/**
 * A permission is granted only when it is in `grantedPermissions` AND the asking frame is the main
 * frame of our own page (the same test as IPC senders): no other origin, no sub frame, nothing else.
 */
export function allowsPermission(
  ask: PermissionAsk,
  devServerUrl: string | undefined,
  rendererIndexUrl: string,
): boolean {
  if (!grantedPermissions.includes(ask.permission)) return false;
  if (!ask.isMainFrame || ask.embeddingOrigin) return false;
  return isTrustedSender(ask.requestingUrl, devServerUrl, rendererIndexUrl);
}
