// White space as the entry and name readers compare text: runs collapsed to one space, both ends trimmed.

/** White space inside a trimmed text that collapsing would change: a character other than a plain space, or two in a row. */
const UNCOLLAPSED = /[^\S ]|\s\s/u;

/**
 * Runs of white space become one space and both ends are trimmed. Most text read here has at most white space at its
 * ends, so after trimming it is checked and returned as it is, without building a copy.
 */
export function collapseWhitespace(text: string): string {
  const trimmed = text.trim();
  return UNCOLLAPSED.test(trimmed) ? trimmed.replace(/\s+/gu, ' ') : trimmed;
}

/** Whether a single character is white space in the sense of `\s` and `String.prototype.trim`. */
export function isWhitespace(ch: string): boolean {
  const code = ch.charCodeAt(0);
  // Printable ASCII is never white space; only the rest needs the pattern.
  if (code > 32 && code < 127) return false;
  return ch === ' ' || WHITESPACE_CHARACTER.test(ch);
}

const WHITESPACE_CHARACTER = /^\s$/u;
