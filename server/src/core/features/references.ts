// Find references: from an entry, a citation or a key, every place in the document that cites the same entry.

import type { Analysis } from '../index/analysis';
import type { Span } from '../types';
import { entryAt, keyAt, workAt } from './locate';
import { entryIdsOfKey, entryIdsOfWork } from '../resolve/resolve';

/** The entry ids the citation or key under the offset points at. */
export function citedEntryIdsAt(analysis: Analysis, offset: number): string[] {
  const { facts, resolution } = analysis;
  const key = keyAt(facts, offset);
  if (key) return entryIdsOfKey(resolution.byKeyedCitation[key.citationIndex]?.[key.keyIndex]);
  const work = workAt(facts, offset);
  if (work) return entryIdsOfWork(resolution.byCitation[work.citationIndex]?.[work.workIndex]);
  return [];
}

/** The entry ids under the offset: what the citation or key there points at, or the typed entry there. */
function entryIdsAt(analysis: Analysis, offset: number): string[] {
  if (keyAt(analysis.facts, offset) || workAt(analysis.facts, offset)) return citedEntryIdsAt(analysis, offset);
  const entry = entryAt(analysis.facts, offset);
  return entry ? [entry.id] : [];
}

/** The spans in this document that cite the given entries: cited works and keys. */
export function citationsOf(analysis: Analysis, entryIds: Set<string>): Span[] {
  const spans: Span[] = [];
  const { facts, resolution } = analysis;
  facts.citations.forEach((citation, ci) =>
    citation.items.forEach((work, wi) => {
      const ids = entryIdsOfWork(resolution.byCitation[ci]?.[wi]);
      if (ids.some((id) => entryIds.has(id))) spans.push(work.span);
    }),
  );
  spans.push(...keyCitationsOf(analysis, entryIds));
  return spans.sort((a, b) => a.start - b.start);
}

/** The spans of the keys in this document that point at the given entries, in document order. */
export function keyCitationsOf(analysis: Analysis, entryIds: Set<string>): Span[] {
  const spans: Span[] = [];
  const { facts, resolution } = analysis;
  facts.keyedCitations.forEach((citation, ci) =>
    citation.keys.forEach((cited, ki) => {
      const ids = entryIdsOfKey(resolution.byKeyedCitation[ci]?.[ki]);
      if (ids.some((id) => entryIds.has(id))) spans.push(cited.span);
    }),
  );
  return spans;
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
