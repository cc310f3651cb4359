// The words a search is matched against for each entry: author names, the year, the title and, for a keyed entry, the
// key and its parts. Completion and workspace symbols search with them.

import type { Bibliography } from '../index/bibliography';
import type { ReferenceEntry } from '../types';
import { formatCitationDate } from '../syntax/dates';
import { titleWords } from '../text/normalize';
import { fits } from '../text/fuzzy';
import { LinkedBibtexEntry } from '../syntax/bib/linkedEntry';

export function searchWords(entry: ReferenceEntry): string[] {
  // A BibTeX entry not read yet gives these without being filled, which the words of every entry would otherwise do.
  const { authors, date, title } = entry instanceof LinkedBibtexEntry ? entry.searched() : entry;
  const words = authors.flatMap((a) => titleWords(a.literal ?? `${a.particle ?? ''} ${a.family}`));
  if (date) words.push(formatCitationDate(date).toLowerCase());
  words.push(...titleWords(title ?? ''));
  if (entry.key) words.push(entry.key.toLowerCase(), ...titleWords(entry.key));
  return words;
}

/** The search words of a bibliography's entries, parallel to its `entries` (so far as they are made), kept per
 * bibliography version: a bibliography of 50,000 entries would otherwise have them all rebuilt at every keystroke. */
const bibliographySearchWords = new WeakMap<Bibliography, string[][]>();

/** How many entries' words are made between two looks at whether to stop: a look costs more than one entry. */
const ENTRIES_BETWEEN_LOOKS = 64;

/**
 * Makes the search words of a bibliography's entries that are not made yet, in order, until `shouldStop` says so;
 * gives whether all are made. Reading an entry's names, date and title for the first time is most of the work, so a
 * large bibliography's words are made in slices while the server is idle, and the first search finds them ready.
 */
export function prepareSearchWords(bibliography: Bibliography, shouldStop: () => boolean = () => false): boolean {
  let words = bibliographySearchWords.get(bibliography);
  if (!words) {
    words = [];
    bibliographySearchWords.set(bibliography, words);
  }
  const entries = bibliography.entries;
  while (words.length < entries.length) {
    const end = Math.min(entries.length, words.length + ENTRIES_BETWEEN_LOOKS);
    for (let position = words.length; position < end; position++) words.push(searchWords(entries[position]));
    if (words.length < entries.length && shouldStop()) return false;
  }
  return true;
}

export function searchWordsOfBibliography(bibliography: Bibliography): string[][] {
  prepareSearchWords(bibliography);
  return bibliographySearchWords.get(bibliography)!;
}

/**
 * The letters of a word as bits: a to z, and the digits folded onto the six bits left. A word that fits a query word
 * (see fits in fuzzy.ts) has every letter of it, or all but one when one letter may be wrong; a test of the bits rejects
 * most words without looking at their text. Characters without a bit are not required, so the test never rejects a fit.
 */
function letterBits(word: string): number {
  let bits = 0;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 97 && code <= 122) bits |= 1 << (code - 97);
    else if (code >= 48 && code <= 57) bits |= 1 << (26 + ((code - 48) % 6));
  }
  return bits;
}

function bitCount(bits: number): number {
  let count = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) count++;
  return count;
}

/** The search words of a bibliography's entries with each word's letter bits and first character, in flat arrays. */
interface SearchIndex {
  words: string[][];
  /** Where each entry's words start in `bits` and `firsts`; the entry at `position` ends where the next starts. */
  starts: Int32Array;
  bits: Int32Array;
  firsts: Uint16Array;
  /** Per entry, the letters of all its words: an entry that lacks two letters of a query word cannot match it. */
  entryBits: Int32Array;
}

const bibliographySearchIndexes = new WeakMap<Bibliography, SearchIndex>();

/**
 * Makes a bibliography's search index (see prepareSearchWords), in slices while `shouldStop` allows; gives whether it
 * is made. The index gives the same matches whether it was made ahead or by the first search.
 */
export function prepareSearchIndex(bibliography: Bibliography, shouldStop: () => boolean = () => false): boolean {
  if (bibliographySearchIndexes.has(bibliography)) return true;
  if (!prepareSearchWords(bibliography, shouldStop)) return false;
  searchIndexOf(bibliography);
  return true;
}

function searchIndexOf(bibliography: Bibliography): SearchIndex {
  let index = bibliographySearchIndexes.get(bibliography);
  if (!index) {
    const words = searchWordsOfBibliography(bibliography);
    const starts = new Int32Array(words.length + 1);
    let total = 0;
    words.forEach((entryWords, position) => {
      starts[position] = total;
      total += entryWords.length;
    });
    starts[words.length] = total;
    const bits = new Int32Array(total);
    const firsts = new Uint16Array(total);
    const entryBits = new Int32Array(words.length);
    let at = 0;
    words.forEach((entryWords, position) => {
      for (const word of entryWords) {
        bits[at] = letterBits(word);
        firsts[at] = word.charCodeAt(0);
        entryBits[position] |= bits[at];
        at++;
      }
    });
    index = { words, starts, bits, firsts, entryBits };
    bibliographySearchIndexes.set(bibliography, index);
  }
  return index;
}

/**
 * Whether a word may fit a query word, judged by the query's letters the word lacks. A word fits by starting with the
 * query or abbreviating it, which needs the same first letter and every letter; or, for a query long enough, by
 * starting with it with one letter replaced: with the same first letter one other letter may be missing, and with
 * another first letter only the query's first letter may be.
 */
function mayFit(withTypo: boolean, lacking: number, sameFirst: boolean, firstBit: number): boolean {
  if (lacking === 0) return sameFirst || withTypo;
  if (!withTypo) return false;
  return sameFirst ? bitCount(lacking) <= 1 : (lacking & ~firstBit) === 0;
}

/** A query word shorter than this, or a number, fits only words with its first letter and all its letters; a longer
 * one may have one letter wrong, the first included (see fits in fuzzy.ts). */
const WORD_LENGTH_WITH_TYPOS = 4;

/**
 * Whether the bibliography's entry at a position matches every query word, as matchesAll says, but with each of its
 * words first tested by its letter bits, so that a query checks 50,000 entries in a few milliseconds. Built once per
 * bibliography version and query.
 */
export function bibliographyMatcher(bibliography: Bibliography, queryWords: string[]): (position: number) => boolean {
  const { words, starts, bits, firsts, entryBits } = searchIndexOf(bibliography);
  const queries = queryWords.map((word) => ({
    word,
    bits: letterBits(word),
    first: word.charCodeAt(0),
    firstBit: letterBits(word[0]),
    withTypo: word.length >= WORD_LENGTH_WITH_TYPOS && !/^\d/.test(word),
  }));
  return (position) => {
    const end = starts[position + 1];
    for (const query of queries) {
      const lackingInEntry = query.bits & ~entryBits[position];
      if (lackingInEntry !== 0 && (!query.withTypo || bitCount(lackingInEntry) > 1)) return false;
      let found = false;
      for (let at = starts[position]; at < end && !found; at++) {
        const lacking = query.bits & ~bits[at];
        found = mayFit(query.withTypo, lacking, firsts[at] === query.first, query.firstBit) && fits(query.word, words[position][at - starts[position]]);
      }
      if (!found) return false;
    }
    return true;
  };
}
