// The line ending a document is written with, so that the text an action inserts uses it too: a "\n" written into a
// CRLF document leaves it with mixed line endings, and a "\r" left inside an edit's text splits a line break in two.

export type LineEnding = '\n' | '\r\n';

/** The document's line ending: that of its first line break, or "\n" when it has none. */
export function lineEndingOf(text: string): LineEnding {
  const first = text.indexOf('\n');
  return first > 0 && text[first - 1] === '\r' ? '\r\n' : '\n';
}

/** Text composed with "\n" line breaks, written with the given line ending instead. */
export function withLineEnding(composed: string, lineEnding: LineEnding): string {
  return lineEnding === '\n' ? composed : composed.replace(/\r?\n/g, '\r\n');
}

/** The length of the line break that starts at the offset: 2 for CRLF, 1 for LF, 0 when none does. */
export function lineBreakLength(text: string, offset: number): number {
  if (text.startsWith('\r\n', offset)) return 2;
  return text[offset] === '\n' ? 1 : 0;
}
