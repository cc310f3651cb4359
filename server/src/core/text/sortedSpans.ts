// Whether an offset lies in one of many spans, asked for every match of a scan: a binary search instead of a walk
// through every span, which would make a scan of a document with a long reference list quadratic. Also the first of
// many sorted offsets at or after an offset. The spans a scan gets
// are usually sorted already: checking that costs one pass, while a sort calls its comparison for every span.

import type { Span } from '../types';

/** Whether the offset lies in one of the spans, which are sorted by start and do not overlap. */
export function insideSortedSpans(spans: readonly Span[], offset: number): boolean {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (spans[mid].end <= offset) low = mid + 1;
    else if (spans[mid].start > offset) high = mid - 1;
    else return true;
  }
  return false;
}

/** The index of the first of the offsets, sorted ascending, in [from, to) that is at least `offset` (`to` if none is). */
export function firstAtOrAfter(offsets: readonly number[], offset: number, from = 0, to = offsets.length): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (offsets[middle] < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The spans sorted by start: the same array if it already is. */
export function sortedByStart<T extends Span>(spans: readonly T[]): readonly T[] {
  return sortedBy(spans, (span) => span.start);
}

/** The items sorted by the offset each starts at: the same array if it already is. */
export function sortedBy<T>(items: readonly T[], startOf: (item: T) => number): readonly T[] {
  for (let i = 1; i < items.length; i++) {
    if (startOf(items[i]) < startOf(items[i - 1])) return [...items].sort((a, b) => startOf(a) - startOf(b));
  }
  return items;
}
