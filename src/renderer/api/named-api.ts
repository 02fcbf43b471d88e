import { type Api, ApiCallError, type Transport } from '../../shared/api/client';
import type { OperationName } from '../../shared/api/contract';
import { isReadOperation } from '../../shared/api/read-operations';
import type { Write } from './data-version';

/** `leads:export-file` for `api.leads.exportFile` (the inverse of methodPath). */
const operationOf = (domain: string, verb: string): string =>
  `${domain}:${verb.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}`;

/**
 * The named-method API over a transport, built on first use of each method: the renderer does not import the
 * contract's values (its zod schemas stay out of the first chunk the board compiles; docs/performance.md).
 * Every successful call of an operation the contract does not mark read is announced with `announceWrite`, with the
 * value it returned, before its caller sees the answer, so no page announces its own writes and a hook that shows
 * the written record can take it from there (docs/architecture.md, "Reads and writes").
 */
export function namedApi(transport: Transport, announceWrite: (write: Write) => void): Api {
  const domains = new Map<string, Record<string, (input: unknown) => Promise<unknown>>>();
  const domainOf = (domain: string) => {
    let methods = domains.get(domain);
    if (!methods) {
      const made: Record<string, (input: unknown) => Promise<unknown>> = {};
      methods = new Proxy(made, {
        get: (target, verb) => {
          if (typeof verb !== 'string') return undefined;
          const name = operationOf(domain, verb);
          const writes = !isReadOperation(name);
          return (target[verb] ??= async (input: unknown) => {
            const result = await transport(name as OperationName, input as never);
            if (!result.ok) throw new ApiCallError(result.error);
            if (writes) announceWrite({ operation: name, value: result.value } as Write);
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
