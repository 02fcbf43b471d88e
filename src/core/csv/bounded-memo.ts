/**
 * Remembers `fn`'s results for repeated inputs (a statement repeats its dates, types and currencies on
 * every row). Starts over past `limit` entries, so a column of unique values costs no memory.
 */
export function boundedMemo<T>(fn: (text: string) => T, limit = 4096): (text: string) => T {
  let seen = new Map<string, T>();
  return (text) => {
    const hit = seen.get(text);
    if (hit !== undefined || seen.has(text)) return hit as T;
    const value = fn(text);
    if (seen.size >= limit) seen = new Map();
    seen.set(text, value);
    return value;
  };
}
