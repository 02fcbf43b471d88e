import type { Write } from '../api/data-version';

export type { Write };

/**
 * What a hook does with a write it has just been told of (docs/architecture.md, "Reads and writes"): show `data` at
 * once, and fetch again only when `refetch` (the write is not all it shows). Undefined: it cannot apply the write,
 * and fetches again as before.
 */
export type Applied<T> = { data: T; refetch: boolean } | undefined;

/** The written record is all the hook shows: no refetch. */
export const settled = <T>(data: T): Applied<T> => ({ data, refetch: false });

/** Shown at once, but the hook shows more than the record (counts, sums, order): fetch again too. */
export const showing = <T>(data: T): Applied<T> => ({ data, refetch: true });

/** Applies the writes in order; undefined as soon as one cannot be applied. */
export function applyAll<T>(
  shown: T,
  writes: readonly Write[],
  apply: (shown: T, write: Write) => Applied<T>,
): Applied<T> {
  let result = { data: shown, refetch: false };
  for (const write of writes) {
    const next = apply(result.data, write);
    if (!next) return undefined;
    result = { data: next.data, refetch: result.refetch || next.refetch };
  }
  return result;
}

/** The list with `record` in place of the item of the same id; undefined when no item has it. */
export function replaceById<R extends { id: number }>(list: readonly R[], record: R): R[] | undefined {
  const at = list.findIndex((item) => item.id === record.id);
  if (at < 0) return undefined;
  return [...list.slice(0, at), record, ...list.slice(at + 1)];
}

export { writesSince } from '../api/data-version';
