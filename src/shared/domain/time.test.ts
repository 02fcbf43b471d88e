import { describe, expect, it } from 'vitest';
import { elapsedMinutes, formatMinutes, parseDuration } from './time';

describe('durations as typed in Log time', () => {
  it('reads minutes, h:mm, 1h30 and decimal hours', () => {
    const minutes = (t: string) => {
      const r = parseDuration(t);
      return r.ok ? r.minutes : r.message;
    };
    expect(['45', '45m', '45 min', '1:30', '1h30', '1h 30m', '0:05', '1.5h', '1,25h', '24:00'].map(minutes)).toEqual([
      45, 45, 45, 90, 90, 90, 5, 90, 75, 1440,
    ]);
    expect(minutes('0')).toBe('The time must be more than 0 minutes');
    expect(minutes('0:00')).toBe('The time must be more than 0 minutes');
    expect(minutes('1:75')).toBe('Minutes after the colon go up to 59');
    expect(minutes('24:01')).toBe('At most 24:00 in one entry');
    expect(minutes('1.11h')).toBe('That is not a whole number of minutes');
    expect(minutes('-5')).toBe('Enter minutes (45) or h:mm (1:30)');
    expect(minutes('')).toBe('Enter minutes (45) or h:mm (1:30)');
  });

  it('formats minutes as h:mm and counts a timer in whole minutes, at least one', () => {
    expect([formatMinutes(0), formatMinutes(5), formatMinutes(90), formatMinutes(1440)]).toEqual([
      '0:00',
      '0:05',
      '1:30',
      '24:00',
    ]);
    const start = '2026-08-15T09:00:00.000Z';
    expect(elapsedMinutes(start, new Date('2026-08-15T09:00:10Z'))).toBe(1);
    expect(elapsedMinutes(start, new Date('2026-08-15T09:25:29Z'))).toBe(25);
    expect(elapsedMinutes(start, new Date('2026-08-15T09:25:30Z'))).toBe(26);
  });
});
