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
