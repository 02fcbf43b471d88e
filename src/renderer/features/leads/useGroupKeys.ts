import { useRef } from 'react';

/**
 * Keys for the row groups [firstGroup, lastGroup] that keep the DOM still while scrolling. A group
 * scrolled out hands its key (its <tbody> and rows) to the group scrolled in, in the same place in
 * the DOM: a frame rewrites the text of ~16 rows and moves one <tbody> with a transform, instead of
 * re-inserting rows (which Chromium styles and lays out from scratch). When scrolling stops the
 * groups are put back in reading order, so assistive technology and Tab meet the rows in order.
 */
export function useGroupKeys(
  firstGroup: number,
  lastGroup: number,
  scrolling: boolean,
): { key: number; group: number }[] {
  const state = useRef({ order: [] as number[], groupOf: new Map<number, number>(), next: 0 });
  const { order, groupOf } = state.current;
  const wanted = new Set<number>();
  for (let g = firstGroup; g <= lastGroup; g++) wanted.add(g);
  const free: number[] = [];
  for (const key of order) {
    const g = groupOf.get(key);
    if (g === undefined || !wanted.has(g)) {
      groupOf.delete(key);
      free.push(key);
    } else wanted.delete(g);
  }
  for (const g of wanted) {
    let key = free.shift();
    if (key === undefined) {
      key = state.current.next++;
      order.push(key);
    }
    groupOf.set(key, g);
  }
  if (!scrolling) order.sort((a, b) => (groupOf.get(a) ?? Infinity) - (groupOf.get(b) ?? Infinity));
  const result: { key: number; group: number }[] = [];
  for (const key of order) {
    const group = groupOf.get(key);
    if (group !== undefined) result.push({ key, group });
  }
  return result;
}
