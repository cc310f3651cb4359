// Facts of unchanged text moved by the length an edit added or removed before them. New objects are made, so the
// facts of the previous version stay as they were for whoever still holds them.

import type { Abbreviation, AuthorPageCitation, AuthorPageWork, Citation, CitedWork, KeyedCitation, NumericCitation, Problem, ReferenceEntry, ReferenceList, Span } from '../types';

export function movedSpan(span: Span, delta: number): Span {
  return { start: span.start + delta, end: span.end + delta };
}

function movedWork(work: CitedWork, delta: number): CitedWork {
  return { ...work, span: movedSpan(work.span, delta), authorSpan: movedSpan(work.authorSpan, delta), dateSpan: movedSpan(work.dateSpan, delta) };
}

export function movedCitation(citation: Citation, delta: number): Citation {
  return { ...citation, span: movedSpan(citation.span, delta), items: citation.items.map((work) => movedWork(work, delta)) };
}

function movedAuthorPageWork(work: AuthorPageWork, delta: number): AuthorPageWork {
  return { ...work, span: movedSpan(work.span, delta), authorSpan: movedSpan(work.authorSpan, delta) };
}

export function movedAuthorPageCitation(citation: AuthorPageCitation, delta: number): AuthorPageCitation {
  return { span: movedSpan(citation.span, delta), items: citation.items.map((work) => movedAuthorPageWork(work, delta)) };
}

export function movedKeyedCitation(citation: KeyedCitation, delta: number): KeyedCitation {
  return { ...citation, span: movedSpan(citation.span, delta), keys: citation.keys.map((key) => ({ ...key, span: movedSpan(key.span, delta) })) };
}

export function movedNumericCitation(citation: NumericCitation, delta: number): NumericCitation {
  return { ...citation, span: movedSpan(citation.span, delta), items: citation.items.map((item) => ({ ...item, span: movedSpan(item.span, delta) })) };
}

export function movedAbbreviation(abbreviation: Abbreviation, delta: number): Abbreviation {
  return { ...abbreviation, span: movedSpan(abbreviation.span, delta) };
}

/** A span of the reference list, moved only where it lies at or after `from`: an annotated bibliography whose entries
 * are headings has entries before an edit as well as after it. */
function movedFrom(span: Span, from: number, delta: number): Span {
  return { start: span.start >= from ? span.start + delta : span.start, end: span.end >= from ? span.end + delta : span.end };
}

function movedEntry(entry: ReferenceEntry, from: number, delta: number): ReferenceEntry {
  if (entry.span.start < from) return entry;
  const problems = entry.problems.map((problem: Problem) => ({ ...problem, span: movedSpan(problem.span, delta) }));
  const moved: ReferenceEntry = { ...entry, span: movedSpan(entry.span, delta), problems };
  if (entry.keySpan) moved.keySpan = movedSpan(entry.keySpan, delta);
  return moved;
}

export function movedReferenceList(list: ReferenceList, from: number, delta: number): ReferenceList {
  if (delta === 0) return list;
  const moved: ReferenceList = { ...list, span: movedFrom(list.span, from, delta), entries: list.entries.map((e) => movedEntry(e, from, delta)) };
  if (list.heading) moved.heading = { ...list.heading, span: movedFrom(list.heading.span, from, delta) };
  return moved;
}
