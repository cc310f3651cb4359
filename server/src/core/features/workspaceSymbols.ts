// Workspace symbols: the entries of the open documents' typed reference lists and of the bibliography files they see,
// found by every word of the query (author, year, title or key, abbreviated or with one letter wrong).

import type { ReferenceEntry, Span } from '../types';
import { citeEntry } from '../style/apa';
import { titleWords } from '../text/normalize';
import { matchesAll } from '../text/fuzzy';
import { bibliographyMatcher, searchWords } from './entrySearch';
import type { Bibliography } from '../index/bibliography';
import type { OpenDocument } from '../index/analysis';

/** How many symbols one answer carries at most; the editor asks again as the query grows. */
export const MAX_WORKSPACE_SYMBOLS = 500;

export interface EntrySymbol {
  /** "oke1982 Oke (1982) The energetic basis …": the editor filters by the name, so it holds what the query matches. */
  name: string;
  /** The file or document the entry is written in, by name. */
  container: string;
  /** The bibliography file's URI, or the URI of the document whose typed list holds the entry. */
  uri: string;
  /** True when `uri` is an open document (a typed list) rather than a bibliography file. */
  inDocument: boolean;
  span: Span;
}

function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

function symbolOf(entry: ReferenceEntry, uri: string, inDocument: boolean): EntrySymbol {
  const name = [entry.key, citeEntry(entry, 'narrative'), entry.title].filter((part) => part).join(' ');
  return { name, container: fileName(uri), uri, inDocument, span: inDocument ? entry.span : entry.keySpan ?? entry.span };
}

export function workspaceSymbols(query: string, documents: OpenDocument[]): EntrySymbol[] {
  const queryWords = titleWords(query);
  const fits = (words: string[]) => queryWords.length === 0 || matchesAll(queryWords, words);
  const symbols: EntrySymbol[] = [];
  // Documents that see the same files share their entries: each entry is listed once, and a bibliography that many
  // documents see (the chapters of one book) is searched once.
  const seen = new Set<string>();
  const searched = new Set<Bibliography>();
  for (const { uri, analysis } of documents) {
    for (const entry of analysis.facts.referenceList?.entries ?? []) {
      if (symbols.length >= MAX_WORKSPACE_SYMBOLS) return symbols;
      if (fits(searchWords(entry))) symbols.push(symbolOf(entry, uri, true));
    }
    const { bibliography } = analysis;
    if (searched.has(bibliography)) continue;
    searched.add(bibliography);
    const matches = queryWords.length ? bibliographyMatcher(bibliography, queryWords) : () => true;
    for (let position = 0; position < bibliography.entries.length; position++) {
      if (symbols.length >= MAX_WORKSPACE_SYMBOLS) return symbols;
      const entry = bibliography.entries[position];
      if (seen.has(entry.id)) continue;
      seen.add(entry.id);
      if (matches(position)) symbols.push(symbolOf(entry, entry.source ?? uri, !entry.source));
    }
  }
  return symbols;
}
