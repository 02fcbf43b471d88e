import { type Api, ApiCallError, methodPath, type Transport } from '../../shared/api/client';
import type { OperationName } from '../../shared/api/contract';
import type { FileTransfer } from '../../shared/api/files';
import type { ApiResult } from '../../shared/api/result';
import { createHttpFiles } from './http-files';
import { browserToken, createHttpTransport } from './http-transport';

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

/** `leads:export-file` for `api.leads.exportFile` (the inverse of methodPath). */
const operationOf = (domain: string, verb: string): string =>
  `${domain}:${verb.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}`;

/**
 * The named-method API over a transport, built on first use of each method: the renderer does not import the
 * contract's values (its zod schemas stay out of the first chunk the board compiles; docs/performance.md).
 */
function lazyApi(transport: Transport): Api {
  const domains = new Map<string, Record<string, (input: unknown) => Promise<unknown>>>();
  const domainOf = (domain: string) => {
    let methods = domains.get(domain);
    if (!methods) {
      const made: Record<string, (input: unknown) => Promise<unknown>> = {};
      methods = new Proxy(made, {
        get: (target, verb) => {
          if (typeof verb !== 'string') return undefined;
          return (target[verb] ??= async (input: unknown) => {
            const result = await transport(operationOf(domain, verb) as OperationName, input as never);
            if (!result.ok) throw new ApiCallError(result.error);
            return result.value;
          });
        },
      });
      domains.set(domain, methods);
    }
    return methods;
  };
  return new Proxy(
    {},
    { get: (_, domain) => (typeof domain === 'string' ? domainOf(domain) : undefined) },
  ) as unknown as Api;
}

/** Electron's preload bridge when present, else browser mode over HTTP; chosen once at start. */
export const api: Api = lazyApi(bridge ? bridgeTransport(bridge) : createHttpTransport(browserToken()));

/** The browser-mode token, for the file-transfer routes. */
const httpToken = (): string => sessionStorage.getItem('leadledger-token') ?? '';

/** Files in and out of the core, the same way on both hosts (see FileTransfer). */
export const files: FileTransfer = bridge ? bridge.files : createHttpFiles(httpToken);
