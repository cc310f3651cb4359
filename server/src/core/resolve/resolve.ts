// Resolves every citation of a document: author-date works against the typed reference list first and then the
// bibliography files, keys against the bibliography files. Counts how often each entry is cited.

import type { DocumentFacts, ReferenceEntry, Resolution } from '../types';
import type { Bibliography } from '../index/bibliography';
import { abbreviationMap, buildIndex, findIndistinguishable, resolveWork, type EntryIndex } from './authorDate';
import { resolveKey, type KeyResolution } from './keys';

export { personKeys } from './authorDate';
export type { KeyResolution } from './keys';

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
  let index = bibliographyIndexes.get(bibliography);
  if (!index) {
    index = buildIndex(bibliography.entries);
    bibliographyIndexes.set(bibliography, index);
  }
  return index;
}

export function resolveDocument(facts: DocumentFacts, bibliography: Bibliography): DocumentResolution {
  const typed = buildIndex(facts.referenceList?.entries ?? []);
  // The files' index is built when a work is first looked up in them: a document citing only by key never needs it.
  const files = () => (bibliography.entries.length > 0 ? indexOfBibliography(bibliography) : undefined);
  const abbreviations = abbreviationMap(facts);
  const citeCount = new Map<string, number>();
  const count = (ids: string[]) => {
    for (const id of ids) citeCount.set(id, (citeCount.get(id) ?? 0) + 1);
  };
  const byCitation = facts.citations.map((citation) =>
    citation.items.map((work) => {
      const narrative = citation.kind === 'narrative';
      let resolution = resolveWork(work, narrative, typed, abbreviations);
      const filesIndex = resolution.status === 'missing' ? files() : undefined;
      if (resolution.status === 'missing' && filesIndex) {
        const inFiles = resolveWork(work, narrative, filesIndex, abbreviations);
        resolution = inFiles.status === 'missing' ? { status: 'missing', candidates: [...resolution.candidates, ...inFiles.candidates].slice(0, 3) } : inFiles;
      }
      count(entryIdsOfWork(resolution));
      return resolution;
    }),
  );
  const typedByKey = new Map<string, ReferenceEntry>();
  for (const entry of facts.referenceList?.entries ?? []) if (entry.key) typedByKey.set(entry.key, entry);
  let citesAll = false;
  const byKeyedCitation = facts.keyedCitations.map((citation) =>
    citation.keys.map((cited) => {
      const resolution = resolveKey(cited.key, bibliography, typedByKey);
      if (resolution.status === 'all') citesAll = true;
      count(entryIdsOfKey(resolution));
      return resolution;
    }),
  );
  return { byCitation, byKeyedCitation, citeCount, citesAll, indistinguishable: findIndistinguishable(typed.all) };
}

/** Finds an entry by id among the document's typed entries and its bibliography files. */
const typedEntriesById = new WeakMap<DocumentFacts, Map<string, ReferenceEntry>>();

export function findEntry(facts: DocumentFacts, bibliography: Bibliography, id: string): ReferenceEntry | undefined {
  const inFiles = bibliography.byId.get(id);
  if (inFiles) return inFiles;
  let typed = typedEntriesById.get(facts);
  if (!typed) {
    typed = new Map((facts.referenceList?.entries ?? []).map((e) => [e.id, e]));
    typedEntriesById.set(facts, typed);
  }
  return typed.get(id);
}
