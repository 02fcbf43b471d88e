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
export function parseDate(text: string, format: DateFormat): string | undefined {
  const s = text.trim().replace(timeTail, '');
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
