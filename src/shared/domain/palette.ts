/**
 * Channel colours: mid-lightness hues that read on the light and the dark panel alike (a dot has a
 * ring, a chart line is 2 px), spread round the colour wheel.
 */
export const channelPalette = [
  '#2f6fde',
  '#d2452f',
  '#2e9d6a',
  '#b8860b',
  '#8e44ad',
  '#16a2b8',
  '#e0663a',
  '#c2185b',
  '#7cb342',
  '#5c6bc0',
  '#00897b',
  '#f06292',
  '#9e9d24',
  '#0288d1',
  '#ab47bc',
  '#ef6c00',
];

/** Hue in degrees of a #rrggbb colour; null for greys, which have none. */
export function hueOf(hex: string): number | null {
  const n = Number.parseInt(hex.slice(1), 16);
  const r = ((n >> 16) & 255) / 255;
  const g = ((n >> 8) & 255) / 255;
  const b = (n & 255) / 255;
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const d = max - min;
  if (d < 0.08) return null;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}

function hueDistance(a: number, b: number): number {
  const d = Math.abs(a - b) % 360;
  return d > 180 ? 360 - d : d;
}

/** The palette colour whose hue is furthest from every colour already used (first of the palette on ties). */
export function nextChannelColor(used: readonly string[]): string {
  const hues = used.map(hueOf).filter((h): h is number => h !== null);
  let best = channelPalette[0]!;
  let bestDistance = -1;
  for (const color of channelPalette) {
    if (used.some((u) => u.toLowerCase() === color)) continue;
    const hue = hueOf(color)!;
    const distance = hues.length ? Math.min(...hues.map((h) => hueDistance(h, hue))) : 360;
    if (distance > bestDistance) {
      best = color;
      bestDistance = distance;
    }
  }
  return best;
}

/** For a chart: a colour whose hue is within `minDegrees` of an earlier one is swapped for a distinct one. */
export function distinctColors(colors: readonly string[], minDegrees = 40): string[] {
  const result: string[] = [];
  for (const color of colors) {
    const hue = hueOf(color);
    const clash =
      hue !== null &&
      result.some((c) => {
        const other = hueOf(c);
        return other !== null && hueDistance(hue, other) < minDegrees;
      });
    result.push(clash ? nextChannelColor(result) : color);
  }
  return result;
}
