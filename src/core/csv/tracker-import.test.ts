import { describe, expect, it } from 'vitest';
import { clockOf, clockSeconds, hoursToMinutes } from './tracker-import';
import { parseCsvText } from './parser';
import { damagedMatch, headerKey, sniffDelimiter } from '../../shared/csv/headers';
import { repairHeaders } from './header-repair';

// docs/domain.md §6 durations and §3 reading rules, cell by cell.

describe('durations to whole minutes, half up', () => {
  it.each([
    ['00:00:29', 0],
    ['00:00:30', 1],
    ['0:01:29', 1],
    ['0:01:30', 2],
    ['01:00:01', 60],
    ['8:03:27', 483],
    ['25:00:00', 1500],
    ['1:30', 90],
  ])('%s → %i', (text, minutes) => expect(Math.floor((clockSeconds(text)! + 30) / 60)).toBe(minutes));

  it.each([
    ['0,01', ',', 1],
    ['0.008', '.', 0],
    ['20,0', ',', 1200],
    ['1.5', '.', 90],
    ['0.25', '.', 15],
    ['1,234.5', '.', 74070],
    ['0.00833', '.', 0],
    ['0.00834', '.', 1],
  ] as const)('%s hours (decimal %s) → %i', (text, decimal, minutes) =>
    expect(hoursToMinutes(text, decimal)).toBe(minutes),
  );

  it('is undefined for what is not a duration', () => {
    expect(clockSeconds('1h30')).toBeUndefined();
    expect(hoursToMinutes('-1.5', '.')).toBeUndefined();
    expect(hoursToMinutes('abc', '.')).toBeUndefined();
  });

  it('start times in 24 or 12 hours, for keys', () => {
    expect([
      clockOf('10:23 AM'),
      clockOf('12:05 AM'),
      clockOf('12:05 PM'),
      clockOf('1:15 pm'),
      clockOf('22:05'),
      clockOf('10:23:52 AM'),
    ]).toEqual(['10:23:00', '00:05:00', '12:05:00', '13:15:00', '22:05:00', '10:23:52']);
  });
});

describe('reading any file (§3)', () => {
  it('", " separates like ",", quoted fields included', () => {
    expect(sniffDelimiter('Data, Hora, Nome')).toBe(', ');
    expect(sniffDelimiter('Data,Hora, Nome')).toBe(',');
    expect(parseCsvText('a, b, c\n1, "x, y", 3\n', undefined, ', ').map((r) => r.fields)).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', '3'],
    ]);
  });

  it('header names: accents folded; U+FFFD or ? stands for one letter; a damaged name becomes the one known name it can be', () => {
    expect(headerKey('Descripción')).toBe(headerKey('Descripcion'));
    expect(damagedMatch('Fuso hor\uFFFDrio', 'Fuso horário')).toBe(true);
    expect(damagedMatch('L?quido', 'Líquido')).toBe(true);
    expect(damagedMatch('L?quido', 'Liquidez')).toBe(false);
    expect(repairHeaders(['Data', 'L?quido', 'C\uFFFDdigo da transa\uFFFD\uFFFDo', 'Billable?', 'Zzz\uFFFD'])).toEqual({
      headers: ['Data', 'Líquido', 'Código da transação', 'Billable?', 'Zzz\uFFFD'],
      damaged: true,
    });
    expect(repairHeaders(['Date', 'Billable?'])).toEqual({ headers: ['Date', 'Billable?'], damaged: false });
  });
});
