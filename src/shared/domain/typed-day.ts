/**
 * A stage change dated by a typed day (not by the clock) is stamped at noon UTC of that day; the
 * timeline shows it as the day alone, since the hour was never known.
 */
export const typedDayStamp = (day: string): string => `${day}T12:00:00.000Z`;

/** The day of a stamp made by typedDayStamp, or null for a clock time. */
export const typedDayOf = (stamp: string): string | null =>
  /^\d{4}-\d{2}-\d{2}T12:00:00\.000Z$/.test(stamp) ? stamp.slice(0, 10) : null;
