/** Header names compared case-, space-, underscore- and hyphen-insensitively. */
export function headerKey(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

/** A header signature for saved mappings: the normalised names in order. */
export function headerSignature(headers: readonly string[]): string {
  return headers.map(headerKey).join('|');
}

/**
 * Index of each wanted field in `headers` (first occurrence wins), trying each alias in turn.
 * Missing fields are absent from the result.
 */
export function indexHeaders<F extends string>(headers: readonly string[], aliases: Record<F, readonly string[]>): Partial<Record<F, number>> {
  const positions = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = headerKey(h);
    if (!positions.has(key)) positions.set(key, i);
  });
  const result: Partial<Record<F, number>> = {};
  for (const field of Object.keys(aliases) as F[]) {
    for (const alias of aliases[field]) {
      const index = positions.get(headerKey(alias));
      if (index !== undefined) {
        result[field] = index;
        break;
      }
    }
  }
  return result;
}

/** Header names that occur more than once (after normalising). */
export function duplicateHeaders(headers: readonly string[]): string[] {
  const seen = new Set<string>();
  const dups = new Set<string>();
  for (const h of headers) {
    const key = headerKey(h);
    if (key === '') continue;
    if (seen.has(key)) dups.add(h);
    seen.add(key);
  }
  return [...dups];
}
