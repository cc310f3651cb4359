// Find references: from an entry, a citation or a key, every place in the document that cites the same entry.

import type { Analysis } from '../index/analysis';
import type { Span } from '../types';
import { entryAt, keyAt, workAt } from './locate';

/** The entry ids under the offset: the typed entry there, or what the citation or key there resolves to. */
function entryIdsAt(analysis: Analysis, offset: number): string[] {
  const { facts, resolution } = analysis;
  const key = keyAt(facts, offset);
  if (key) {
    const result = resolution.byKeyedCitation[key.citationIndex]?.[key.keyIndex];
    return result?.status === 'resolved' ? [result.entryId] : result?.status === 'duplicate' ? result.entryIds : [];
  }
  const work = workAt(facts, offset);
  if (work) {
    const result = resolution.byCitation[work.citationIndex]?.[work.workIndex];
    return result?.status === 'resolved' ? [result.entryId] : result?.status === 'ambiguous' ? result.entryIds : [];
  }
  const entry = entryAt(facts, offset);
  return entry ? [entry.id] : [];
}

/** The spans in this document that cite the given entries: cited works and keys. */
export function citationsOf(analysis: Analysis, entryIds: Set<string>): Span[] {
  const spans: Span[] = [];
  const { facts, resolution } = analysis;
  facts.citations.forEach((citation, ci) =>
    citation.items.forEach((work, wi) => {
      const result = resolution.byCitation[ci]?.[wi];
      const ids = result?.status === 'resolved' ? [result.entryId] : result?.status === 'ambiguous' ? result.entryIds : [];
      if (ids.some((id) => entryIds.has(id))) spans.push(work.span);
    }),
  );
  facts.keyedCitations.forEach((citation, ci) =>
    citation.keys.forEach((cited, ki) => {
      const result = resolution.byKeyedCitation[ci]?.[ki];
      const ids = result?.status === 'resolved' ? [result.entryId] : result?.status === 'duplicate' ? result.entryIds : [];
      if (ids.some((id) => entryIds.has(id))) spans.push(cited.span);
    }),
  );
  return spans.sort((a, b) => a.start - b.start);
}

export interface ReferencesResult {
  entryIds: string[];
  /** Citations in this document. */
  spans: Span[];
}

export function references(analysis: Analysis, offset: number): ReferencesResult {
  const entryIds = entryIdsAt(analysis, offset);
  return { entryIds, spans: entryIds.length ? citationsOf(analysis, new Set(entryIds)) : [] };
}
