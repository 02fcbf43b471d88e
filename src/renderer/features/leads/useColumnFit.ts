import { type RefObject, useLayoutEffect, useMemo, useState } from 'react';
import { formatShortDay } from '../../lib/format';
import { columnTracks, daySamples, type FitFont, type TextMeasure, textFits } from './column-tracks';
import { useSources } from '../../lib/useSources';

/** Does this text fit this column without clipping? undefined while the table is not measured yet. */
export type CellFit = (column: number, font: FitFont, text: string, extra?: number, numeric?: boolean) => boolean;

// Before the fonts are known (the first render), widths that fit English text in the default font.
const defaultTracks =
  'minmax(0, 2.6fr) minmax(0, 1.3fr) minmax(0, 1.4fr) 104px minmax(0, 1.5fr) 92px 112px 112px minmax(0, 1fr)';

/**
 * The table's column tracks (column-tracks.ts) and a `fit` test for its cells: text is measured on a
 * canvas in the table's fonts, against the header cells' widths (watched with a ResizeObserver).
 */
export function useColumnFit(tableRef: RefObject<HTMLTableElement | null>): {
  tracks: string;
  fit: CellFit | undefined;
} {
  const [measure, setMeasure] = useState<TextMeasure>();
  const [widths, setWidths] = useState<number[]>();
  const sources = useSources(true);
  const channels = useMemo(() => (sources.data ?? []).map((s) => s.name), [sources.data]);
  useLayoutEffect(() => {
    const table = tableRef.current;
    const context = document.createElement('canvas').getContext('2d');
    if (!table || !context) return;
    const { fontFamily, fontSize } = getComputedStyle(table);
    const fonts: Record<FitFont, string> = {
      cell: `400 ${fontSize} ${fontFamily}`,
      link: `500 ${fontSize} ${fontFamily}`,
      chip: `400 12px ${fontFamily}`,
      badge: `600 12px ${fontFamily}`,
      header: `600 12px ${fontFamily}`,
    };
    const cache = new Map<string, number>();
    setMeasure(() => (text: string, font: FitFont) => {
      const key = `${font}\u0000${text}`;
      let width = cache.get(key);
      if (width === undefined) {
        context.font = fonts[font];
        width = context.measureText(text).width;
        if (cache.size > 20_000) cache.clear();
        cache.set(key, width);
      }
      return width;
    });
    // Each header cell is watched: new tracks change the columns' widths, not the row's.
    const cells = [...table.querySelectorAll('thead th')];
    const observer = new ResizeObserver(() => setWidths(cells.map((th) => th.getBoundingClientRect().width)));
    for (const th of cells) observer.observe(th);
    return () => observer.disconnect();
  }, [tableRef]);
  // Two days stand for the day format: when Settings change it, the widths are measured again.
  const format = `${formatShortDay('2000-09-28')}|${formatShortDay(`${new Date().getFullYear()}-09-28`)}`;
  const tracks = useMemo(
    () => (measure ? columnTracks(measure, daySamples(formatShortDay), channels) : defaultTracks),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `format` stands for formatShortDay's settings
    [measure, format, channels],
  );
  const fit = useMemo<CellFit | undefined>(
    () =>
      measure && widths
        ? (column, font, text, extra, numeric) => textFits(measure, font, text, widths[column] ?? 0, extra, numeric)
        : undefined,
    [measure, widths],
  );
  return { tracks, fit };
}
