// Matches an author-date cited work ("Qerimi, 2023") to reference entries. Names are compared by `nameKey` (case,
// diacritics, particles and punctuation do not matter), dates by `dateKey`. Where nothing matches, the nearest entries
// are kept with the reason, so that diagnostics can say "did you mean Slovic (1987)?".

import type { Candidate, CitedWork, DocumentFacts, PersonName, ReferenceEntry, Resolution } from '../types';
import { dateKey } from '../syntax/dates';
import { citeEntry } from '../style/apa';
import { editDistance, nameKey, titleWords } from '../text/normalize';

export interface IndexedEntry {
  entry: ReferenceEntry;
  /** Keys of each author: the full name with particles, and the family name alone. */
  authorKeys: string[][];
  dateKey: string;
  /** The date without its suffix, to notice "2019" against "2019a". */
  yearKey: string;
  /** Made on first use by `wordsOf`: only a cited title or an entry without authors needs them, and building them for
   * every entry of a large bibliography would cost more than the rest of the index. */
  words?: EntryWords;
}

interface EntryWords {
  title: string[];
  /** The words the entry starts with: the title, for a work without an author (which may read like a group author). */
  leading: string[];
}

function wordsOf(indexed: IndexedEntry): EntryWords {
  const entry = indexed.entry;
  indexed.words ??= { title: titleWords(entry.title ?? entry.text), leading: titleWords(entry.text.slice(0, 300)) };
  return indexed.words;
}

/** Comparison keys of one name: with particles ("vandenboogard") and without ("boogard"). */
export function personKeys(name: PersonName): string[] {
  if (name.literal) return [nameKey(name.literal)];
  const family = nameKey(name.family);
  const keys = name.particle ? [nameKey(`${name.particle} ${name.family}`), family] : [family];
  return keys.filter((k) => k.length > 0);
}

function indexEntry(entry: ReferenceEntry): IndexedEntry {
  const date = entry.date;
  return {
    entry,
    authorKeys: entry.authors.map(personKeys),
    dateKey: date ? dateKey(date) : '',
    yearKey: date ? dateKey({ ...date, suffix: undefined }) : '',
  };
}

/** The long forms that abbreviations stand for, by the key of the short form. */
export function abbreviationMap(facts: DocumentFacts): Map<string, string> {
  const map = new Map<string, string>();
  for (const a of facts.abbreviations) map.set(nameKey(a.short), a.long);
  return map;
}

/** How many leading words of a cited name may be dropped to find the entry's name. */
const MAX_NAME_WORDS = 6;

/** Keys a cited author may match: the author as written, its long form if it is an abbreviation, and the name without
 * leading words, since prose adds given names and qualifiers the entry leaves out ("Hubert Dreyfus" for "Dreyfus, H.",
 * "U.S. Department of Justice" for "Department of Justice"). */
function citedAuthorKeys(author: string, abbreviations: Map<string, string>): string[] {
  const keys = [nameKey(author)];
  const long = abbreviations.get(keys[0]);
  if (long) keys.push(nameKey(long));
  const words = author.split(/\s+/).filter((w) => w.length > 0);
  if (words.length <= MAX_NAME_WORDS) for (let i = 1; i < words.length; i++) keys.push(nameKey(words.slice(i).join(' ')));
  return [...new Set(keys.filter((k) => k.length > 0))];
}

function authorMatches(cited: string[], entryKeys: string[] | undefined): boolean {
  return entryKeys !== undefined && cited.some((k) => entryKeys.includes(k));
}

/** Whether the entry's title, or the entry itself, starts with the words of a cited title. */
function startsWithWords(indexed: IndexedEntry, cited: string): boolean {
  const words = titleWords(cited);
  if (words.length === 0) return false;
  const isPrefixOf = (target: string[]) => words.every((w, i) => target[i] === w);
  const entryWords = wordsOf(indexed);
  return isPrefixOf(entryWords.leading) || isPrefixOf(entryWords.title);
}

/** How well the cited authors fit an entry's authors: 'match', 'coauthor' (the first matches but the count differs), or 'none'. */
function compareAuthors(work: CitedWork, cited: string[][], indexed: IndexedEntry): 'match' | 'coauthor' | 'none' {
  if (work.isTitle) return startsWithWords(indexed, work.authors[0] ?? '') ? 'match' : 'none';
  if (!authorMatches(cited[0] ?? [], indexed.authorKeys[0])) {
    // An entry without authors starts with its title, which a citation may name in place of an author.
    if (indexed.entry.authors.length === 0 && cited.length === 1 && startsWithWords(indexed, work.authors[0] ?? '')) return 'match';
    return 'none';
  }
  const entryCount = indexed.entry.authors.length;
  if (work.etAl) return entryCount >= 2 || indexed.entry.authorsElided ? 'match' : 'coauthor';
  for (let i = 1; i < cited.length; i++) if (!authorMatches(cited[i], indexed.authorKeys[i])) return 'coauthor';
  if (cited.length === entryCount) return 'match';
  // A group author or a truncated author list cannot be counted reliably.
  if (indexed.entry.authorsElided) return 'match';
  return 'coauthor';
}

/** The cited date's keys, computed once per work: with its suffix, and without it. */
interface CitedDate {
  key: string;
  unsuffixedKey: string;
  hasSuffix: boolean;
}

function dateMatches(cited: CitedDate, indexed: IndexedEntry): 'exact' | 'unsuffixed' | 'none' {
  if (cited.key === indexed.dateKey) return 'exact';
  if (!cited.hasSuffix && cited.unsuffixedKey === indexed.yearKey) return 'unsuffixed';
  return 'none';
}

