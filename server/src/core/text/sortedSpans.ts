// Whether an offset lies in one of many spans, asked for every match of a scan: a binary search instead of a walk
// through every span, which would make a scan of a document with a long reference list quadratic. The spans a scan gets
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

/** The spans sorted by start: the same array if it already is. */
export function sortedByStart<T extends Span>(spans: readonly T[]): readonly T[] {
  for (let i = 1; i < spans.length; i++) {
    if (spans[i].start < spans[i - 1].start) return [...spans].sort((a, b) => a.start - b.start);
  }
  return spans;
}
