// Lines of a text with their offsets, found with indexOf. A line ends at "\n"; a "\r" before it belongs to the line
// break. A scan can split the whole text, or walk from the line around an offset to the next without splitting.

export interface Line {
  start: number;
  /** Exclusive, before "\r\n" or "\n". */
  end: number;
  text: string;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  for (let line: LineBounds | undefined = lineStartingAt(text, 0); line; line = nextLine(text, line)) {
    lines.push({ start: line.start, end: line.end, text: lineText(text, line) });
  }
  return lines;
}

/** A line: from `start` to `end` (before "\r\n" or "\n"), and where the next line starts (-1 after the last line). */
export interface LineBounds {
  start: number;
  end: number;
  next: number;
}

/** The line that holds the offset. */
export function lineAt(text: string, offset: number): LineBounds {
  const start = offset === 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
  return lineStartingAt(text, start);
}

/** The line after this one, if any. */
export function nextLine(text: string, line: LineBounds): LineBounds | undefined {
  return line.next < 0 ? undefined : lineStartingAt(text, line.next);
}

export function lineText(text: string, line: LineBounds): string {
  return text.slice(line.start, line.end);
}

/** Where the first line that starts at or after the offset starts, or -1 if there is none. */
export function startOfLineFrom(text: string, offset: number): number {
  if (offset === 0 || text.charCodeAt(offset - 1) === 10) return offset;
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? -1 : newline + 1;
}

function lineStartingAt(text: string, start: number): LineBounds {
  const newline = text.indexOf('\n', start);
  const lineEnd = newline < 0 ? text.length : newline;
  const end = lineEnd > start && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
  return { start, end, next: newline < 0 ? -1 : newline + 1 };
}

