import type { Input, OperationName, Output } from './contract';
import type { ApiError, ApiResult, FieldError } from './result';

type CamelCase<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<CamelCase<T>>}` : S;
type DomainOf<K> = K extends `${infer D}:${string}` ? D : never;
type VerbOf<K> = K extends `${string}:${infer V}` ? CamelCase<V> : never;

/** Raw transport: what the preload exposes and what the HTTP client implements. */
export type Transport = <K extends OperationName>(name: K, input: Input<K>) => Promise<ApiResult<Output<K>>>;

/** The named-method API: `api.leads.create(input)` for operation `leads:create`. */
export type Api = {
  [D in DomainOf<OperationName>]: {
    [K in OperationName as DomainOf<K> extends D ? VerbOf<K> : never]: (input: Input<K>) => Promise<Output<K>>;
  };
};

export class ApiCallError extends Error {
  readonly code: ApiError['code'];
  readonly fields: FieldError[];
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.fields = error.fields ?? [];
  }
}

export function methodPath(name: string): [string, string] {
  const [domain = '', verb = ''] = name.split(':');
  return [domain, verb.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())];
}

/** Builds a nested object of functions from a list of operation names. */
export function buildMethods<F>(
  names: readonly string[],
  make: (name: string) => F,
): Record<string, Record<string, F>> {
  const api: Record<string, Record<string, F>> = {};
  for (const name of names) {
    const [domain, verb] = methodPath(name);
    (api[domain] ??= {})[verb] = make(name);
  }
  return api;
}
