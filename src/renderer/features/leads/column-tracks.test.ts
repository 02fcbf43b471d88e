import { describe, expect, it } from 'vitest';
import { columnTracks, daySamples, textFits, type TextMeasure } from './column-tracks';

// A font where every character is 7 px wide, and bold ones 8 px.
const measure: TextMeasure = (text, font) => text.length * (font === 'badge' || font === 'header' ? 8 : 7);

describe('column tracks', () => {
  it('sizes the fixed columns to their longest text, padding and slack included', () => {
    const tracks = columnTracks(measure, ['28 Sep', '28 September 2025']).split(' ');
    expect(tracks).toHaveLength(14); // 5 free columns written as "minmax(0, Nfr)" (two tokens each) and 4 fixed
    const fixed = tracks.filter((t) => t.endsWith('px')).map((t) => Number.parseInt(t, 10));
    // Stage: "Interview" (9 chars) at 8 px + badge chrome 18 + padding 20 + slack 4 = 114.
    // Connects: the header wins: "Connects" 64 + 32 + 4 = 100 (the count, 5 × 7 + 24 = 59).
    // Days: "28 September 2025" 17 × 7 + 20 + 4 = 143, for Created and Follow-up alike.
    expect(fixed).toEqual([114, 100, 143, 143]);
  });

  it('makes the channel column as wide as its longest name (up to a cap), so no channel is cut', () => {
    const tracks = columnTracks(measure, ['28 Sep'], ['Upwork', 'Podcast: Design']);
    // "Podcast: Design" (15 chars) at 7 px + dot and gap 14 + padding 20 + slack 4 = 143.
    expect(tracks).toContain('minmax(0, 2.6fr) minmax(143px, 1.3fr) minmax(0, 1.4fr)');
    // Up to 180 px: the title and the value keep their room at 1280 px.
    expect(columnTracks(measure, ['28 Sep'], ['x'.repeat(80)])).toContain('minmax(180px, 1.3fr)');
  });

  it('follows the day format: every month, this year and another', () => {
    const samples = daySamples((iso) => iso, new Date(2026, 5, 1));
    expect(samples).toHaveLength(24);
    expect(samples).toContain('2026-01-28');
    expect(samples).toContain('2025-12-28');
  });

  it('says a text fits only when it and its padding fit the cell', () => {
    // "Hooli": 35 px + padding 20 + slack 4 = 59.
    expect(textFits(measure, 'cell', 'Hooli', 59)).toBe(true);
    expect(textFits(measure, 'cell', 'Hooli', 58)).toBe(false);
    // A badge or dot beside the text takes its room too.
    expect(textFits(measure, 'cell', 'Hooli', 59, 1)).toBe(false);
    // Numbers get 8 % more room for tabular figures: 9 × 7 × 1.08 = 68.04, + 24 = 92.04.
    expect(textFits(measure, 'cell', '$1,234.56', 92, 0, true)).toBe(false);
    expect(textFits(measure, 'cell', '$1,234.56', 93, 0, true)).toBe(true);
  });
});
