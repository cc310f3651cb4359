// The words a search is matched against for each entry: author names, the year, the title and, for a keyed entry, the
// key and its parts. Completion and workspace symbols search with them.

import type { Bibliography } from '../index/bibliography';
import type { ReferenceEntry } from '../types';
import { formatCitationDate } from '../syntax/dates';
import { titleWords } from '../text/normalize';

export function searchWords(entry: ReferenceEntry): string[] {
  const words = entry.authors.flatMap((a) => titleWords(a.literal ?? `${a.particle ?? ''} ${a.family}`));
  if (entry.date) words.push(formatCitationDate(entry.date).toLowerCase());
  words.push(...titleWords(entry.title ?? ''));
  if (entry.key) words.push(entry.key.toLowerCase(), ...titleWords(entry.key));
  return words;
}

/** The search words of a bibliography's entries, parallel to its `entries`, made once per bibliography version:
 * a bibliography of 50,000 entries would otherwise have them all rebuilt at every keystroke. */
const bibliographySearchWords = new WeakMap<Bibliography, string[][]>();

export function searchWordsOfBibliography(bibliography: Bibliography): string[][] {
  let words = bibliographySearchWords.get(bibliography);
  if (!words) {
    words = bibliography.entries.map(searchWords);
    bibliographySearchWords.set(bibliography, words);
  }
  return words;
}

/** The positions in a bibliography's `entries` of the entries with a word starting with each letter, in order. */
const bibliographyEntriesByInitial = new WeakMap<Bibliography, Map<string, number[]>>();

function entriesByInitial(bibliography: Bibliography): Map<string, number[]> {
  let byInitial = bibliographyEntriesByInitial.get(bibliography);
  if (!byInitial) {
    byInitial = new Map();
    searchWordsOfBibliography(bibliography).forEach((words, position) => {
      for (const initial of new Set(words.map((word) => word[0]))) {
        const positions = byInitial!.get(initial);
        if (positions) positions.push(position);
        else byInitial!.set(initial, [position]);
      }
    });
    bibliographyEntriesByInitial.set(bibliography, byInitial);
  }
  return byInitial;
}

/** A query word shorter than this fits only words with its first letter (see `fits`); a longer one may also fit a word
 * with one letter wrong, the first included. */
const WORD_LENGTH_WITH_TYPOS = 4;

/** The positions of the bibliography's entries that may match every query word, in order, or undefined when all of
 * them must be tried: an entry must have a word starting with the first letter of each short query word. */
export function bibliographyEntriesToSearch(bibliography: Bibliography, queryWords: string[]): number[] | undefined {
  const short = queryWords.filter((word) => word.length < WORD_LENGTH_WITH_TYPOS);
  if (short.length === 0) return undefined;
  const byInitial = entriesByInitial(bibliography);
  const buckets = short.map((word) => byInitial.get(word[0]) ?? []);
  return buckets.reduce((smallest, bucket) => (bucket.length < smallest.length ? bucket : smallest));
}
