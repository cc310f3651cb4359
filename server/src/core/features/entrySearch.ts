// The words a search is matched against for each entry: author names, the year, the title and, for a keyed entry, the
// key and its parts. Completion and workspace symbols search with them.

import type { Bibliography } from '../index/bibliography';
import type { ReferenceEntry } from '../types';
import { formatCitationDate } from '../syntax/dates';
import { titleWords } from '../text/normalize';
import { fits } from '../text/fuzzy';
import { LinkedBibtexEntry } from '../syntax/bib/linkedEntry';
import { heldIn } from '../memo';
import { workInSlices } from '../slices';

export function searchWords(entry: ReferenceEntry): string[] {
  // A BibTeX entry not read yet gives these without being filled, which the words of every entry would otherwise do.
  const { authors, date, title } = entry instanceof LinkedBibtexEntry ? entry.searched() : entry;
  const words = authors.flatMap((a) => titleWords(a.literal ?? `${a.particle ?? ''} ${a.family}`));
  if (date) words.push(formatCitationDate(date).toLowerCase());
  words.push(...titleWords(title ?? ''));
  if (entry.key) words.push(entry.key.toLowerCase(), ...titleWords(entry.key));
  return words;
}


/**
 * The letters of a word as bits: a to z, and the digits folded onto the six bits left. A word that fits a query word
 * (see fits in fuzzy.ts) has every letter of it, or all but one when one letter may be wrong; a test of the bits rejects
 * most words without looking at their text. Characters without a bit are not required, so the test never rejects a fit.
 */
function letterBits(word: string): number {
  let bits = 0;
  for (let i = 0; i < word.length; i++) bits |= characterBit(word.charCodeAt(i));
  return bits;
}

function characterBit(code: number): number {
  if (code >= 97 && code <= 122) return 1 << (code - 97);
  if (code >= 48 && code <= 57) return 1 << (26 + ((code - 48) % 6));
  return 0;
}

function bitCount(bits: number): number {
  let count = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) count++;
  return count;
}

/** A query word shorter than this, or a number, fits only words with its first letter and all its letters; a longer
 * one may have one letter wrong, the first included (see fits in fuzzy.ts). */
const WORD_LENGTH_WITH_TYPOS = 4;

/**
 * Which of 61 bits stands for a word's second and third characters. A word with another first letter than a query
 * word's fits it only with that letter replaced, so its second and third characters are the query's: an entry without
 * the query's bit has no such word. 61 is prime, so that the pairs spread over the bits whatever the alphabet.
 */
const PAIR_BITS = 61;

function pairBitOf(word: string): number {
  return (word.charCodeAt(1) * 37 + word.charCodeAt(2)) % PAIR_BITS;
}

/**
 * The search words of a bibliography's entries with each word's letter bits and first two characters, in flat typed
 * arrays, made in order for as many entries as are indexed so far (see prepareSearchIndex).
 */
class SearchIndex {
  /** Each indexed entry's words, in the order of `entries`. */
  readonly words: string[][] = [];
  /** Where each indexed entry's words start in the word arrays; the entry at `position` ends where the next starts. */
  readonly starts: Int32Array;
  /** Per entry, the letters of all its words: an entry that lacks two letters of a query word cannot match it. */
  readonly entryBits: Int32Array;
  /** Per entry, the bits of its words' first characters. */
  readonly entryFirsts: Int32Array;
  /** Per entry, two numbers holding the pair bits (see pairBitOf) of its words long enough to fit with a typo. */
  readonly entryPairs: Int32Array;
  bits: Int32Array;
  firsts: Uint16Array;
  /** The second character of each word (0 for a word of one). */
  seconds: Uint16Array;
  private wordCount = 0;

  constructor(entryCount: number) {
    this.starts = new Int32Array(entryCount + 1);
    this.entryBits = new Int32Array(entryCount);
    this.entryFirsts = new Int32Array(entryCount);
    this.entryPairs = new Int32Array(entryCount * 2);
    // Entries have about fifteen words: arrays of that size seldom grow.
    const capacity = Math.max(64, entryCount * 16);
    this.bits = new Int32Array(capacity);
    this.firsts = new Uint16Array(capacity);
    this.seconds = new Uint16Array(capacity);
  }

  /** How many entries, from the first, are indexed. */
  get indexed(): number {
    return this.words.length;
  }

  add(entryWords: string[]): void {
    const position = this.words.length;
    if (this.wordCount + entryWords.length > this.bits.length) this.grow(this.wordCount + entryWords.length);
    let at = this.wordCount;
    for (const word of entryWords) {
      const bits = letterBits(word);
      this.bits[at] = bits;
      this.firsts[at] = word.charCodeAt(0);
      this.seconds[at] = word.length > 1 ? word.charCodeAt(1) : 0;
      this.entryBits[position] |= bits;
      this.entryFirsts[position] |= characterBit(word.charCodeAt(0));
      if (word.length >= WORD_LENGTH_WITH_TYPOS) {
        const pair = pairBitOf(word);
        this.entryPairs[position * 2 + (pair >> 5)] |= 1 << (pair & 31);
      }
      at++;
    }
    this.wordCount = at;
    this.words.push(entryWords);
    this.starts[position + 1] = at;
  }

