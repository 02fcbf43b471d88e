/** Letters with their accents taken off (`Descripción` = `Descripcion`, docs/domain.md §3). */
export function foldAccents(text: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(text)
    ? text
    : text
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/ß/g, 'ss');
}

/** Header names compared case-, accent-, space-, underscore- and hyphen-insensitively. */
export function headerKey(name: string): string {
  return foldAccents(name.replace(/^\uFEFF/, ''))
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

/** A name a wrong decoding damaged: U+FFFD (or `?`) where a letter was (`Fuso hor�rio`, `L?quido`). */
export function isDamaged(text: string): boolean {
  return text.includes('\uFFFD') || /\p{L}\?\p{L}/u.test(text);
}

/**
 * Whether damaged `text` is `name` with letters lost: each U+FFFD or `?` stands for any one letter
 * (after folding accents), everything else compared as `compare` normalises it.
 */
export function damagedMatch(text: string, name: string, compare: (s: string) => string = headerKey): boolean {
  const marked = text.replace(/[\uFFFD?]/g, '\u0001');
  const a = compare(marked);
  const b = compare(name);
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === '\u0001') {
      if (!/\p{L}/u.test(b[i]!)) return false;
    } else if (a[i] !== b[i]) return false;
  }
  return true;
}

/** A header signature for saved mappings: the normalised names in order. */
export function headerSignature(headers: readonly string[]): string {
  return headers.map(headerKey).join('|');
}

/**
 * Index of each wanted field in `headers` (first occurrence wins), trying each alias in turn.
 * Missing fields are absent from the result.
 */
export function indexHeaders<F extends string>(
  headers: readonly string[],
  aliases: Record<F, readonly string[]>,
): Partial<Record<F, number>> {
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

/** Header names as the file means them: BOM gone, NBSP as a space, trimmed; a trailing empty column dropped. */
export function cleanHeaders(fields: readonly string[]): string[] {
  const names = fields.map((h) =>
    h
      .replace(/^\uFEFF/, '')
      .replace(/[\u00a0\u202f]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  while (names.length > 1 && names[names.length - 1] === '') names.pop();
  return names;
}

/** `, ` (comma and space) separates like `,` (docs/domain.md §3): the space is not part of the next field. */
export type Delimiter = ',' | ';' | '\t' | ', ';

/** The delimiter that splits the header line into the most non-empty names (docs/domain.md §3); ties go to ','. */
export function sniffDelimiter(headerLine: string): Delimiter {
  let best: Delimiter = ',';
  let most = -1;
  for (const d of [',', ';', '\t'] as const) {
    const names = splitOutsideQuotes(headerLine, d).filter((n) => n.trim().replace(/^"|"$/g, '') !== '').length;
    if (names > most) {
      most = names;
      best = d;
    }
  }
  if (best === ',') {
    // Every comma of the header followed by a space: `, ` is the separator.
    const parts = splitOutsideQuotes(headerLine, ',');
    if (parts.length > 1 && parts.slice(1).every((p) => p.startsWith(' ') && p.trim() !== '')) return ', ';
  }
  return best;
}

function splitOutsideQuotes(line: string, d: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === d && !quoted) {
      parts.push(line.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(line.slice(start));
  return parts;
}
