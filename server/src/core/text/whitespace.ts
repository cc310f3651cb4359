// White space as the entry and name readers compare text: runs collapsed to one space, both ends trimmed.

/** White space that replacing runs of white space by one space would change: a character other than a plain space, or
 * two in a row. */
const NOT_SINGLE_SPACED = /[^\S ]|\s\s/u;
const WHITESPACE_RUNS = /\s+/gu;

/**
 * Runs of white space become one space and both ends are trimmed. Most text read here has at most white space at its
 * ends, so after trimming it is checked and returned as it is, without building a copy.
 */
export function collapseWhitespace(text: string): string {
  const trimmed = text.trim();
  return NOT_SINGLE_SPACED.test(trimmed) ? trimmed.replace(WHITESPACE_RUNS, ' ') : trimmed;
}

/** Whether a single character is white space in the sense of `\s` and `String.prototype.trim`. */
export function isWhitespace(ch: string): boolean {
  return isWhitespaceCode(ch.charCodeAt(0));
}

/** Whether the character is one that "\s" matches in a regular expression. */
export function isWhitespaceCode(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** `/\s/` on the character at `at`, without a regular expression. */
export function isWhitespaceAt(text: string, at: number): boolean {
  return isWhitespaceCode(text.charCodeAt(at));
}

/** Is `text` in [from, to) empty or only white space, as `text.slice(from, to).trim() === ''` would say? */
export function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isWhitespaceAt(text, i)) return false;
  return true;
}

/** The start of the run of white space that ends at `end`; `end` itself if there is none. */
export function whitespaceStartBefore(text: string, end: number): number {
  let at = end;
  while (at > 0 && isWhitespaceAt(text, at - 1)) at--;
  return at;
}

/** `text.replace(/\s+/g, ' ')`, returning `text` itself when it is already single-spaced. */
export function singleSpaced(text: string): string {
  return NOT_SINGLE_SPACED.test(text) ? text.replace(WHITESPACE_RUNS, ' ') : text;
}
