// The entries completion offers for what was typed: those that match every query word, cited entries first, each group
// in list order (the typed list, then the bibliography), at most a fixed number of them, and whether more match.

import type { Analysis } from '../index/analysis';
import type { Bibliography } from '../index/bibliography';
import type { ReferenceEntry } from '../types';
import { titleWords } from '../text/normalize';
import { matchesAll } from '../text/fuzzy';
import { extendSearchIndex, indexedMatcher, prepareSearchIndex, searchWords } from './entrySearch';
import { heldIn } from '../memo';

export interface Candidate {
  entry: ReferenceEntry;
  /** The position in the typed list followed by the bibliography's entries (keyless ones left out for keys). */
  index: number;
  cited: boolean;
}

/** Cited entries first, then the order of the list or file. */
export function sortKey(candidate: Candidate): string {
  return (candidate.cited ? '0' : '1') + String(candidate.index).padStart(7, '0');
}

/** The entries that may be offered, in order, and whether more than those match. */
export interface Candidates {
  found: Candidate[];
  more: boolean;
}

/**
 * How many entries of a bibliography not indexed yet a completion indexes itself (a few milliseconds; up to 100 µs an entry while the server is new): the
 * server indexes the rest while idle, and until then a completion answers from the entries indexed so far, marked as
 * having more, so that the editor asks again as the person types and each answer sees more of the bibliography.
 */
export const ENTRIES_INDEXED_BY_A_SEARCH = 200;

/**
 * The entries that match every word of the query, cited ones first, each group in list order (the typed list, then the
 * bibliography), at most `limit` of them. The cited entries are few and looked at directly; the others are
 * read in order only until one more than fits is found, so a short query in a large bibliography stops early, and a
 * long one checks each entry's letters before its words (see indexedMatcher). Before the bibliography's search index is
 * complete, only the entries indexed so far (and the cited ones) are searched, and `more` says that others may match.
 */
export function candidates(analysis: Analysis, query: string, keyed: boolean, limit: number, accept: (entry: ReferenceEntry) => boolean = () => true): Candidates {
  const queryWords = titleWords(query);
  const typed = keyed ? [] : analysis.facts.referenceList?.entries ?? [];
  const bibliography = analysis.bibliography;
  const entries = bibliography.entries;
  const typedMatches = (entry: ReferenceEntry) => accept(entry) && (queryWords.length === 0 || matchesAll(queryWords, searchWords(entry)));
  // Without a query no entry's words are read, so every entry can be searched.
  const searchable = queryWords.length === 0 ? entries.length : extendSearchIndex(bibliography, ENTRIES_INDEXED_BY_A_SEARCH);
  const matcher = queryWords.length === 0 ? undefined : indexedMatcher(bibliography, queryWords);
  const wordsMatch = (position: number) => !matcher || (position < searchable ? matcher(position) : matchesAll(queryWords, searchWords(entries[position])));
  const bibliographyMatches = (position: number) => (!keyed || !!entries[position].key) && wordsMatch(position) && accept(entries[position]);
  // An entry's index counts the entries before it that could be listed: for keys, those with a key.
  const indexOf = keyed ? (position: number) => typed.length + keyedRanks(bibliography)[position] : (position: number) => typed.length + position;
  const isCitedTyped = (entry: ReferenceEntry) => (analysis.resolution.citeCount.get(entry.id) ?? 0) > 0;
  const citedInBibliography = citedPositions(analysis);

  const found: Candidate[] = [];
  typed.forEach((entry, index) => {
    if (isCitedTyped(entry) && typedMatches(entry)) found.push({ entry, index, cited: true });
  });
  for (const position of citedInBibliography.inOrder) {
    if (bibliographyMatches(position)) found.push({ entry: entries[position], index: indexOf(position), cited: true });
  }
  // The others, until one more than fits is found: that one only says that the list is cut.
  const room = Math.max(found.length, limit) + 1;
  for (let index = 0; index < typed.length && found.length < room; index++) {
    const entry = typed[index];
    if (!isCitedTyped(entry) && typedMatches(entry)) found.push({ entry, index, cited: false });
  }
  for (let position = 0; position < searchable && found.length < room; position++) {
    if (!citedInBibliography.all.has(position) && bibliographyMatches(position)) found.push({ entry: entries[position], index: indexOf(position), cited: false });
  }
  return { found: found.slice(0, limit), more: found.length > limit || (searchable < entries.length && found.length < room) };
}

/**
 * Builds what completion reads of a bibliography (its search index, the keyed ranks and positions of its entries) until
 * `shouldStop` says so, and gives whether all is built: the server calls it in slices while idle after a bibliography is
 * read, so that the first completion does not wait for every entry's names, date and title to be read.
 */
export function prepareCompletion(bibliography: Bibliography, shouldStop: () => boolean = () => false): boolean {
  if (!prepareSearchIndex(bibliography, shouldStop)) return false;
  keyedRanks(bibliography);
  positionsById(bibliography);
  return true;
}

/** For each entry of a bibliography, how many entries with a key come before it. */
const bibliographyKeyedRanks = new WeakMap<Bibliography, number[]>();

function keyedRanks(bibliography: Bibliography): number[] {
  return heldIn(bibliographyKeyedRanks, bibliography, () => {
    let keyedBefore = 0;
    return bibliography.entries.map((entry) => (entry.key ? keyedBefore++ : keyedBefore));
  });
}

/** Where the entries of a bibliography stand in its `entries`, by id (a key defined twice in one file gives two). */
const bibliographyPositions = new WeakMap<Bibliography, Map<string, number[]>>();

function positionsById(bibliography: Bibliography): Map<string, number[]> {
  return heldIn(bibliographyPositions, bibliography, () => {
    const byId = new Map<string, number[]>();
    bibliography.entries.forEach((entry, position) => {
      const same = byId.get(entry.id);
      if (same) same.push(position);
      else byId.set(entry.id, [position]);
    });
    return byId;
  });
}

/** The positions of the bibliography entries the document cites, found once per analysis. */
const citedByAnalysis = new WeakMap<Analysis, { inOrder: number[]; all: Set<number> }>();

function citedPositions(analysis: Analysis): { inOrder: number[]; all: Set<number> } {
  return heldIn(citedByAnalysis, analysis, () => {
    const all = new Set<number>();
    const positions = bibliographyPositions.get(analysis.bibliography);
    const citeCount = analysis.resolution.citeCount;
    if (positions) {
      for (const [id, count] of citeCount) {
        if (count > 0) for (const position of positions.get(id) ?? []) all.add(position);
      }
    } else {
      // Before completion is prepared, one pass over the entries costs less than making every entry's positions.
      analysis.bibliography.entries.forEach((entry, position) => {
        if ((citeCount.get(entry.id) ?? 0) > 0) all.add(position);
      });
    }
    return { inOrder: [...all].sort((a, b) => a - b), all };
  });
}
