// An incremental RFC 4180 parser that knows the physical line each record starts on.
// PapaParse was measured, but it cannot report physical lines of multi-line records or mixed
// CR / LF / CRLF endings; this scanner does both and stays within ~2x of it (see the bench).

export type CsvRecord = { fields: string[]; line: number };

export class CsvParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvParseError';
  }
}

const QUOTE = 34;
const CR = 13;
const LF = 10;
const SPACE = 32;

export const defaultMaxRecordChars = 1024 * 1024;

function countLines(text: string, from: number, to: number): number {
  let lines = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) lines++;
    else if (c === CR) {
      lines++;
      if (text.charCodeAt(i + 1) === LF && i + 1 < to) i++;
    }
  }
  return lines;
}

/** Feed decoded text with `push`, then call `end`; complete records go to `emit` (blank lines are dropped). */
export class CsvParser {
  private buffer = '';
  private line = 1;

  private readonly delimiter: number;
  /** `, `-separated (docs/domain.md §3): spaces after a separator belong to it, not to the next field. */
  private readonly spaced: boolean;
  private readonly separator: ',' | ';' | '\t';

  constructor(
    private readonly emit: (record: CsvRecord) => void,
    private readonly maxRecordChars = defaultMaxRecordChars,
    separator: ',' | ';' | '\t' | ', ' = ',',
  ) {
    this.spaced = separator === ', ';
    this.separator = separator === ', ' ? ',' : separator;
    this.delimiter = this.separator.charCodeAt(0);
  }

  push(text: string): void {
    this.buffer = this.buffer.length ? this.buffer + text : text;
    this.parse(false);
  }

  end(): void {
    this.parse(true);
    this.buffer = '';
  }

  private tooBig(startLine: number): CsvParseError {
    return new CsvParseError(
      `Line ${startLine}: the record starting here is larger than ${Math.round(this.maxRecordChars / 1024)} KB (an unclosed quote?); nothing was imported`,
      startLine,
    );
  }

  // Scan state of the current record (fields and the lines it spans), set by `record`.
  private fields: string[] = [];
  private spanned = 0;

  /**
   * Reads one record starting at `pos`; returns the position after it, or -1 when the buffer ends
   * inside it (more text needed). Kept small and separate so V8 optimises it once.
   */
  private record(buf: string, n: number, pos: number, final: boolean, firstLine: number): number {
    const fields: string[] = [];
    let lines = 0;
    for (;;) {
      if (this.spaced && fields.length > 0) while (pos < n && buf.charCodeAt(pos) === SPACE) pos++;
      if (pos < n && buf.charCodeAt(pos) === QUOTE) {
        let value = '';
        let p = pos + 1;
        for (;;) {
          const q = buf.indexOf('"', p);
          if (q === -1 || (q + 1 >= n && !final)) {
            if (final)
              throw new CsvParseError(
                `Line ${firstLine + lines}: a quoted field is never closed; nothing was imported`,
                firstLine + lines,
              );
            return -1;
          }
          if (buf.charCodeAt(q + 1) === QUOTE) {
            value += buf.slice(p, q + 1);
            p = q + 2;
            continue;
          }
          value += buf.slice(p, q);
          p = q + 1;
          break;
        }
        lines += countLines(buf, pos, p);
        pos = p;
        // Text after the closing quote ("abc"def) is kept, as spreadsheets do.
        let e = pos;
        while (e < n) {
          const c = buf.charCodeAt(e);
          if (c === this.delimiter || c === LF || c === CR) break;
          e++;
        }
        if (e > pos) value += buf.slice(pos, e);
        pos = e;
        fields.push(value);
      } else {
        let e = pos;
        while (e < n) {
          const c = buf.charCodeAt(e);
          if (c === this.delimiter || c === LF || c === CR) break;
          e++;
        }
        fields.push(buf.slice(pos, e));
        pos = e;
      }
      if (pos >= n) {
        if (!final) return -1;
        break;
      }
      const c = buf.charCodeAt(pos);
      if (c === this.delimiter) {
        pos++;
        continue;
      }
      if (c === CR) {
        if (pos + 1 >= n && !final) return -1;
        pos += buf.charCodeAt(pos + 1) === LF ? 2 : 1;
      } else pos++;
      lines++;
      break;
    }
    this.fields = fields;
    this.spanned = lines;
    return pos;
  }

  private parse(final: boolean): void {
    const buf = this.buffer;
    const n = buf.length;
    let pos = 0;
    let line = this.line;
    // Fast path: a record without quotes is a native split of its line. The next LF, CR and quote
    // positions are cached so each character is searched once.
    let nextLF = -2;
    let nextCR = -2;
    let nextQuote = -2;
    while (pos < n) {
      const startPos = pos;
      if (nextLF !== -1 && nextLF < pos) nextLF = buf.indexOf('\n', pos);
      if (nextCR !== -1 && nextCR < pos) nextCR = buf.indexOf('\r', pos);
      if (nextQuote !== -1 && nextQuote < pos) nextQuote = buf.indexOf('"', pos);
      const end = nextLF === -1 ? nextCR : nextCR === -1 ? nextLF : Math.min(nextLF, nextCR);
      let fields: string[];
      const startLine = line;
      if (end !== -1 && (nextQuote === -1 || nextQuote > end) && (end + 1 < n || final)) {
        fields = buf.slice(pos, end).split(this.separator);
        if (this.spaced) for (let i = 1; i < fields.length; i++) fields[i] = fields[i]!.replace(/^ +/, '');
        pos = end + (buf.charCodeAt(end) === CR && buf.charCodeAt(end + 1) === LF ? 2 : 1);
        line++;
      } else {
        const next = this.record(buf, n, pos, final, line);
        if (next === -1) break;
        fields = this.fields;
        line += this.spanned;
        pos = next;
      }
      if (pos - startPos > this.maxRecordChars) throw this.tooBig(startLine);
      if (!(fields.length === 1 && fields[0] === '')) this.emit({ fields, line: startLine });
    }
    if (n - pos > this.maxRecordChars) throw this.tooBig(line);
    this.buffer = pos >= n ? '' : buf.slice(pos);
    this.line = line;
  }
}

/** Parses a whole string (tests, small inputs). */
export function parseCsvText(
  text: string,
  maxRecordChars?: number,
  separator: ',' | ';' | '\t' | ', ' = ',',
): CsvRecord[] {
  const records: CsvRecord[] = [];
  const parser = new CsvParser((r) => records.push(r), maxRecordChars, separator);
  parser.push(text);
  parser.end();
  return records;
}
