import { describe, expect, it } from 'vitest';
import { groupBySection, rescheduleDates, sectionOf } from './followUpSections';

describe('follow-up sections', () => {
  it('puts today first, then overdue, the next 7 days and later', () => {
    const today = '2026-12-01';
    expect(sectionOf('2026-12-01', today)).toBe('Today');
    expect(sectionOf('2026-11-30', today)).toBe('Overdue');
    expect(sectionOf('2026-12-08', today)).toBe('Next 7 days');
    expect(sectionOf('2026-12-09', today)).toBe('Later');
    const groups = groupBySection(['2026-11-01', '2026-12-01', '2027-01-01', '2026-12-02'], (d) => d, today);
    expect(groups).toEqual({
      Today: ['2026-12-01'],
      Overdue: ['2026-11-01'],
      'Next 7 days': ['2026-12-02'],
      Later: ['2027-01-01'],
    });
  });

  it('reschedules from today; next week starts on the chosen first day', () => {
    // 2026-12-01 is a Tuesday.
    expect(rescheduleDates('2026-12-01', 1)).toEqual([
      { label: 'Tomorrow', date: '2026-12-02' },
      { label: 'In 3 days', date: '2026-12-04' },
      { label: 'Next week', date: '2026-12-07' },
    ]);
    expect(rescheduleDates('2026-12-01', 0)[2]!.date).toBe('2026-12-06');
    expect(rescheduleDates('2026-12-31', 1)[0]!.date).toBe('2027-01-01');
  });

  it('"Next week" on a Sunday (weeks from Monday) is a week away, not the same day as Tomorrow', () => {
    // 2026-12-06 is a Sunday.
    const [tomorrow, , nextWeek] = rescheduleDates('2026-12-06', 1);
    expect(tomorrow!.date).toBe('2026-12-07');
    expect(nextWeek!.date).toBe('2026-12-13');
    expect(rescheduleDates('2026-12-05', 0)[2]!.date).toBe('2026-12-12'); // Saturday, weeks from Sunday
  });
});
