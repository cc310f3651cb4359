// Where the lines of a text start, for turning offsets into LSP positions and back (convert.ts is the only user that
// speaks of positions). A TextDocument builds its own table a character at a time; in a fresh server, before that loop
// is compiled, this took longer for a long thesis than everything else of publishing its diagnostics, while finding
// the line breaks with indexOf takes a fraction of it. Positions follow TextDocument exactly: "\r\n", "\r" and "\n"
// end a line, and an offset inside a line break counts as the end of its line.

import type { Position } from 'vscode-languageserver';

const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;

function isLineBreak(code: number): boolean {
  return code === LINE_FEED || code === CARRIAGE_RETURN;
}

export class LineTable {
  /** The offset at which each line starts; the first is 0. */
  private readonly starts: number[];

  constructor(readonly text: string) {
    this.starts = lineStarts(text);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const at = Math.max(Math.min(offset, this.text.length), 0);
    // The last line starting at or before the offset.
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.starts[middle] > at) high = middle;
      else low = middle + 1;
    }
    const line = low - 1;
    const start = this.starts[line];
    return { line, character: this.beforeLineBreak(at, start) - start };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = this.starts[position.line];
    if (position.character <= 0) return start;
    const next = position.line + 1 < this.starts.length ? this.starts[position.line + 1] : this.text.length;
    return this.beforeLineBreak(Math.min(start + position.character, next), start);
  }

  /** Moves an offset inside or after a line's break back to where the line's text ends. */
  private beforeLineBreak(offset: number, lineStart: number): number {
    let at = offset;
    while (at > lineStart && isLineBreak(this.text.charCodeAt(at - 1))) at--;
    return at;
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  if (text.indexOf('\r') < 0) {
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === CARRIAGE_RETURN && text.charCodeAt(i + 1) === LINE_FEED) i++;
    if (isLineBreak(code)) starts.push(i + 1);
  }
  return starts;
}
