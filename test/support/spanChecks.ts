// Assertions about spans that every parser's output must satisfy, whatever the input: inside the text, inside their
// parent, and in order without overlap where the parser promises it.

import assert from 'node:assert/strict';
import type { Span } from '../../server/src/core/types';

export function assertSpanInside(span: Span, length: number, what: string): void {
  assert.ok(
    Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= length,
    `${what} ${JSON.stringify(span)} lies inside 0..${length}`,
  );
}

export function assertSpanWithin(inner: Span, outer: Span, what: string): void {
  assert.ok(inner.start >= outer.start && inner.end <= outer.end, `${what} ${JSON.stringify(inner)} lies within ${JSON.stringify(outer)}`);
}

/** Spans sorted by start, each ending no later than the next one starts. */
export function assertSortedDisjoint(spans: readonly Span[], what: string): void {
  for (let i = 1; i < spans.length; i++) {
    assert.ok(spans[i].start >= spans[i - 1].end, `${what} ${JSON.stringify(spans[i - 1])} and ${JSON.stringify(spans[i])} are in order and do not overlap`);
  }
}
