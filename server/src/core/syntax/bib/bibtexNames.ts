// Reads BibTeX name lists the way BibTeX does: names are separated by "and" outside braces, each name is
// "First von Last", "von Last, First" or "von Last, Jr, First", the von part is the words that start with a
// lower-case letter, and a name wrapped whole in braces ("{World Health Organization}") is kept as written.
// "{\'O}lafur" starts with a capital (the accented letter counts), so it is a given name, not a particle.

import type { PersonName } from '../../types';
import { latexToUnicode } from './latexText';

const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const COMMA_CODE = 44;
const TILDE = 126;

export interface BibtexNameList {
  names: PersonName[];
  /** The list ends with "and others". */
  elided: boolean;
}

/**
 * The words of a whole name list, outside braces, with the separators between them as tokens of their own. A name is
 * the tokens between two NAME_ENDs; the list is read as index ranges into this one array, because building arrays of
 * words for every name and part made reading names the costliest step of reading a large file.
 */
type ListTokens = string[];

/** Separator tokens; no word can be either, since words never hold a comma or a blank outside braces. */
const COMMA = ',';
const NAME_END = ' ';

export function parseBibtexNames(latex: string): BibtexNameList {
  const tokens = listTokens(latex);
  const names: PersonName[] = [];
  let elided = false;
  let start = 0;
  for (let i = 0; i <= tokens.length; i++) {
    if (i < tokens.length && tokens[i] !== NAME_END) continue;
    if (hasWords(tokens, start, i)) {
      if (i - start === 1 && tokens[start].toLowerCase() === 'others') elided = true;
      else {
        const name = nameFromTokens(tokens, start, i);
        if (name) names.push(name);
      }
    }
    start = i + 1;
  }
  return { names, elided };
}

/** Splits at blanks and commas outside braces, and at the word "and", into words and separators. */
function listTokens(latex: string): ListTokens {
  const tokens: ListTokens = [];
  let wordStart = -1;
  let depth = 0;
  for (let i = 0; i <= latex.length; i++) {
    const code = i < latex.length ? latex.charCodeAt(i) : -1;
    if (code === OPEN_BRACE) depth++;
    else if (code === CLOSE_BRACE) depth = Math.max(0, depth - 1);
    const separates = code === -1 || (depth === 0 && (code === COMMA_CODE || code === TILDE || isBlankCode(code)));
    if (!separates) {
      if (wordStart < 0) wordStart = i;
      continue;
    }
    if (wordStart >= 0) {
      const word = latex.slice(wordStart, i);
      wordStart = -1;
      tokens.push(isAnd(word) ? NAME_END : word);
    }
    if (code === COMMA_CODE) tokens.push(COMMA);
  }
  return tokens;
}

function isAnd(word: string): boolean {
  return word.length === 3 && word.toLowerCase() === 'and';
}

function hasWords(tokens: ListTokens, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (tokens[i] !== COMMA) return true;
  return false;
}

/** A run of words: tokens[start] up to but not including tokens[end]. */
interface Words {
  start: number;
  end: number;
}

interface NameParts {
  first: Words;
  von: Words;
  last: Words;
  jr: Words;
}

function nameFromTokens(tokens: ListTokens, start: number, end: number): PersonName | undefined {
  if (end - start === 1 && isWhollyBraced(tokens[start])) {
    const literal = latexToUnicode(tokens[start]);
    return literal === '' ? undefined : { family: literal, literal };
  }
  const parts = partsBetweenCommas(tokens, start, end);
  const { von, last, first, jr } = parts.length === 1 ? firstVonLast(tokens, parts[0]) : vonLastFirst(tokens, parts);
  const family = decodeWords(tokens, last);
  if (family === '') return undefined;
  const name: PersonName = { family };
  const given = decodeWords(tokens, first);
  if (given !== '') name.given = given;
  const particle = decodeWords(tokens, von);
  if (particle !== '') name.particle = particle;
  const suffix = decodeWords(tokens, jr);
  if (suffix !== '') name.suffix = suffix;
  return name;
}

