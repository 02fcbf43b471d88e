/** Date layouts a user can choose for a CSV column (and the ones platform exports use). */
export const dateFormats = [
  'YYYY-MM-DD',
  'MM/DD/YYYY',
  'DD/MM/YYYY',
  'DD.MM.YYYY',
  'DD-MM-YYYY',
  'MM-DD-YYYY',
  'YYYY/MM/DD',
  'MMM D, YYYY',
  'D MMM YYYY',
  'D-MMM-YY',
] as const;
export type DateFormat = (typeof dateFormats)[number];

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function monthIndex(name: string): number {
  const key = name.slice(0, 3).toLowerCase();
  return months.indexOf(key) + 1;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month: number, day: number): string | undefined {
  if (!(year >= 1900 && year <= 2999) || month < 1 || month > 12 || day < 1 || day > daysIn(year, month))
    return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// A time after the date ("2026-09-25 14:03:11", "9/25/2026 10:00 AM") is ignored: the day is what counts.
const timeTail = /(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AaPp][Mm])?\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT)?)?$/;

/** Parses `text` in `format` into YYYY-MM-DD, or undefined when it is not a real day in that format. */
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** YYYY-MM-DD exactly (our own format, the hot path of big imports): no regex. */
function fastIso(t: string): string | undefined {
  if (t.length !== 10 || t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45) return undefined;
  const d = (i: number) => t.charCodeAt(i) - 48;
  if (!isDigit(t.charCodeAt(0)) || !isDigit(t.charCodeAt(1)) || !isDigit(t.charCodeAt(2)) || !isDigit(t.charCodeAt(3)))
    return undefined;
  if (!isDigit(t.charCodeAt(5)) || !isDigit(t.charCodeAt(6)) || !isDigit(t.charCodeAt(8)) || !isDigit(t.charCodeAt(9)))
    return undefined;
  const year = d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3);
  const month = d(5) * 10 + d(6);
  const day = d(8) * 10 + d(9);
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return undefined;
  if (day > 28 && day > daysIn(year, month)) return undefined;
  return t;
}

export function parseDate(text: string, format: DateFormat): string | undefined {
  if (format === 'YYYY-MM-DD' && text.length === 10) {
    const fast = fastIso(text);
    if (fast) return fast;
  }
  const trimmed = text.trim();
  const s = trimmed.length > 11 ? trimmed.replace(timeTail, '') : trimmed;
  let m: RegExpExecArray | null;
  switch (format) {
    case 'YYYY-MM-DD':
      m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
      return m ? iso(+m[1]!, +m[2]!, +m[3]!) : undefined;
    case 'YYYY/MM/DD':
      m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(s);
      return m ? iso(+m[1]!, +m[2]!, +m[3]!) : undefined;
    case 'MM/DD/YYYY':
      m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
      return m ? iso(+m[3]!, +m[1]!, +m[2]!) : undefined;
    case 'DD/MM/YYYY':
      m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
      return m ? iso(+m[3]!, +m[2]!, +m[1]!) : undefined;
    case 'DD.MM.YYYY':
      m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
      return m ? iso(+m[3]!, +m[2]!, +m[1]!) : undefined;
    case 'DD-MM-YYYY':
      m = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(s);
      return m ? iso(+m[3]!, +m[2]!, +m[1]!) : undefined;
    case 'MM-DD-YYYY':
      m = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(s);
      return m ? iso(+m[3]!, +m[1]!, +m[2]!) : undefined;
    case 'MMM D, YYYY':
      m = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/.exec(s);
      return m ? iso(+m[3]!, monthIndex(m[1]!), +m[2]!) : undefined;
    case 'D MMM YYYY':
      m = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -](\d{4})$/.exec(s);
      return m ? iso(+m[3]!, monthIndex(m[2]!), +m[1]!) : undefined;
    case 'D-MMM-YY':
      // Excel's re-save of an English date: 28-Feb-20 is 2020 (YY is 2000 + YY, docs/domain.md §3).
      m = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -](\d{2})$/.exec(s);
      return m ? iso(2000 + +m[3]!, monthIndex(m[2]!), +m[1]!) : undefined;
  }
}

