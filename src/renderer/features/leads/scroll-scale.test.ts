import { describe, expect, it } from 'vitest';
import { maxTrackPx, rowShift, scrollScale } from './scroll-scale';

const rowHeight = 38;
const viewport = 700;

describe('scroll scale', () => {
  it('leaves a list that fits alone', () => {
    expect(scrollScale(100_000 * rowHeight, viewport)).toEqual({ track: 3_800_000, factor: 1 });
    expect(rowShift(123_456, 1)).toBe(0);
  });

  it('maps the ends of a track that is too long onto the first and last rows', () => {
    const content = 1_000_000 * rowHeight;
    const { track, factor } = scrollScale(content, viewport);
    expect(track).toBe(maxTrackPx);
    // Scrolled to the top: content offset 0, nothing moves.
    expect(rowShift(0, factor)).toBe(0);
    // Scrolled to the bottom of the track: the content offset is its end, and the last row's
    // bottom edge, moved up by the shift, lands on the track's bottom edge.
    const bottom = track - viewport;
    const offset = bottom * factor;
    expect(offset).toBeCloseTo(content - viewport, 3);
    const lastRowBottom = content - rowShift(offset, factor);
    expect(lastRowBottom).toBeCloseTo(track, 3);
  });

  it('keeps every row on screen reachable: a scrolled pixel moves the rows less than a row', () => {
    const { factor } = scrollScale(5_000_000 * rowHeight, viewport);
    expect(factor).toBeGreaterThan(1);
    expect(factor).toBeLessThan(rowHeight); // one pixel of track never skips a whole row
  });
});
