// Reads BibTeX name lists the way BibTeX does: names are separated by "and" outside braces, each name is
// "First von Last", "von Last, First" or "von Last, Jr, First", the von part is the words that start with a
// lower-case letter, and a name wrapped whole in braces ("{World Health Organization}") is kept as written.
// "{\'O}lafur" starts with a capital (the accented letter counts), so it is a given name, not a particle.

import type { PersonName } from '../../types';
import { latexToUnicode } from './latexText';

export interface BibtexNameList {
  names: PersonName[];
  /** The list ends with "and others". */
  elided: boolean;
}

/** One name as words and the commas between them, all outside braces. */
type NameTokens = string[];

const COMMA = ',';

export function parseBibtexNames(latex: string): BibtexNameList {
  const names: PersonName[] = [];
  let elided = false;
  for (const tokens of splitNames(latex)) {
    if (tokens.length === 1 && tokens[0].toLowerCase() === 'others') elided = true;
    else {
      const name = nameFromTokens(tokens);
      if (name) names.push(name);
    }
  }
  return { names, elided };
}

/** Splits at blanks and commas outside braces, and at the word "and", into the tokens of each name. */
function splitNames(latex: string): NameTokens[] {
  const names: NameTokens[] = [];
  let current: NameTokens = [];
  let wordStart = -1;
  let depth = 0;
  const endWord = (end: number) => {
    if (wordStart < 0) return;
    const word = latex.slice(wordStart, end);
    wordStart = -1;
    if (word.toLowerCase() === 'and') {
      names.push(current);
      current = [];
    } else current.push(word);
  };
  for (let i = 0; i < latex.length; i++) {
    const char = latex[i];
    if (char === '{') depth++;
    else if (char === '}') depth = Math.max(0, depth - 1);
    const separates = depth === 0 && (char === ',' || char === '~' || isBlank(char));
    if (!separates) {
      if (wordStart < 0) wordStart = i;
      continue;
    }
    endWord(i);
    if (char === ',') current.push(COMMA);
  }
  endWord(latex.length);
  names.push(current);
  return names.filter((tokens) => tokens.some((token) => token !== COMMA));
}

function nameFromTokens(tokens: NameTokens): PersonName | undefined {
  if (tokens.length === 1 && isWhollyBraced(tokens[0])) {
    const literal = latexToUnicode(tokens[0]);
    return literal === '' ? undefined : { family: literal, literal };
  }
  const parts = splitAtCommas(tokens);
  const { von, last, first, jr } = parts.length === 1 ? firstVonLast(parts[0]) : vonLastFirst(parts);
  const family = decodeWords(last);
  if (family === '') return undefined;
  const name: PersonName = { family };
  const given = decodeWords(first);
  if (given !== '') name.given = given;
  const particle = decodeWords(von);
  if (particle !== '') name.particle = particle;
  const suffix = decodeWords(jr);
  if (suffix !== '') name.suffix = suffix;
  return name;
}

interface NameParts {
  first: string[];
  von: string[];
  last: string[];
  jr: string[];
}

/** "Ludwig van Beethoven": the von part runs from the first to the last lower-case word before the last word. */
function firstVonLast(words: string[]): NameParts {
  const lastWord = words.length - 1;
  let vonStart = -1;
  let vonEnd = -1;
  for (let i = 0; i < lastWord; i++) {
    if (!startsLowerCase(words[i])) continue;
    if (vonStart < 0) vonStart = i;
    vonEnd = i;
  }
  if (vonStart < 0) return { first: words.slice(0, lastWord), von: [], last: words.slice(lastWord), jr: [] };
  return { first: words.slice(0, vonStart), von: words.slice(vonStart, vonEnd + 1), last: words.slice(vonEnd + 1), jr: [] };
}

/** "van der Berg, Jan" and "Ford, Jr., Henry": the von part is the leading words up to the last lower-case one. */
function vonLastFirst(parts: string[][]): NameParts {
  const vonLast = parts[0];
  let vonEnd = -1;
  for (let i = 0; i < vonLast.length - 1; i++) if (startsLowerCase(vonLast[i])) vonEnd = i;
  const jr = parts.length > 2 ? parts[1] : [];
  const first = parts.length > 2 ? parts.slice(2).flat() : parts[1];
  return { first, von: vonLast.slice(0, vonEnd + 1), last: vonLast.slice(vonEnd + 1), jr };
}

function splitAtCommas(tokens: NameTokens): string[][] {
  const parts: string[][] = [[]];
  for (const token of tokens) {
    if (token === COMMA) parts.push([]);
    else parts[parts.length - 1].push(token);
  }
  return parts.filter((part, index) => index === 0 || part.length > 0);
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
  return char.toLowerCase() !== char.toUpperCase();
}

function isLowerCaseLetter(char: string): boolean {
  return char !== '' && char === char.toLowerCase() && char !== char.toUpperCase();
}

function isBlank(char: string): boolean {
  return char === ' ' || char === '\n' || char === '\r' || char === '\t' || char === '\u00a0';
}

function decodeWords(words: string[]): string {
  return words.length === 0 ? '' : latexToUnicode(words.join(' '));
}
