import type { OperationName, Output, ParsedInput } from '../../shared/api/contract';
import type { Ctx } from '../context';

export type Handler<K extends OperationName> = (ctx: Ctx, input: ParsedInput<K>) => Output<K> | Promise<Output<K>>;

/** The handlers of one domain: `HandlersFor<'leads'>` must implement every `leads:*` operation. */
export type HandlersFor<D extends string> = {
  [K in OperationName as K extends `${D}:${string}` ? K : never]: Handler<K>;
};

export type Handlers = { [K in OperationName]: Handler<K> };
