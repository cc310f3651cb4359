// Landmarks found with indexOf instead of a pass over every line or character: the next place one of a few strings
// occurs, and the line around an offset. A scan that only cares about rare markup jumps from one to the next.

/** The next occurrence of any of a few strings, asked for at positions that mostly increase. */
export class NextOccurrences {
  /** Per string, where it was last looked for and where it was found then (-1: nowhere after). */
  private readonly askedFrom: number[];
  private readonly foundAt: number[];

  constructor(
    private readonly text: string,
    private readonly needles: readonly string[],
  ) {
    this.askedFrom = needles.map(() => Infinity);
    this.foundAt = needles.map(() => -1);
  }

  /** The first offset at or after `position` where one of the strings starts, or -1. */
  from(position: number): number {
    let first = -1;
    for (let k = 0; k < this.needles.length; k++) {
      // An earlier answer still holds if it was asked from no later and found no earlier than this position.
      const known = this.askedFrom[k] <= position && (this.foundAt[k] < 0 || this.foundAt[k] >= position);
      if (!known) {
        this.askedFrom[k] = position;
        this.foundAt[k] = this.text.indexOf(this.needles[k], position);
      }
      const at = this.foundAt[k];
      if (at >= 0 && (first < 0 || at < first)) first = at;
    }
    return first;
  }
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
