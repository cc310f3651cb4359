// Resolves every citation of a document: author-date works against the typed reference list first and then the
// bibliography files, keys against the bibliography files. Counts how often each entry is cited.

import type { CitedWork, DocumentFacts, ReferenceEntry, Resolution } from '../types';
import type { Bibliography } from '../index/bibliography';
import { matchWork, nearestOfBoth, type WorkMatch } from './authorDate';
import { buildIndex, type EntryIndex } from './entryIndex';
import { resolveKey, type KeyResolution } from './keys';
import { ResolutionCache } from './resolutionCache';
import { heldIn } from '../memo';

export { personKeys } from './entryIndex';
export type { KeyResolution } from './keys';
export { ResolutionCache } from './resolutionCache';

export interface DocumentResolution {
  /** One array per citation, one resolution per cited work, parallel to `facts.citations[i].items`. */
  byCitation: Resolution[][];
  /** One array per keyed citation, one resolution per key, parallel to `facts.keyedCitations[i].keys`. */
  byKeyedCitation: KeyResolution[][];
  /** How many citations point at each entry (resolved or ambiguous), by entry id. */
  citeCount: Map<string, number>;
  /** `\nocite{*}`: every bibliography entry counts as cited. */
  citesAll: boolean;
  /** Groups of typed entries that no citation can tell apart: same authors and same date, no a/b suffix. */
  indistinguishable: string[][];
}

/** The entries a cited work points at: one when resolved, several when ambiguous, none otherwise. */
export function entryIdsOfWork(result: Resolution | undefined): string[] {
  return result?.status === 'resolved' ? [result.entryId] : result?.status === 'ambiguous' ? result.entryIds : [];
}

/** The entries a key points at: one when resolved, several when the key is defined twice, none otherwise. */
export function entryIdsOfKey(result: KeyResolution | undefined): string[] {
  return result?.status === 'resolved' ? [result.entryId] : result?.status === 'duplicate' ? result.entryIds : [];
}

const bibliographyIndexes = new WeakMap<Bibliography, EntryIndex>();

/** The author-date index of a bibliography is built once per bibliography version, not once per document edit. */
function indexOfBibliography(bibliography: Bibliography): EntryIndex {
  return heldIn(bibliographyIndexes, bibliography, () => buildIndex(bibliography.entries));
}

/** A work is looked up among the typed entries first, and in the bibliography files only when the list has no entry;
 * the nearest entries of both are kept as candidates. */
function matchInListThenFiles(work: CitedWork, typed: EntryIndex, files: () => EntryIndex | undefined, abbreviations: Map<string, string>): WorkMatch {
  const inList = matchWork(work, typed, abbreviations);
  const filesIndex = inList.status === 'missing' ? files() : undefined;
  if (inList.status !== 'missing' || !filesIndex) return inList;
  const inFiles = matchWork(work, filesIndex, abbreviations);
  return inFiles.status === 'missing' ? { status: 'missing', nearest: nearestOfBoth(inList.nearest, inFiles.nearest) } : inFiles;
}

/** Resolves a version of a document. Given the cache of its previous version, only works that version did not resolve
 * are resolved again; without one, everything is. */
export function resolveDocument(facts: DocumentFacts, bibliography: Bibliography, cache = new ResolutionCache()): DocumentResolution {
  cache.begin(facts, bibliography);
  const typed = cache.typed;
  const abbreviations = cache.abbreviations;
  // The files' index is built when a work is first looked up in them: a document citing only by key never needs it.
  const files = () => (bibliography.entries.length > 0 ? indexOfBibliography(bibliography) : undefined);
  const match = (work: CitedWork) => matchInListThenFiles(work, typed.index, files, abbreviations);
  const citeCount = new Map<string, number>();
  const byCitation: Resolution[][] = new Array(facts.citations.length);
  for (let ci = 0; ci < facts.citations.length; ci++) {
    const citation = facts.citations[ci];
    const resolutions: Resolution[] = new Array(citation.items.length);
    for (let wi = 0; wi < citation.items.length; wi++) {
      const resolution = cache.work(citation.items[wi], citation.kind, match);
      countWork(citeCount, resolution);
      resolutions[wi] = resolution;
    }
    byCitation[ci] = resolutions;
  }
  const typedByKey = new Map<string, ReferenceEntry>();
  for (const entry of facts.referenceList?.entries ?? []) if (entry.key) typedByKey.set(entry.key, entry);
  let citesAll = false;
  const byKeyedCitation = facts.keyedCitations.map((citation) =>
    citation.keys.map((cited) => {
      const resolution = resolveKey(cited.key, bibliography, typedByKey);
      if (resolution.status === 'all') citesAll = true;
      for (const id of entryIdsOfKey(resolution)) countEntry(citeCount, id);
      return resolution;
    }),
  );
  return { byCitation, byKeyedCitation, citeCount, citesAll, indistinguishable: typed.indistinguishable };
}

function countEntry(citeCount: Map<string, number>, id: string): void {
  citeCount.set(id, (citeCount.get(id) ?? 0) + 1);
}

/** Counts a cited work for the entries it points at (see `entryIdsOfWork`), without making an array of them. */
function countWork(citeCount: Map<string, number>, resolution: Resolution): void {
  if (resolution.status === 'resolved') countEntry(citeCount, resolution.entryId);
  else if (resolution.status === 'ambiguous') for (const id of resolution.entryIds) countEntry(citeCount, id);
}

const typedEntriesById = new WeakMap<DocumentFacts, Map<string, ReferenceEntry>>();

function typedEntriesByIdOf(facts: DocumentFacts): Map<string, ReferenceEntry> {
  return heldIn(typedEntriesById, facts, () => new Map((facts.referenceList?.entries ?? []).map((e) => [e.id, e])));
}

/** Finds an entry by id among the document's typed entries and its bibliography files. */
export function findEntry(facts: DocumentFacts, bibliography: Bibliography, id: string): ReferenceEntry | undefined {
  return bibliography.byId.get(id) ?? typedEntriesByIdOf(facts).get(id);
}
