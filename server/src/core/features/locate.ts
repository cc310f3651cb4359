// Finds what lies under an offset: a cited work, or a reference entry.

import type { Citation, CitedWork, DocumentFacts, ReferenceEntry } from '../types';

export interface WorkAt {
  citation: Citation;
  citationIndex: number;
  work: CitedWork;
  workIndex: number;
}

function contains(span: { start: number; end: number }, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}

/** The cited work under the offset; in a multi-work parenthesis, the work the offset is in, or the nearest before it. */
export function workAt(facts: DocumentFacts, offset: number): WorkAt | undefined {
  const citations = facts.citations;
  // Citations are sorted by start: binary search for the last one starting at or before the offset.
  let low = 0;
  let high = citations.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (citations[mid].span.start <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  for (let i = found; i >= 0 && i > found - 3; i--) {
    const citation = citations[i];
    if (!contains(citation.span, offset)) continue;
    let best = -1;
    for (let j = 0; j < citation.items.length; j++) {
      const item = citation.items[j];
      if (contains(item.span, offset) || contains(item.authorSpan, offset)) return { citation, citationIndex: i, work: item, workIndex: j };
      if (item.span.start <= offset) best = j;
    }
    if (citation.items.length > 0) {
      const j = Math.max(best, 0);
      return { citation, citationIndex: i, work: citation.items[j], workIndex: j };
    }
  }
  return undefined;
}

export function entryAt(facts: DocumentFacts, offset: number): ReferenceEntry | undefined {
  return facts.referenceList?.entries.find((e) => contains(e.span, offset));
}

export function entryById(facts: DocumentFacts, id: string): ReferenceEntry | undefined {
  return facts.referenceList?.entries.find((e) => e.id === id);
}