  private grow(needed: number): void {
    const capacity = Math.max(needed, this.bits.length * 2);
    const bits = new Int32Array(capacity);
    const firsts = new Uint16Array(capacity);
    const seconds = new Uint16Array(capacity);
    bits.set(this.bits);
    firsts.set(this.firsts);
    seconds.set(this.seconds);
    this.bits = bits;
    this.firsts = firsts;
    this.seconds = seconds;
  }
}

/** Each bibliography version's search index, so far as it is made: a bibliography of 50,000 entries would otherwise
 * have its words rebuilt at every keystroke. */
const bibliographySearchIndexes = new WeakMap<Bibliography, SearchIndex>();

function searchIndexOf(bibliography: Bibliography): SearchIndex {
  return heldIn(bibliographySearchIndexes, bibliography, () => new SearchIndex(bibliography.entries.length));
}

/**
 * Indexes the entries of a bibliography that are not indexed yet, in order, until `shouldStop` says so; gives whether
 * all are. Reading an entry's names, date and title for the first time is most of the work, so a large bibliography is
 * indexed in slices while the server is idle, and the first search finds the index ready. The index gives the same
 * matches whether it was made ahead, in slices, or by a search.
 */
export function prepareSearchIndex(bibliography: Bibliography, shouldStop: () => boolean = () => false): boolean {
  const index = searchIndexOf(bibliography);
  const entries = bibliography.entries;
  return workInSlices(index.indexed, entries.length, (position) => index.add(searchWords(entries[position])), shouldStop) === entries.length;
}

/** Indexes at most `count` more entries of a bibliography and gives how many, from the first, are indexed. */
export function extendSearchIndex(bibliography: Bibliography, count: number): number {
  const index = searchIndexOf(bibliography);
  const end = Math.min(bibliography.entries.length, index.indexed + count);
  for (let position = index.indexed; position < end; position++) index.add(searchWords(bibliography.entries[position]));
  return index.indexed;
}

/** The search words of a bibliography's entries, parallel to its `entries`, all indexed first. */
export function searchWordsOfBibliography(bibliography: Bibliography): string[][] {
  prepareSearchIndex(bibliography);
  return searchIndexOf(bibliography).words;
}

/**
 * Whether a word may fit a query word, judged by the query's letters the word lacks and by its first two letters. A
 * word fits by starting with the query or abbreviating it, which needs the same first letter and every letter; or, for
 * a query long enough, by starting with it with one letter replaced: with the same first letter one other letter may
 * be missing, and with another first letter only the query's first letter may be, and the second letter is the query's.
 */
function mayFit(withTypo: boolean, lacking: number, sameFirst: boolean, sameSecond: boolean, firstBit: number): boolean {
  if (sameFirst) return lacking === 0 || (withTypo && bitCount(lacking) <= 1);
  return withTypo && sameSecond && (lacking & ~firstBit) === 0;
}

/**
 * Whether the bibliography's entry at a position matches every query word, as matchesAll says, but with each entry
 * and then each of its words first tested by its letter bits, so that a query checks 50,000 entries in a few
 * milliseconds. Built once per bibliography version and query; indexes every entry first (see indexedMatcher).
 */
export function bibliographyMatcher(bibliography: Bibliography, queryWords: string[]): (position: number) => boolean {
  prepareSearchIndex(bibliography);
  return indexedMatcher(bibliography, queryWords);
}

/**
 * The same test as bibliographyMatcher, for the entries indexed so far only (positions below the count
 * extendSearchIndex gives); it indexes nothing, so that a search that comes before the index is complete is not
 * held up by the entries not read yet.
 */
export function indexedMatcher(bibliography: Bibliography, queryWords: string[]): (position: number) => boolean {
  const { words, starts, bits, firsts, seconds, entryBits, entryFirsts, entryPairs } = searchIndexOf(bibliography);
  const queries = queryWords.map((word) => {
    const withTypo = word.length >= WORD_LENGTH_WITH_TYPOS && !/^\d/.test(word);
    const pair = withTypo ? pairBitOf(word) : 0;
    return {
      word,
      bits: letterBits(word),
      first: word.charCodeAt(0),
      second: word.length > 1 ? word.charCodeAt(1) : -1,
      firstBit: characterBit(word.charCodeAt(0)),
      withTypo,
      pairHalf: pair >> 5,
      pairBit: 1 << (pair & 31),
    };
  });
  return (position) => {
    const end = starts[position + 1];
    for (const query of queries) {
      const lackingInEntry = query.bits & ~entryBits[position];
      if (lackingInEntry !== 0 && (!query.withTypo || bitCount(lackingInEntry) > 1)) return false;
      // A fitting word starts with the query's first character or, with a typo there, has its second and third.
      const firstPossible = query.firstBit === 0 || (entryFirsts[position] & query.firstBit) !== 0;
      if (!firstPossible && !(query.withTypo && (entryPairs[position * 2 + query.pairHalf] & query.pairBit) !== 0)) return false;
      let found = false;
      for (let at = starts[position]; at < end && !found; at++) {
        const lacking = query.bits & ~bits[at];
        found = mayFit(query.withTypo, lacking, firsts[at] === query.first, seconds[at] === query.second, query.firstBit) && fits(query.word, words[position][at - starts[position]]);
      }
      if (!found) return false;
    }
    return true;
  };
}