/** "Ludwig van Beethoven": the von part runs from the first to the last lower-case word before the last word. */
function firstVonLast(tokens: ListTokens, words: Words): NameParts {
  const lastWord = words.end - 1;
  let vonStart = -1;
  let vonEnd = -1;
  for (let i = words.start; i < lastWord; i++) {
    if (!startsLowerCase(tokens[i])) continue;
    if (vonStart < 0) vonStart = i;
    vonEnd = i;
  }
  if (vonStart < 0) {
    return { first: { start: words.start, end: lastWord }, von: NO_WORDS, last: { start: lastWord, end: words.end }, jr: NO_WORDS };
  }
  return {
    first: { start: words.start, end: vonStart },
    von: { start: vonStart, end: vonEnd + 1 },
    last: { start: vonEnd + 1, end: words.end },
    jr: NO_WORDS,
  };
}

/** "van der Berg, Jan" and "Ford, Jr., Henry": the von part is the leading words up to the last lower-case one. */
function vonLastFirst(tokens: ListTokens, parts: Words[]): NameParts {
  const vonLast = parts[0];
  let vonEnd = vonLast.start - 1;
  for (let i = vonLast.start; i < vonLast.end - 1; i++) if (startsLowerCase(tokens[i])) vonEnd = i;
  const jr = parts.length > 2 ? parts[1] : NO_WORDS;
  // Everything after the second comma is the first name; decodeWords skips the commas in between.
  const first = parts.length > 2 ? { start: parts[2].start, end: parts[parts.length - 1].end } : parts[1];
  return { first, von: { start: vonLast.start, end: vonEnd + 1 }, last: { start: vonEnd + 1, end: vonLast.end }, jr };
}

const NO_WORDS: Words = { start: 0, end: 0 };

/** The parts of a name between its commas; the first part is kept even when empty, later empty parts are dropped. */
function partsBetweenCommas(tokens: ListTokens, start: number, end: number): Words[] {
  const parts: Words[] = [];
  let partStart = start;
  for (let i = start; i <= end; i++) {
    if (i < end && tokens[i] !== COMMA) continue;
    if (parts.length === 0 || i > partStart) parts.push({ start: partStart, end: i });
    partStart = i + 1;
  }
  return parts;
}

/**
 * BibTeX's rule for the case of a word: the first letter outside braces decides; a brace group that starts with a
 * command ("{\'O}") is one letter whose case counts, and any other brace group is skipped.
 */
function startsLowerCase(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const char = word[i];
    if (char === '{') {
      const close = matchingBrace(word, i);
      if (word[i + 1] === '\\') return isLowerCaseLetter(firstLetter(latexToUnicode(word.slice(i, close + 1))));
      i = close;
    } else if (char === '\\') return isLowerCaseLetter(firstLetter(latexToUnicode(word.slice(i))));
    else if (isLetter(char)) return isLowerCaseLetter(char);
  }
  return false;
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return text.length - 1;
}

function isWhollyBraced(word: string): boolean {
  return word.startsWith('{') && matchingBrace(word, 0) === word.length - 1;
}

function firstLetter(text: string): string {
  for (const char of text) if (isLetter(char)) return char;
  return '';
}

function isLetter(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code < 128) return isAsciiLetter(code);
  return char.toLowerCase() !== char.toUpperCase();
}

function isLowerCaseLetter(char: string): boolean {
  if (char === '') return false;
  const code = char.charCodeAt(0);
  if (code < 128) return code >= 97 && code <= 122;
  return char === char.toLowerCase() && char !== char.toUpperCase();
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isBlankCode(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9 || code === 0xa0;
}

/** The words joined by single spaces (commas skipped) and decoded. */
function decodeWords(tokens: ListTokens, words: Words): string {
  let latex = '';
  for (let i = words.start; i < words.end; i++) {
    if (tokens[i] !== COMMA) latex = latex === '' ? tokens[i] : `${latex} ${tokens[i]}`;
  }
  return latex === '' ? '' : latexToUnicode(latex);
}
