// Spans sorted by start, for the binary searches that ask whether an offset lies in one of them. The lists a scan gets
// are usually sorted already; checking that costs one pass, while a sort calls its comparison for every span.

import type { Span } from '../types';

/** The spans sorted by start: the same array if it already is. */
export function sortedByStart<T extends Span>(spans: readonly T[]): readonly T[] {
  for (let i = 1; i < spans.length; i++) {
    if (spans[i].start < spans[i - 1].start) return [...spans].sort((a, b) => a.start - b.start);
  }
  return spans;
}
