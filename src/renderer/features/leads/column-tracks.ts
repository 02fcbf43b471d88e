import { stageLabels } from '../../../shared/domain/stages';

/**
 * The Leads table's column widths, and which cells must clip. A clipping cell (overflow with an
 * ellipsis) is a paint layer of its own, and ~150 of them per scrolled frame cost Chromium more than
 * the rows' text (docs/architecture.md, Design notes). So:
 * - columns whose text comes from a short closed set (the stage badge, a connects count, a day) are
 *   as wide as the longest text they can show, measured in the table's own fonts, and never clip;
 * - a free-text cell (title, channel, client, value, tags) clips only when its text is wider than
 *   its column, measured the same way.
 */
export type FitFont = 'cell' | 'link' | 'chip' | 'badge' | 'header';
export type TextMeasure = (text: string, font: FitFont) => number;

/** Every month on a two-digit day, in the current year and in another (a short day shows the year only then). */
export function daySamples(format: (iso: string) => string, today = new Date()): string[] {
  const years = [today.getFullYear(), today.getFullYear() - 1];
  const samples: string[] = [];
  for (const year of years)
    for (let month = 1; month <= 12; month++) samples.push(format(`${year}-${String(month).padStart(2, '0')}-28`));
  return samples;
}

const cellPadding = 20; // td: padding 0 10px
const badgeChrome = 18; // .stage-badge: padding 0 8px, 1 px border
const headerChrome = 20 + 12; // .sort-button padding, and the ▲/▼ beside the label
const slack = 4; // sub-pixel rounding and font hinting

function widest(measure: TextMeasure, texts: string[], font: FitFont): number {
  return Math.max(0, ...texts.map((t) => measure(t, font)));
}

const chipDot = 9 + 5; // .chip-dot and the gap after it
/** The channel column is never narrower than its longest name ("Podcast: Design Matters"), up to this. */
export const channelTrackMax = 180;

/** `grid-template-columns` for the table's rows and header, in the order of its columns. */
export function columnTracks(measure: TextMeasure, days: string[], channels: readonly string[] = []): string {
  const fitted = (header: string, content: number) =>
    `${Math.ceil(Math.max(content + cellPadding, measure(header, 'header') + headerChrome) + slack)}px`;
  const stage = fitted('Stage', widest(measure, Object.values(stageLabels), 'badge') + badgeChrome);
  const connects = fitted('Connects', measure('99999', 'cell'));
  const day = widest(measure, days, 'cell');
  return [
    'minmax(0, 2.6fr)', // title
    // channel: at least its longest name, so a channel is not cut to "Podcast: D…"
    `minmax(${channels.length ? Math.min(channelTrackMax, Math.ceil(widest(measure, [...channels], 'chip') + chipDot + cellPadding + slack)) : 0}px, 1.3fr)`,
    'minmax(0, 1.4fr)', // client
    stage,
    'minmax(96px, 1.5fr)', // value: never squeezed below "$12,345.00" by the channel's minimum
    connects,
    fitted('Created', day),
    fitted('Follow-up', day),
    'minmax(0, 1fr)', // tags
  ].join(' ');
}

/**
 * Whether `text` (plus `extra` px of badges or dots beside it) fits a cell `width` px wide (the
 * cell's border box, padding included). Numbers get 8 % more room: the table shows them with
 * tabular figures, which a canvas does not measure.
 */
export function textFits(
  measure: TextMeasure,
  font: FitFont,
  text: string,
  width: number,
  extra = 0,
  numeric = false,
): boolean {
  const needed = measure(text, font) * (numeric ? 1.08 : 1) + extra + cellPadding + slack;
  return needed <= width;
}
