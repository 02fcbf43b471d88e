// Durations as people type them (docs/domain.md §6.1): "90" or "90m" minutes, "1:30" or "1h30" hours and minutes,
// "1.5h" hours. Pure, so the form and the tests share it.

export const maxEntryMinutes = 24 * 60;

/** docs/domain.md §6: sales = finding and winning the work, delivery = doing it. */
export const timeKinds = ['sales', 'delivery'] as const;

export const timeKindLabels: Record<(typeof timeKinds)[number], string> = { sales: 'Sales', delivery: 'Delivery' };

export type ParsedDuration = { ok: true; minutes: number } | { ok: false; message: string };

export function parseDuration(text: string): ParsedDuration {
  const t = text.trim().toLowerCase().replace(/\s+/g, '');
  if (t === '') return { ok: false, message: 'Enter minutes (45) or h:mm (1:30)' };
  let minutes: number | undefined;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,4})m?(?:in)?$/.exec(t))) minutes = Number(m[1]);
  else if ((m = /^(\d{1,2})(?::|h)(\d{1,2})m?$/.exec(t))) {
    if (Number(m[2]) > 59) return { ok: false, message: 'Minutes after the colon go up to 59' };
    minutes = Number(m[1]) * 60 + Number(m[2]);
  } else if ((m = /^(\d{1,2})(?:[.,](\d{1,2}))?h$/.exec(t))) {
    // "1.5h": hours with a decimal part, whole minutes only (1.25h = 75 min, 1.1h = 66 min).
    const hundredths = Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
    if ((hundredths * 60) % 100 !== 0) return { ok: false, message: 'That is not a whole number of minutes' };
    minutes = (hundredths * 60) / 100;
  }
  if (minutes === undefined) return { ok: false, message: 'Enter minutes (45) or h:mm (1:30)' };
  if (minutes <= 0) return { ok: false, message: 'The time must be more than 0 minutes' };
  if (minutes > maxEntryMinutes) return { ok: false, message: 'At most 24:00 in one entry' };
  return { ok: true, minutes };
}

/** 90 -> "1:30", 5 -> "0:05". */
export function formatMinutes(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  const m = Math.abs(Math.round(minutes));
  return `${sign}${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;
}

/** Whole minutes a running timer has counted at `now` (at least 1 once started). */
export function elapsedMinutes(startedAt: string, now: Date): number {
  const ms = now.getTime() - new Date(startedAt).getTime();
  return Math.max(1, Math.round(ms / 60_000));
}
