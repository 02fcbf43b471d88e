import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { operationNames } from '../src/shared/api/contract';
import { openTempCtx } from '../test-support/temp-db';

// The main-process glue run against a stand-in for the `electron` module (the binary is absent here):
// what our handlers DO when Electron calls them.
const electron = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, input: unknown) => Promise<unknown>>(),
  openExternal: vi.fn(async () => {}),
}));
vi.mock('electron', () => ({
  ipcMain: {
    handle: (name: string, fn: (event: unknown, input: unknown) => Promise<unknown>) => electron.handlers.set(name, fn),
  },
  shell: { openExternal: electron.openExternal },
}));

const { setupIpc } = await import('./main/ipc');
const { hardenContents, hardenSession, rendererIndexUrl } = await import('./main/security');

let ctx: ReturnType<typeof openTempCtx>;
beforeAll(() => {
  ctx = openTempCtx();
  setupIpc(ctx, undefined);
});
afterAll(() => ctx.close());

const leadCount = () => (ctx.db.prepare('SELECT COUNT(*) AS n FROM leads').get() as { n: number }).n;
const sourceId = () => (ctx.db.prepare(`SELECT id FROM sources WHERE name = 'Upwork'`).get() as { id: number }).id;

describe('IPC handlers', () => {
  it('register one handler per contract operation', () => {
    expect([...electron.handlers.keys()].sort()).toEqual([...operationNames].sort());
  });

  it('refuse every operation from a frame that is not our page, before anything runs', async () => {
    for (const url of [
      undefined,
      'https://evil.example/',
      'file:///tmp/out/renderer/index.html',
      'devtools://devtools/bundled/inspector.html',
    ]) {
      for (const name of operationNames) {
        const result = await electron.handlers.get(name)!(
          { senderFrame: url === undefined ? null : { url } },
          { title: 'x', sourceId: sourceId() },
        );
        expect(result, `${name} from ${url}`).toEqual({
          ok: false,
          error: { code: 'internal', message: 'Untrusted sender' },
        });
      }
    }
    expect(leadCount()).toBe(0);
  });

  it('answer our own page through dispatch', async () => {
    const result = await electron.handlers.get('leads:create')!(
      { senderFrame: { url: `${rendererIndexUrl}#/pipeline` } },
      { title: 'From the window', sourceId: sourceId() },
    );
    expect(result).toMatchObject({ ok: true, value: { title: 'From the window' } });
    expect(leadCount()).toBe(1);
  });
});

type Listener = (...args: unknown[]) => unknown;

function fakeContents() {
  const on = new Map<string, Listener>();
  let openHandler: Listener | undefined;
  return {
    on: (event: string, listener: Listener) => on.set(event, listener),
    setWindowOpenHandler: (handler: Listener) => (openHandler = handler),
    fire: (event: string) => {
      const preventDefault = vi.fn();
      on.get(event)?.({ preventDefault });
      return preventDefault;
    },
    open: (url: string) => openHandler!({ url }),
    events: on,
  };
}

describe('web contents', () => {
  it('navigation, redirects and webviews are prevented', () => {
    const contents = fakeContents();
    hardenContents(contents as never);
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      expect(contents.fire(event), event).toHaveBeenCalledOnce();
    }
  });

  it('window.open is denied; web links go to the browser, anything else nowhere', () => {
    const contents = fakeContents();
    hardenContents(contents as never);
    electron.openExternal.mockClear();
    expect(contents.open('https://www.upwork.com/jobs/~01')).toEqual({ action: 'deny' });
    expect(electron.openExternal).toHaveBeenCalledWith('https://www.upwork.com/jobs/~01');
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://evil/share',
      'https://user:pw@evil.example/',
    ]) {
      expect(contents.open(url)).toEqual({ action: 'deny' });
    }
    expect(electron.openExternal).toHaveBeenCalledTimes(1);
  });
});

describe('session', () => {
  const install = (devServerUrl?: string) => {
    const handlers: Record<string, Listener> = {};
    const session = {
      setPermissionRequestHandler: (h: Listener) => (handlers.request = h),
      setPermissionCheckHandler: (h: Listener) => (handlers.check = h),
      setDevicePermissionHandler: (h: Listener) => (handlers.device = h),
      setDisplayMediaRequestHandler: (h: Listener) => (handlers.display = h),
    };
    hardenSession(session as never, devServerUrl);
    const request = (permission: string, details: unknown) => {
      const callback = vi.fn();
      handlers.request!(null, permission, callback, details);
      expect(callback).toHaveBeenCalledTimes(1);
      return callback.mock.calls[0]![0] as boolean;
    };
    const check = (permission: string, details: unknown) =>
      handlers.check!(null, permission, 'file:///', details) as boolean;
    return { handlers, request, check };
  };
  const ours = { requestingUrl: `${rendererIndexUrl}#/follow-ups`, isMainFrame: true };
  const others = [
    'media',
    'geolocation',
    'clipboard-read',
    'openExternal',
    'fileSystem',
    'display-capture',
    'hid',
    'serial',
    'usb',
    'midiSysex',
    'pointerLock',
    'window-management',
    'unknown',
  ];

  it('grants notifications to our own page, in the request and in the check', () => {
    const { request, check } = install();
    expect(request('notifications', ours)).toBe(true);
    expect(check('notifications', ours)).toBe(true);
  });

  it('refuses every other permission to our own page', () => {
    const { request, check } = install();
    for (const permission of others) {
      expect(request(permission, ours), permission).toBe(false);
      expect(check(permission, ours), permission).toBe(false);
    }
  });

  it('refuses notifications to any other origin, sub frame or missing details', () => {
    const { request, check } = install();
    for (const details of [
      { requestingUrl: 'https://evil.example/', isMainFrame: true },
      { requestingUrl: 'file:///tmp/evil/out/renderer/index.html', isMainFrame: true },
      { requestingUrl: 'http://localhost:5173/', isMainFrame: true },
      { requestingUrl: ours.requestingUrl, isMainFrame: false },
      { isMainFrame: true },
      undefined,
    ]) {
      expect(request('notifications', details), JSON.stringify(details)).toBe(false);
      expect(check('notifications', details), JSON.stringify(details)).toBe(false);
    }
    expect(check('notifications', { ...ours, embeddingOrigin: 'https://evil.example' })).toBe(false);
  });

  it('grants the dev server page only in a dev run', () => {
    expect(
      install('http://localhost:5173').request('notifications', {
        requestingUrl: 'http://localhost:5173/#/',
        isMainFrame: true,
      }),
    ).toBe(true);
    expect(install().request('notifications', { requestingUrl: 'http://localhost:5173/#/', isMainFrame: true })).toBe(
      false,
    );
  });

  it('denies devices and screen capture', () => {
    const { handlers } = install();
    expect(handlers.device!({ deviceType: 'usb' })).toBe(false);
    const display = vi.fn();
    handlers.display!({}, display);
    expect(display).toHaveBeenCalledWith({});
  });
});
