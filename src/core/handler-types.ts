import type { OperationName, Output, ParsedInput, WriteOperationName } from '../shared/api/contract';
import type { Ctx, ReadCtx } from './context';

/** Progress of a long operation: `done` of `total` units (null when unknown). */
export type Progress = { done: number; total: number | null };

/** What the calling host offers besides the input: a progress listener (the CLI's progress line). */
export type HostHooks = { onProgress?: ((progress: Progress) => void) | undefined };

/** A read operation's handler gets the read handle only (docs/architecture.md, "Reads and writes"). */
export type Handler<K extends OperationName> = (
  ctx: K extends WriteOperationName ? Ctx : ReadCtx,
  input: ParsedInput<K>,
  hooks: HostHooks,
) => Output<K> | Promise<Output<K>>;

/** The handlers of one domain: `HandlersFor<'leads'>` must implement every `leads:*` operation. */
export type HandlersFor<D extends string> = {
  [K in OperationName as K extends `${D}:${string}` ? K : never]: Handler<K>;
};

export type Handlers = { [K in OperationName]: Handler<K> };
