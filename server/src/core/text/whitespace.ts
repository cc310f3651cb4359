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
