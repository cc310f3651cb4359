// Reads author phrases: the names written before a narrative citation's parenthesis ("Berry, Levinsohn, and Pakes (1995)"),
// and tells the words of a name ("Smith", "O'Connor", "J.") from the prose around it.

import type { Span } from '../types';
import { readAuthorNames, withoutPossessive, type AuthorNames } from './authorNames';
import { isAsciiCapital } from '../text/characters';
import { isWhitespaceAt } from '../text/whitespace';

/** The farthest an author phrase reaches back from its parenthesis. */
const MAX_PHRASE_CHARS = 200;
const MAX_PHRASE_WORDS = 12;
const MAX_NAME_WORDS = 6;

/** Lower-case words that belong to a surname: "van der Berg", "de Souza", "bin Laden". */
export const PARTICLES = new Set([
  'van', 'von', 'de', 'der', 'den', 'du', 'da', 'di', 'del', 'della', 'dos', 'das', 'la', 'le', 'ter', 'ten', 'al', 'el', 'bin',
]);

/** Lower-case words inside a group author's name: "Department of Justice", "Centers for Disease Control". */
const GROUP_NAME_WORDS = new Set(['of', 'for', 'the']);

/**
 * Capitalised words that open sentences or clauses and are never part of a name written before a citation.
 * Real surnames that are also English words ("Young", "May", "Long") are left out on purpose.
 */
const NOT_NAME_WORDS = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'here', 'there', 'then', 'thus', 'hence', 'however', 'therefore',
  'in', 'as', 'at', 'on', 'of', 'to', 'by', 'for', 'from', 'with', 'without', 'within', 'into', 'onto', 'under', 'over',
  'after', 'before', 'since', 'during', 'between', 'among', 'through', 'across', 'via', 'per',
  'and', 'or', 'but', 'nor', 'so', 'yet', 'both', 'either', 'neither', 'also', 'further', 'furthermore', 'moreover',
  'additionally', 'similarly', 'likewise', 'indeed', 'notably', 'recently', 'finally', 'first', 'second', 'third',
  'later', 'earlier', 'while', 'whilst', 'although', 'though', 'because', 'if', 'when', 'where', 'whereas', 'unlike', 'like',
  'according', 'following', 'following', 'building', 'based', 'using', 'given', 'see', 'cf', 'compare', 'contrary',
  'meanwhile', 'instead', 'nonetheless', 'nevertheless', 'conversely', 'specifically', 'importantly', 'interestingly',
  'overall', 'consequently', 'accordingly', 'alternatively', 'now', 'today', 'note', 'even', 'still', 'only',
  'we', 'i', 'it', 'they', 'he', 'she', 'our', 'their', 'his', 'her', 'its', 'my', 'one', 'some', 'many', 'most',
  'several', 'other', 'others', 'such', 'each', 'every', 'all', 'any', 'no', 'not', 'what', 'which', 'who', 'whom', 'why', 'how',
  'table', 'figure', 'fig', 'section', 'chapter', 'appendix', 'equation', 'eq', 'source', 'sources', 'note', 'notes',
  'recent', 'previous', 'prior', 'early', 'work', 'works', 'study', 'studies', 'research', 'researchers', 'authors',
  'scholars', 'data', 'results', 'evidence', 'analysis', 'report', 'reports', 'paper', 'papers',
]);

