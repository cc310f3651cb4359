// Small questions about spans that diagnostics and quick fixes share.

import type { ReferenceEntry, Span } from '../../types';

export function overlaps(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** The first line of an entry: underlining a whole multi-line entry hides the text. */
export function entryHead(entry: ReferenceEntry, text: string): Span {
  const lineEnd = text.indexOf('\n', entry.span.start);
  return { start: entry.span.start, end: lineEnd < 0 || lineEnd > entry.span.end ? entry.span.end : lineEnd };
}
