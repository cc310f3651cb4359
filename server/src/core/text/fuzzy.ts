// Forgiving word matching for completion: every typed word must fit some word of the candidate.

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
  return query.length >= 4 && word.length >= query.length && differsInAtMostOneLetter(query, word);
}

/**
 * Whether the query and the word's start of the same length differ in at most one letter. Between strings of one
 * length, one edit can only replace a letter (inserting or deleting changes the length), so this is an edit distance of
 * at most one, counted without building the distance table.
 */
function differsInAtMostOneLetter(query: string, word: string): boolean {
  let differences = 0;
  for (let i = 0; i < query.length; i++) {
    if (query.charCodeAt(i) !== word.charCodeAt(i) && ++differences > 1) return false;
  }
  return true;
}

/** Every word of the query must fit one of the candidate's words. */
export function matchesAll(queryWords: string[], candidateWords: string[]): boolean {
  return queryWords.every((q) => candidateWords.some((w) => fits(q, w)));
}
