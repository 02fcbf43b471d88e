/** Date layouts a user can choose for a CSV column (and the ones platform exports use). */
export const dateFormats = ['YYYY-MM-DD', 'MM/DD/YYYY', 'DD/MM/YYYY', 'DD.MM.YYYY', 'YYYY/MM/DD', 'MMM D, YYYY', 'D MMM YYYY'] as const;
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
  if (!(year >= 1900 && year <= 2999) || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
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
  if (!isDigit(t.charCodeAt(0)) || !isDigit(t.charCodeAt(1)) || !isDigit(t.charCodeAt(2)) || !isDigit(t.charCodeAt(3))) return undefined;
  if (!isDigit(t.charCodeAt(5)) || !isDigit(t.charCodeAt(6)) || !isDigit(t.charCodeAt(8)) || !isDigit(t.charCodeAt(9))) return undefined;
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
    case 'MMM D, YYYY':
      m = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/.exec(s);
      return m ? iso(+m[3]!, monthIndex(m[1]!), +m[2]!) : undefined;
    case 'D MMM YYYY':
      m = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -](\d{4})$/.exec(s);
      return m ? iso(+m[3]!, monthIndex(m[2]!), +m[1]!) : undefined;
  }
}

/** The first format (of `candidates`) that reads every sample; for suggesting a format in the wizard. */
export function guessDateFormat(samples: readonly string[], candidates: readonly DateFormat[] = dateFormats): DateFormat | undefined {
  const present = samples.map((s) => s.trim()).filter(Boolean);
  if (present.length === 0) return undefined;
  return candidates.find((f) => present.every((s) => parseDate(s, f) !== undefined));
}
