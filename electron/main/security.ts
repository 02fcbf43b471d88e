import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { shell, type Session, type WebContents } from 'electron';
import { allowsPermission, isSafeExternalUrl, isTrustedSender as trusted } from './url-policy';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The one page allowed to talk to the main process (out/renderer/index.html next to out/main). */
export const rendererIndexUrl = pathToFileURL(path.join(here, '../renderer/index.html')).href;

export function isTrustedSender(frameUrl: string | undefined, devServerUrl: string | undefined): boolean {
  return trusted(frameUrl, devServerUrl, rendererIndexUrl);
}

/** The OS gets the parsed, normalised URL, never the raw string the page sent. */
export function openExternalSafely(url: string): void {
  if (isSafeExternalUrl(url)) void shell.openExternal(new URL(url).href);
}

/**
 * Notifications for our own page (the follow-ups due today) and nothing else: no camera, microphone,
 * geolocation, clipboard, HID, serial, USB, screen capture, and nothing for any other origin or frame.
 */
export function hardenSession(session: Session, devServerUrl: string | undefined): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(
      allowsPermission(
        { permission, requestingUrl: details?.requestingUrl, isMainFrame: details?.isMainFrame === true },
        devServerUrl,
        rendererIndexUrl,
      ),
    ),
  );
  session.setPermissionCheckHandler((_contents, permission, _origin, details) =>
    allowsPermission(
      {
        permission,
        requestingUrl: details?.requestingUrl,
        isMainFrame: details?.isMainFrame === true,
        embeddingOrigin: details?.embeddingOrigin,
      },
      devServerUrl,
      rendererIndexUrl,
    ),
  );
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback({}));
}

/** The app is one page: no navigation, no redirects, no webviews, no new windows (links go to the browser). */
export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url);
    return { action: 'deny' };
  });
}
