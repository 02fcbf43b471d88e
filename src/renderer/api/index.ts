import { type Api, methodPath, type Transport } from '../../shared/api/client';
import type { FileTransfer } from '../../shared/api/files';
import type { ApiResult } from '../../shared/api/result';
import { createHttpFiles } from './http-files';
import { browserToken, createHttpTransport } from './http-transport';
import { namedApi } from './named-api';
import { announceWrite } from './data-version';

type BridgeMethod = (input: unknown) => Promise<ApiResult<unknown>>;

/** What electron/preload exposes: named methods returning result envelopes, the file transfer, menu events. */
type Bridge = Record<string, Record<string, BridgeMethod>> & {
  host: 'electron';
  files: FileTransfer;
  onMenu: (listener: (command: string) => void) => () => void;
};

declare global {
  interface Window {
    leadledger?: Bridge;
  }
}

export const bridge: Bridge | undefined = window.leadledger;

function bridgeTransport(b: Bridge): Transport {
  return ((name: string, input: unknown) => {
    const [domain, verb] = methodPath(name);
    const method = b[domain]?.[verb];
    if (!method) return Promise.resolve({ ok: false, error: { code: 'unknown_operation', message: name } });
    return method(input);
  }) as Transport;
}

/** Electron's preload bridge when present, else browser mode over HTTP; chosen once at start. */
export const api: Api = namedApi(bridge ? bridgeTransport(bridge) : createHttpTransport(browserToken()), announceWrite);

/** The browser-mode token, for the file-transfer routes. */
const httpToken = (): string => sessionStorage.getItem('leadledger-token') ?? '';

/** Files in and out of the core, the same way on both hosts (see FileTransfer). */
export const files: FileTransfer = bridge ? bridge.files : createHttpFiles(httpToken);
