// Colours given to new channels in turn (the Channels page, or a CSV import that names a new one).
const palette = ['#2f6fde', '#d2452f', '#2e9d6a', '#b8860b', '#8e44ad', '#16a2b8', '#e0663a', '#5c6bc0'];

/** The colour of the channel created when `existing` channels exist. */
export function nextChannelColor(existing: number): string {
  return palette[existing % palette.length]!;
}