const WORD_CHAR = /[\p{L}\p{M}\d'’.-]/u;
const UPPER_START = /^(?:\p{Lu}|(?:d['’]|[ae]l-|ul-)\p{Lu})/u;
const HAS_DIGIT = /\d/;
/** Words ending in a full stop that are initials or short titles ("J.", "A.-M.", "U.S.", "Jr.") rather than a sentence end. */
const ABBREVIATED = /^(?:\p{Lu}\.(?:-?\p{Lu}\.)*|\p{Lu}\p{Ll}?\.)$/u;

/** Is this word a capitalised name word ("Smith", "O'Connor", "al-Farsi", "J.") rather than prose? */
export function isNameWord(word: string): boolean {
  const first = word.charCodeAt(0);
  const upperStart = isAsciiCapital(first) || (mayStartUpper(first) && UPPER_START.test(word));
  if (!upperStart || HAS_DIGIT.test(word)) return false;
  const endsWithStop = word.endsWith('.');
  if (endsWithStop && !ABBREVIATED.test(word)) return false;
  return !NOT_NAME_WORDS.has((endsWithStop ? word.slice(0, -1) : word).toLowerCase());
}

/**
 * Whether UPPER_START can match a word starting with this code, which is not an ASCII capital. Most prose words start
 * with a small ASCII letter, and of those only "d'", "al-", "el-" and "ul-" can begin a name; other ASCII never can.
 */
function mayStartUpper(code: number): boolean {
  if (code >= 128) return true;
  return code === 100 /* d */ || code === 97 /* a */ || code === 101 /* e */ || code === 117 /* u */;
}

interface Token {
  start: number;
  end: number;
  text: string;
}

export interface AuthorPhrase extends AuthorNames {
  span: Span;
  /** The phrase as written, whitespace collapsed. */
  text: string;
}

/**
 * Finds the run of names that ends right before `before` (the position of a narrative citation's "("), or undefined.
 * `prose` is the masked text with decorations blanked; `masked` still has its line breaks, so a blank line stops the look.
 */
export function findAuthorPhraseBefore(prose: string, masked: string, before: number): AuthorPhrase | undefined {
  const tokens = new TokensBefore(prose, masked, before);
  const taken = takeAuthorTokens(tokens);
  if (taken === 0) return undefined;
  // Tokens are nearest first: the phrase is written from the last taken back to the first.
  let text = tokens.at(taken - 1)!.text;
  for (let i = taken - 2; i >= 0; i--) {
    const word = tokens.at(i)!.text;
    text += word === ',' ? word : ' ' + word;
  }
  // Tokens hold no white space and are joined by single spaces, so the phrase is collapsed already.
  const { authors, etAl, possessive } = readAuthorNames(text);
  return { authors, etAl, possessive, span: { start: tokens.at(taken - 1)!.start, end: tokens.at(0)!.end }, text };
}

/**
 * The words and connectors before a position, nearest first, up to a bounded number: read backwards only as far as
 * they are asked for, since most parentheses have no name, or a short one, before them.
 */
class TokensBefore {
  private readonly read: Token[] = [];
  private readonly limit: number;
  private pos: number;
  private ended = false;

  constructor(
    private readonly prose: string,
    private readonly masked: string,
    before: number,
  ) {
    this.limit = Math.max(0, before - MAX_PHRASE_CHARS);
    this.pos = before;
  }

  /** The token at index `i` (0 is the nearest), or undefined past the last one. */
  at(i: number): Token | undefined {
    while (this.read.length <= i && !this.ended) this.readNext();
    return this.read[i];
  }

  private readNext(): void {
    const { prose, masked, limit } = this;
    if (this.read.length >= MAX_PHRASE_WORDS * 2) {
      this.ended = true;
      return;
    }
    let pos = this.pos;
    let newlines = 0;
    while (pos > limit && isWhitespaceAt(prose, pos - 1)) {
      if (masked.charCodeAt(pos - 1) === 10 /* \n */ && ++newlines >= 2) {
        this.ended = true;
        return;
      }
      pos--;
    }
    const token = pos > limit ? tokenEndingAt(prose, masked, pos, limit) : undefined;
    if (!token) {
      this.ended = true;
      return;
    }
    this.read.push(token);
    this.pos = token.start;
  }
}

/** WORD_CHAR on one character, without a regular expression for ASCII. */
function isWordChar(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 39 /* ' */ || c === 46 /* . */ || c === 45 /* - */;
  return WORD_CHAR.test(text[at]);
}

function tokenEndingAt(prose: string, masked: string, end: number, limit: number): Token | undefined {
  const last = prose[end - 1];
  if (last === ',' || last === '&') return { start: end - 1, end, text: last };
  if (!isWordChar(prose, end - 1)) return undefined;
  let start = end;
  let text = '';
  for (;;) {
    let at = start;
    while (at > limit && isWordChar(prose, at - 1)) at--;
    text = prose.slice(at, start) + text;
    start = at;
    // A word hyphenated at a line break ("Arm-\nstrong") is one word.
    if (at - 2 > limit && masked[at - 1] === '\n' && prose[at - 2] === '-' && /\p{Ll}/u.test(text[0] ?? '')) {
      start = at - 2;
      continue;
    }
    break;
  }
  return { start, end, text };
}

/** How many of the tokens (nearest first) form the author phrase; 0 when they do not end in a name. */
function takeAuthorTokens(tokens: TokensBefore): number {
  let at = 0;
  let possessiveAllowed = true;
  if (isWord(tokens.at(at), 'al', 'al.') && isWord(tokens.at(at + 1), 'et', 'et.')) {
    at += 2;
    possessiveAllowed = false;
    if (isWord(tokens.at(at), ',')) at++;
  }
  const first = takeName(tokens, at, possessiveAllowed);
  if (first === at) return 0;
  at = first;
  let sawAnd = false;
  for (;;) {
    let next = at;
    const joinedByAnd = isWord(tokens.at(next), 'and', '&');
    if (joinedByAnd) {
      next++;
      if (isWord(tokens.at(next), ',')) next++;
    } else if (isWord(tokens.at(next), ',') && sawAnd) {
      next++;
    } else {
      // A list of names has "and" or "&" before its last name, so a comma nearest the parenthesis ends the phrase.
      return at;
    }
    const afterName = takeName(tokens, next, false);
    if (afterName === next) return at;
    sawAnd ||= joinedByAnd;
    at = afterName;
  }
}

/** Consumes one name (nearest word first) starting at token `at`; returns the index after it. */
function takeName(tokens: TokensBefore, at: number, possessiveAllowed: boolean): number {
  let taken = 0;
  let i = at;
  while (taken < MAX_NAME_WORDS) {
    const token = tokens.at(i);
    if (token === undefined) break;
    const word = token.text;
    const bare = possessiveAllowed && i === at ? withoutPossessive(word) : word;
    if (isNameWord(bare)) {
      i++;
      taken++;
    } else if (taken > 0 && PARTICLES.has(word)) {
      i++;
      taken++;
    } else if (taken > 0 && GROUP_NAME_WORDS.has(word) && groupNameContinues(tokens, i + 1)) {
      i++;
      taken++;
    } else {
      break;
    }
  }
  // A name never starts with a particle or a joining word alone: "de" in "made de Souza" is fine, "of" is not.
  while (i > at && GROUP_NAME_WORDS.has(tokens.at(i - 1)!.text)) i--;
  return i;
}

/** "of" and "for" join a group name only when a capitalised word precedes them ("Department of Justice"). */
function groupNameContinues(tokens: TokensBefore, at: number): boolean {
  let i = at;
  while (tokens.at(i) !== undefined && i < at + 2 && GROUP_NAME_WORDS.has(tokens.at(i)!.text)) i++;
  const next = tokens.at(i);
  return next !== undefined && isNameWord(next.text);
}

/** Is the token the word, or the alternative spelling when one is given? */
function isWord(token: Token | undefined, word: string, alternative = word): boolean {
  return token !== undefined && (token.text === word || token.text === alternative);
}
