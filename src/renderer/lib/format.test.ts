import { describe, expect, it } from 'vitest';
import {
  formatDateTime,
  formatDay,
  formatShortDay,
  formatValue,
  formatValueShort,
  plural,
  setDayPattern,
  setDisplayLocale,
} from './format';
import { parseRoute, routeWith } from './useRoute';
import { compactMoney } from './reportFormat';

describe('display formats', () => {
  it('formats days with date-fns, compact within the current year', () => {
    setDayPattern('d MMM yyyy');
    expect(formatDay('2026-08-14')).toBe('14 Aug 2026');
    expect(formatDay(null)).toBe('');
    expect(formatShortDay('2026-08-14', new Date(2026, 0, 1))).toBe('14 Aug');
    expect(formatShortDay('2025-12-31', new Date(2026, 0, 1))).toBe('31 Dec 2025');
    expect(formatDateTime(new Date(2026, 7, 14, 9, 5).toISOString())).toBe('14 Aug 2026, 09:05');
  });

  it('by default follows the locale: en-US, en-GB, de-DE', () => {
    setDayPattern('locale');
    const jan = new Date(2026, 0, 1);
    try {
      setDisplayLocale('en-US');
      expect(formatDay('2026-08-14')).toBe('Aug 14, 2026');
      expect(formatShortDay('2026-08-14', jan)).toBe('Aug 14');
      expect(formatShortDay('2025-12-31', jan)).toBe('Dec 31, 2025');
      expect(formatDateTime(new Date(2026, 7, 14, 9, 5).toISOString())).toBe('Aug 14, 2026, 09:05 AM');
      setDisplayLocale('en-GB');
      expect(formatDay('2026-08-14')).toBe('14 Aug 2026');
      expect(formatShortDay('2026-08-14', jan)).toBe('14 Aug');
      expect(formatDateTime(new Date(2026, 7, 14, 9, 5).toISOString())).toBe('14 Aug 2026, 09:05');
      setDisplayLocale('de-DE');
      expect(formatDay('2026-08-14')).toBe('14. Aug. 2026');
      expect(formatShortDay('2026-08-14', jan)).toBe('14. Aug.');
      expect(formatDateTime(new Date(2026, 7, 14, 9, 5).toISOString())).toBe('14. Aug. 2026, 09:05');
      // An explicit choice in Settings wins over the locale.
      setDayPattern('dd.MM.yyyy');
      expect(formatDay('2026-08-14')).toBe('14.08.2026');
      setDayPattern('MM/dd/yyyy');
      expect(formatDay('2026-08-14')).toBe('08/14/2026');
    } finally {
      setDisplayLocale(undefined);
      setDayPattern('d MMM yyyy');
    }
  });

  it('shows money exactly, dropping only zero cents on cards', () => {
    expect(formatValue(125050, 'USD')).toMatch(/1,250\.50/);
    expect(formatValue(null, 'USD')).toBe('');
    expect(formatValueShort(125000, 'USD')).toMatch(/^\$1,250$/);
    expect(formatValueShort(125050, 'USD')).toMatch(/1,250\.50/);
    expect(formatValueShort(1500, 'JPY')).toMatch(/1,500/);
    expect(formatValueShort(1234, 'KWD')).toMatch(/1\.234/);
    // Chart axes: minor units of each currency's own size.
    expect(compactMoney(150000, 'USD', 'en-US')).toBe('$1.5K');
    expect(compactMoney(150000, 'JPY', 'en-US')).toBe('¥150K');
    expect(compactMoney(1500000, 'KWD', 'en-US')).toMatch(/^KWD\s?1\.5K$/);
  });

  it('pluralises counts', () => {
    expect(plural(1, 'lead')).toBe('1 lead');
    expect(plural(20000, 'lead')).toBe('20,000 leads');
  });
});

describe('hash routes', () => {
  it('parses page, parameter and query', () => {
    const route = parseRoute('#/lead/12');
    expect(route.page).toBe('lead');
    expect(route.param).toBe('12');
    const leads = parseRoute('#/leads?source=3&stage=won');
    expect(leads.page).toBe('leads');
    expect(leads.query.get('source')).toBe('3');
    expect(parseRoute('').page).toBe('pipeline');
  });

  it('builds routes without empty values', () => {
    expect(routeWith('leads', { q: 'react', stage: undefined, tag: '' })).toBe('leads?q=react');
    expect(routeWith('leads', {})).toBe('leads');
  });
});
