// Character tests and white-space functions for the prose citation readers. The common case (ASCII text, already
// single-spaced) allocates nothing: a text is tested before it is rewritten.

import { isWhitespaceCode } from '../text/whitespace';

const WHITE_SPACE_RUNS = /\s+/g;
/** White space that is not a lone " ": what replacing runs of white space by one space would change. */
const NOT_SINGLE_SPACED = /\s\s|[^\S ]/;

/** `/\s/` on the character at `at`, without a regular expression. */
export function isWhiteSpaceAt(text: string, at: number): boolean {
  return isWhitespaceCode(text.charCodeAt(at));
}

/** Is `text` in [from, to) empty or only white space, as `text.slice(from, to).trim() === ''` would say? */
export function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isWhiteSpaceAt(text, i)) return false;
  return true;
}

/** The first position of the character code in [from, to), or -1. */
export function indexWithin(text: string, code: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === code) return i;
  return -1;
}

/** `text.replace(/\s+/g, ' ')`, returning `text` itself when it is already single-spaced. */
export function singleSpaced(text: string): string {
  return NOT_SINGLE_SPACED.test(text) ? text.replace(WHITE_SPACE_RUNS, ' ') : text;
}

/** Is the character code an ASCII capital letter? */
export function isAsciiCapital(code: number): boolean {
  return code >= 65 && code <= 90;
}

/** `word` without one comma at its end. */
export function withoutTrailingComma(word: string): string {
  return word.charCodeAt(word.length - 1) === 44 /* , */ ? word.slice(0, -1) : word;
}
