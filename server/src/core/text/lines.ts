// Splits text into lines with their offsets. A line ends at "\n"; a "\r" before it belongs to the line break.

export interface Line {
  start: number;
  /** Exclusive, before "\r\n" or "\n". */
  end: number;
  text: string;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    const lineEnd = newline < 0 ? text.length : newline;
    const end = lineEnd > start && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    lines.push({ start, end, text: text.slice(start, end) });
    if (newline < 0) return lines;
    start = newline + 1;
  }
}
