// The bibliography-file entries a document cites, by key or by author and date, with the citations that cite them.

import { entryOf, type Analysis } from '../index/analysis';
import type { ReferenceEntry, Span } from '../types';

export interface CitedFileEntry {
  entry: ReferenceEntry;
  /** The cited work or key that points at the entry. */
  span: Span;
}

/** Every citation of an entry of a bibliography file, in document order of kind (author-date works, then keys). */
export function citedFileEntries(analysis: Analysis): CitedFileEntry[] {
  const { facts, resolution } = analysis;
  const found: CitedFileEntry[] = [];
  const add = (entryId: string, span: Span) => {
    const entry = entryOf(analysis, entryId);
    if (entry?.source) found.push({ entry, span });
  };
  facts.citations.forEach((citation, ci) =>
    citation.items.forEach((work, wi) => {
      const result = resolution.byCitation[ci]?.[wi];
      if (result?.status === 'resolved') add(result.entryId, work.span);
    }),
  );
  facts.keyedCitations.forEach((citation, ci) =>
    citation.keys.forEach((cited, ki) => {
      const result = resolution.byKeyedCitation[ci]?.[ki];
      if (result?.status === 'resolved') add(result.entryId, cited.span);
    }),
  );
  return found;
}

/** The distinct entries, each once, in the order first cited. */
export function distinctEntries(cited: CitedFileEntry[]): ReferenceEntry[] {
  return [...new Set(cited.map((c) => c.entry))];
}
