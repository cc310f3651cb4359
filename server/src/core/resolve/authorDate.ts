// Matches an author-date cited work ("Qerimi, 2023") to reference entries. Names are compared by `nameKey` (case,
// diacritics, particles and punctuation do not matter), dates by `dateKey`. Where nothing matches, the nearest entries
// are kept with the reason, so that diagnostics can say "did you mean Slovic (1987)?".

import type { Candidate, CitationKind, CitedWork, DocumentFacts, Resolution } from '../types';
import { dateKey } from '../syntax/dates';
import { citeEntry } from '../style/apa';
import { editDistance, nameKey, titleWords } from '../text/normalize';
import { entriesDated, unsuffixedDateKey, wordsOf, type EntryIndex, type IndexedEntry } from './entryIndex';

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
  const keys: string[] = [];
  const add = (key: string) => {
    if (key.length > 0 && !keys.includes(key)) keys.push(key);
  };
  const own = nameKey(author);
  add(own);
  const long = abbreviations.get(own);
  if (long) add(nameKey(long));
  // A name of one word (most are) has no leading words to drop.
  if (!SPACE.test(author)) return keys;
  const words = author.split(/\s+/).filter((w) => w.length > 0);
  if (words.length <= MAX_NAME_WORDS) for (let i = 1; i < words.length; i++) add(nameKey(words.slice(i).join(' ')));
  return keys;
}

const SPACE = /\s/;

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

/** The entries a work could match or nearly match on author: those whose first author shares a key with it. */
function entriesToCompare(work: CitedWork, cited: string[][], index: EntryIndex): IndexedEntry[] {
  if (work.isTitle) return index.all;
  const keys = cited[0] ?? [];
  // Most works cite a first author with one key, in a list where every entry has an author: its bucket is the pool.
  if (keys.length === 1 && index.authorless.length === 0) return index.byFirstAuthor.get(keys[0]) ?? [];
  const pool = new Set<IndexedEntry>(index.authorless);
  for (const key of keys) for (const indexed of index.byFirstAuthor.get(key) ?? []) pool.add(indexed);
  return [...pool];
}

function citedDateOf(work: CitedWork): CitedDate {
  return { key: dateKey(work.date), unsuffixedKey: unsuffixedDateKey(work.date), hasSuffix: !!work.date.suffix };
}

/** Everything `matchWork` reads of a work, as one string: two works with the same key match alike against the same
 * entries and abbreviations, so a match can be kept under it from one version of a document to the next. */
export function workKey(work: CitedWork): string {
  if (work.personalCommunication) return 'personal communication';
  if (work.secondary) return 'secondary';
  const date = work.date;
  const flags = `${work.isTitle ? 't' : ''}${work.etAl ? 'e' : ''}`;
  // Without a suffix a date's year key is its key, which need not be written twice.
  const yearKey = date.suffix ? unsuffixedDateKey(date) : '';
  return `${flags}\u0000${dateKey(date)}\u0000${yearKey}\u0000${work.authors.join('\u0000')}`;
}

/** An entry near a cited work, and why: made into a candidate, with its suggested citation, only for a work without
 * an entry, and in the form of the citation that suggests it. */
export interface NearEntry {
  indexed: IndexedEntry;
  reason: Candidate['reason'];
}

/**
 * What a cited work matches, whichever form it is cited in: its resolution, or for a work without an entry the (at
 * most three) entries nearest to it, best first. A long document cites a work both in parentheses and in running text;
 * it is matched once for both.
 */
export type WorkMatch = Exclude<Resolution, { status: 'missing' }> | { status: 'missing'; nearest: NearEntry[] };

/** The resolution of a work cited in the given form. */
export function resolutionOf(match: WorkMatch, form: CitationKind): Resolution {
  if (match.status !== 'missing') return match;
  const candidates = match.nearest.map(({ indexed, reason }) => ({ entryId: indexed.entry.id, reason, suggestion: citeEntry(indexed.entry, form) }));
  return { status: 'missing', candidates };
}

/** The nearest entries of both a list and the bibliography files that a work was looked up in, best first. */
export function nearestOfBoth(first: NearEntry[], second: NearEntry[]): NearEntry[] {
  return [...first, ...second].slice(0, MAX_CANDIDATES);
}

export function matchWork(work: CitedWork, index: EntryIndex, abbreviations: Map<string, string>): WorkMatch {
  if (work.personalCommunication) return { status: 'exempt', reason: 'A personal communication needs no reference entry.' };
  if (work.secondary) return { status: 'exempt', reason: 'The original work of a secondary source needs no reference entry.' };
  const cited = work.authors.map((author) => citedAuthorKeys(author, abbreviations));
  const citedDate = citedDateOf(work);
  const exact: string[] = [];
  const unsuffixed: string[] = [];
  const nearest: NearEntry[] = [];
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
    if (reason) nearest.push({ indexed, reason });
  }
  if (exact.length === 1) return { status: 'resolved', entryId: exact[0] };
  if (exact.length > 1) return { status: 'ambiguous', entryIds: exact };
  if (unsuffixed.length === 1) return { status: 'resolved', entryId: unsuffixed[0] };
  if (unsuffixed.length > 1) return { status: 'ambiguous', entryIds: unsuffixed };
  // Only a work without an entry is compared with the other entries of its date, for a misspelt first author.
  if (!work.isTitle) {
    for (const indexed of entriesDated(index, citedDate.key, citedDate.hasSuffix)) {
      if (dateMatches(citedDate, indexed) !== 'none' && !pool.includes(indexed) && isMisspelt(cited[0] ?? [], indexed)) {
        nearest.push({ indexed, reason: 'spelling' });
      }
    }
  }
  return { status: 'missing', nearest: rankNearest(nearest) };
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

/** How many nearest entries a work without an entry names. */
const MAX_CANDIDATES = 3;

/** The nearest entries kept: best reason first, and in list order within a reason. */
function rankNearest(nearest: NearEntry[]): NearEntry[] {
  return nearest.sort((a, b) => REASON_ORDER[a.reason] - REASON_ORDER[b.reason]).slice(0, MAX_CANDIDATES);
}
