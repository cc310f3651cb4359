// Forgiving word matching for completion: every typed word must fit some word of the candidate.

import { editDistance } from './normalize';

/** Whether the letters of `query` appear in order in `word`, starting with its first letter ("qrm" in "qerimi"). */
function isAbbreviationOf(query: string, word: string): boolean {
  if (query[0] !== word[0]) return false;
  let at = 0;
  for (const letter of query) {
    at = word.indexOf(letter, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/** A query word fits a word that it starts, abbreviates, or starts with one letter wrong ("qerini"); a number only
 * fits a number it starts, so that "2019" does not find "2015". Both are lower case without diacritics. */
export function fits(query: string, word: string): boolean {
  if (word.startsWith(query)) return true;
  if (/^\d/.test(query)) return false;
  if (isAbbreviationOf(query, word)) return true;
  return query.length >= 4 && word.length >= query.length && editDistance(query, word.slice(0, query.length), 1) <= 1;
}

/** Every word of the query must fit one of the candidate's words. */
export function matchesAll(queryWords: string[], candidateWords: string[]): boolean {
  return queryWords.every((q) => candidateWords.some((w) => fits(q, w)));
}