/** Writes an ISO day in `format` (tests and the preview's round trips). */
export function formatDate(isoDay: string, format: DateFormat): string {
  const [y, m, d] = isoDay.split('-') as [string, string, string];
  const mon = months[Number(m) - 1]!;
  const name = mon[0]!.toUpperCase() + mon.slice(1);
  switch (format) {
    case 'YYYY-MM-DD':
      return isoDay;
    case 'YYYY/MM/DD':
      return `${y}/${m}/${d}`;
    case 'MM/DD/YYYY':
      return `${m}/${d}/${y}`;
    case 'DD/MM/YYYY':
      return `${d}/${m}/${y}`;
    case 'DD.MM.YYYY':
      return `${d}.${m}.${y}`;
    case 'DD-MM-YYYY':
      return `${d}-${m}-${y}`;
    case 'MM-DD-YYYY':
      return `${m}-${d}-${y}`;
    case 'MMM D, YYYY':
      return `${name} ${Number(d)}, ${y}`;
    case 'D MMM YYYY':
      return `${Number(d)} ${name} ${y}`;
    case 'D-MMM-YY':
      return `${Number(d)}-${name}-${y.slice(2)}`;
  }
}

/** Which of MM/DD and DD/MM a platform writes when a file's dates read both ways. */
export type DayOrder = 'month-first' | 'day-first' | 'ask';

export type DateDecision =
  { ok: true; format: DateFormat | null; failing: number } | { ok: false; message: string; lines: number[] };

/**
 * One date column of one file: every non-empty cell is tried against the formats still in the
 * running, and the format that reads them all is the column's (docs/domain.md §3). A format that fails
 * on many more cells than another stops being tried, so a big ISO column costs one check a cell.
 */
export class DateColumn {
  private readonly failures = new Map<DateFormat, number>();
  private readonly ambiguousLines: number[] = [];
  private cells = 0;
  constructor(
    readonly name: string,
    // 'YYYY/MM/DD' is a wizard choice only: no platform of §3 writes it.
    private readonly candidates: readonly DateFormat[] = dateFormats.filter((f) => f !== 'YYYY/MM/DD'),
  ) {
    for (const f of candidates) this.failures.set(f, 0);
  }

  add(text: string, line: number): void {
    const t = text.trim();
    if (t === '') return;
    this.cells++;
    let best = Infinity;
    for (const n of this.failures.values()) best = Math.min(best, n);
    let mmdd = false;
    let ddmm = false;
    for (const [f, n] of this.failures) {
      if (n > best + 50) {
        this.failures.delete(f);
        continue;
      }
      const ok = parseDate(t, f) !== undefined;
      if (!ok) this.failures.set(f, n + 1);
      else if (f === 'MM/DD/YYYY' || f === 'MM-DD-YYYY') mmdd = true;
      else if (f === 'DD/MM/YYYY' || f === 'DD-MM-YYYY') ddmm = true;
    }
    if (mmdd && ddmm && this.ambiguousLines.length < 5) this.ambiguousLines.push(line);
  }

  decide(order: DayOrder): DateDecision {
    if (this.cells === 0) return { ok: true, format: null, failing: 0 };
    const ranked = [...this.failures].sort((a, b) => a[1] - b[1]);
    const fewest = ranked[0]![1];
    const tied = ranked.filter(([, n]) => n === fewest).map(([f]) => f);
    // The same digits with `/` or `-`: month first or day first is the one question left.
    const pair = (['/', '-'] as const).find(
      (sep) =>
        tied.includes(`MM${sep}DD${sep}YYYY` as DateFormat) && tied.includes(`DD${sep}MM${sep}YYYY` as DateFormat),
    );
    // Nothing reads most cells (a column of garbage): any format; its rows are invalid one by one.
    if (tied.length === 1 || !pair || fewest === this.cells) return { ok: true, format: tied[0]!, failing: fewest };
    if (order !== 'ask') {
      return {
        ok: true,
        format: (order === 'month-first' ? `MM${pair}DD${pair}YYYY` : `DD${pair}MM${pair}YYYY`) as DateFormat,
        failing: fewest,
      };
    }
    return {
      ok: false,
      lines: this.ambiguousLines,
      message: `The dates of ${this.name} read both as MM${pair}DD${pair}YYYY and as DD${pair}MM${pair}YYYY (lines ${this.ambiguousLines.join(', ')}): choose the format in the import wizard`,
    };
  }
}

/** The first format (of `candidates`) that reads every sample; for suggesting a format in the wizard. */
export function guessDateFormat(
  samples: readonly string[],
  candidates: readonly DateFormat[] = dateFormats,
): DateFormat | undefined {
  const present = samples.map((s) => s.trim()).filter(Boolean);
  if (present.length === 0) return undefined;
  return candidates.find((f) => present.every((s) => parseDate(s, f) !== undefined));
}
