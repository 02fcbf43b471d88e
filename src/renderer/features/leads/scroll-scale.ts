/**
 * Chromium lays a box out at most ~33.5 M px tall (LayoutUnit's range): 1,000,000 rows of 38 px
 * would be 38 M px, and the last ~117,000 rows could never be scrolled to. A longer list scrolls a
 * track of at most `maxTrackPx`, and a scrolled pixel moves the rows proportionally further: the
 * top of the track shows the first row, its bottom the last.
 */
export const maxTrackPx = 10_000_000;

export type ScrollScale = { track: number; factor: number };

/** The scroll track for `content` px of rows in a `viewport` px tall scroller. */
export function scrollScale(content: number, viewport: number, max = maxTrackPx): ScrollScale {
  if (content <= max || max <= viewport) return { track: content, factor: 1 };
  return { track: max, factor: (content - viewport) / (max - viewport) };
}

/** How far the rows (positioned in content px) must move up to show at `contentOffset` on the track. */
export function rowShift(contentOffset: number, factor: number): number {
  return factor === 1 ? 0 : contentOffset - contentOffset / factor;
}
