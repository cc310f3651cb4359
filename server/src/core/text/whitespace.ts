// White space as the entry and name readers compare text: runs collapsed to one space, both ends trimmed.

/** White space that collapsing would change: a character other than a plain space, two in a row, or one at an end. */
const UNCOLLAPSED = /[^\S ]|\s\s|^\s|\s$/u;

/**
 * Runs of white space become one space and both ends are trimmed. Most text read here is already in that form, so it
 * is checked first and returned as it is, without building a copy.
 */
export function collapseWhitespace(text: string): string {
  return UNCOLLAPSED.test(text) ? text.replace(/\s+/gu, ' ').trim() : text;
}

/** Whether a single character is white space in the sense of `\s` and `String.prototype.trim`. */
export function isWhitespace(ch: string): boolean {
  return ch === ' ' || WHITESPACE_CHARACTER.test(ch);
}

const WHITESPACE_CHARACTER = /^\s$/u;
