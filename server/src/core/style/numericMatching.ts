// How a document's numeric citations meet its numbered reference list: which entry each number stands for and how
// often each number is cited. Read by the numeric diagnostics, the renumbering fix and hover.

import type { CitedNumbers, DocumentFacts, NumberedEntry, NumericCitation } from '../types';

export interface NumericMatching {
  /** The first entry with each number (a second entry with the same number is never reached). */
  entryByNumber: Map<number, NumberedEntry>;
  /** How many citations cite each number. */
  citeCount: Map<number, number>;
}

export function numbersOf(item: CitedNumbers): number[] {
  const numbers: number[] = [];
  for (let n = item.first; n <= item.last; n++) numbers.push(n);
  return numbers;
}

/** The numbers a citation cites, each once, in the order written. */
export function citedNumbers(citation: NumericCitation): number[] {
  return [...new Set(citation.items.flatMap(numbersOf))];
}

export function matchNumericCitations(facts: DocumentFacts): NumericMatching {
  const entryByNumber = new Map<number, NumberedEntry>();
  for (const entry of facts.numberedEntries ?? []) if (!entryByNumber.has(entry.number)) entryByNumber.set(entry.number, entry);
  const citeCount = new Map<number, number>();
  for (const citation of facts.numericCitations ?? []) {
    for (const n of citedNumbers(citation)) citeCount.set(n, (citeCount.get(n) ?? 0) + 1);
  }
  return { entryByNumber, citeCount };
}

export interface NumberAt {
  citation: NumericCitation;
  item: CitedNumbers;
}

/** The number or range under an offset, or the whole citation's first item when the offset is on its brackets. */
export function numberAt(facts: DocumentFacts, offset: number): NumberAt | undefined {
  const citation = (facts.numericCitations ?? []).find((c) => c.span.start <= offset && offset <= c.span.end);
  if (!citation) return undefined;
  const item = citation.items.find((i) => i.span.start <= offset && offset <= i.span.end) ?? citation.items[0];
  return { citation, item };
}