/** Entries looked up by the keys of their first author, so that a citation compares itself with a few entries, not all. */
export interface EntryIndex {
  all: IndexedEntry[];
  byFirstAuthor: Map<string, IndexedEntry[]>;
  /** Entries without authors, which a citation names by their title. */
  authorless: IndexedEntry[];
}

export function buildIndex(entries: ReferenceEntry[]): EntryIndex {
  const index: EntryIndex = { all: entries.map(indexEntry), byFirstAuthor: new Map(), authorless: [] };
  for (const indexed of index.all) {
    const keys = indexed.authorKeys[0];
    if (!keys) {
      index.authorless.push(indexed);
      continue;
    }
    for (const key of keys) {
      const bucket = index.byFirstAuthor.get(key);
      if (bucket) bucket.push(indexed);
      else index.byFirstAuthor.set(key, [indexed]);
    }
  }
  return index;
}

/** The entries a work could match or nearly match on author: those whose first author shares a key with it. */
function entriesToCompare(work: CitedWork, cited: string[][], index: EntryIndex): IndexedEntry[] {
  if (work.isTitle) return index.all;
  const pool = new Set<IndexedEntry>(index.authorless);
  for (const key of cited[0] ?? []) for (const indexed of index.byFirstAuthor.get(key) ?? []) pool.add(indexed);
  return [...pool];
}

function citedDateOf(work: CitedWork): CitedDate {
  return { key: dateKey(work.date), unsuffixedKey: dateKey({ ...work.date, suffix: undefined }), hasSuffix: !!work.date.suffix };
}

/** Everything `resolveWork` reads of a work, as one string: two works with the same key resolve alike against the same
 * entries and abbreviations, so a resolution can be kept under it from one version of a document to the next. */
export function workKey(work: CitedWork, narrative: boolean): string {
  if (work.personalCommunication) return 'personal communication';
  if (work.secondary) return 'secondary';
  const date = citedDateOf(work);
  const flags = `${narrative ? 'n' : 'p'}${work.isTitle ? 't' : ''}${work.etAl ? 'e' : ''}`;
  return `${flags}\u0000${date.key}\u0000${date.unsuffixedKey}\u0000${date.hasSuffix}\u0000${work.authors.join('\u0000')}`;
}

export function resolveWork(work: CitedWork, narrative: boolean, index: EntryIndex, abbreviations: Map<string, string>): Resolution {
  if (work.personalCommunication) return { status: 'exempt', reason: 'A personal communication needs no reference entry.' };
  if (work.secondary) return { status: 'exempt', reason: 'The original work of a secondary source needs no reference entry.' };
  const cited = work.authors.map((a) => citedAuthorKeys(a, abbreviations));
  const citedDate = citedDateOf(work);
  const exact: string[] = [];
  const unsuffixed: string[] = [];
  const candidates: Candidate[] = [];
  const form = narrative ? 'narrative' : 'parenthetical';
  const pool = entriesToCompare(work, cited, index);
  for (const indexed of pool) {
    const authors = compareAuthors(work, cited, indexed);
    const date = dateMatches(citedDate, indexed);
    const id = indexed.entry.id;
    let reason: Candidate['reason'] | undefined;
    if (authors === 'match' && date === 'exact') exact.push(id);
    else if (authors === 'match' && date === 'unsuffixed') unsuffixed.push(id);
    else if (authors === 'match') reason = citedDate.hasSuffix && indexed.yearKey === citedDate.unsuffixedKey ? 'suffix' : 'year';
    else if (authors === 'coauthor' && date !== 'none') reason = 'coauthor';
    if (reason) candidates.push({ entryId: id, reason, suggestion: citeEntry(indexed.entry, form) });
  }
  if (exact.length === 1) return { status: 'resolved', entryId: exact[0] };
  if (exact.length > 1) return { status: 'ambiguous', entryIds: exact };
  if (unsuffixed.length === 1) return { status: 'resolved', entryId: unsuffixed[0] };
  if (unsuffixed.length > 1) return { status: 'ambiguous', entryIds: unsuffixed };
  // Only a work without an entry is compared with every entry, for a misspelt first author with the same date.
  if (!work.isTitle) {
    for (const indexed of index.all) {
      if (dateMatches(citedDate, indexed) !== 'none' && !pool.includes(indexed) && isMisspelt(cited[0] ?? [], indexed)) {
        candidates.push({ entryId: indexed.entry.id, reason: 'spelling', suggestion: citeEntry(indexed.entry, form) });
      }
    }
  }
  return { status: 'missing', candidates: rankCandidates(candidates) };
}

/** A first author within a small edit distance of the entry's first author ("Muller"/"Mueller", "Vercelloti"/"Vercellotti"). */
function isMisspelt(citedKeys: string[], indexed: IndexedEntry): boolean {
  const entryKeys = indexed.authorKeys[0] ?? [];
  for (const a of citedKeys) {
    for (const b of entryKeys) {
      const limit = Math.min(a.length, b.length) <= 4 ? 1 : 2;
      if (editDistance(a, b, limit) <= limit) return true;
    }
  }
  return false;
}

const REASON_ORDER: Record<Candidate['reason'], number> = { suffix: 0, spelling: 1, coauthor: 2, year: 3 };

function rankCandidates(candidates: Candidate[]): Candidate[] {
  return candidates.sort((a, b) => REASON_ORDER[a.reason] - REASON_ORDER[b.reason]).slice(0, 3);
}

/** Entries with the same authors and date that no citation can tell apart. */
export function findIndistinguishable(entries: IndexedEntry[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const e of entries) {
    if (e.authorKeys.length === 0 || !e.dateKey) continue;
    const key = `${e.authorKeys.map((k) => k[0]).join('|')}#${e.dateKey}`;
    const group = groups.get(key);
    if (group) group.push(e.entry.id);
    else groups.set(key, [e.entry.id]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

