// Finds what lies under an offset: a cited work, or a reference entry.

import type { Citation, CitedKey, CitedWork, DocumentFacts, KeyedCitation, ReferenceEntry } from '../types';

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
  const found = lastStartingAtOrBefore(citations, offset);
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

export interface KeyAt {
  citation: KeyedCitation;
  citationIndex: number;
  cited: CitedKey;
  keyIndex: number;
}

/** The key under the offset, or in a keyed citation with one key, that key wherever the offset is inside it. */
export function keyAt(facts: DocumentFacts, offset: number): KeyAt | undefined {
  const citations = facts.keyedCitations;
  const index = lastStartingAtOrBefore(citations, offset);
  for (let i = index; i >= 0 && i > index - 3; i--) {
    const citation = citations[i];
    if (!contains(citation.span, offset)) continue;
    const k = citation.keys.findIndex((c) => contains(c.span, offset));
    if (k >= 0) return { citation, citationIndex: i, cited: citation.keys[k], keyIndex: k };
    if (citation.keys.length === 1) return { citation, citationIndex: i, cited: citation.keys[0], keyIndex: 0 };
  }
  return undefined;
}

/** Binary search in spans sorted by start: the index of the last one starting at or before the offset, or -1. */
function lastStartingAtOrBefore(items: { span: { start: number } }[], offset: number): number {
  let low = 0;
  let high = items.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (items[mid].span.start <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

export function entryAt(facts: DocumentFacts, offset: number): ReferenceEntry | undefined {
  return facts.referenceList?.entries.find((e) => contains(e.span, offset));
}
