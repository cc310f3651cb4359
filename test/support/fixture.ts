// Data-driven fixtures: marker lines under a line of text point at ranges (^^^) and cursors (|) so that no test counts
// columns by hand. A line made only of spaces and '|', '^' or '!' is a marker line and is removed from the text.
// '!' marks a range that must NOT be found (a near miss). "//- /name.md" starts a new file in a multi-file fixture.

export interface MarkedSpan {
  start: number;
  end: number;
}

export interface Fixture {
  text: string;
  /** Ranges marked with '^', in document order. */
  ranges: MarkedSpan[];
  /** Ranges marked with '!', in document order. */
  negatives: MarkedSpan[];
  /** Offsets marked with '|', in document order. */
  cursors: number[];
}

const MARKER_LINE = /^[ |^!]*[|^!][ |^!]*$/;

export function parseFixture(source: string): Fixture {
  const lines = source.split('\n');
  const kept: string[] = [];
  const ranges: MarkedSpan[] = [];
  const negatives: MarkedSpan[] = [];
  const cursors: number[] = [];
  let offset = 0; // offset of the start of the current kept line
  let lastLineStart = -1;
  for (const line of lines) {
    if (MARKER_LINE.test(line) && lastLineStart >= 0) {
      for (const [marker, target] of [['^', ranges], ['!', negatives]] as const) {
        for (let i = 0; i < line.length; i++) {
          if (line[i] !== marker) continue;
          let j = i;
          while (j < line.length && line[j] === marker) j++;
          target.push({ start: lastLineStart + i, end: lastLineStart + j });
          i = j - 1;
        }
      }
      for (let i = 0; i < line.length; i++) if (line[i] === '|') cursors.push(lastLineStart + i);
      continue;
    }
    kept.push(line);
    lastLineStart = offset;
    offset += line.length + 1;
  }
  const byStart = (a: MarkedSpan, b: MarkedSpan) => a.start - b.start;
  return { text: kept.join('\n'), ranges: ranges.sort(byStart), negatives: negatives.sort(byStart), cursors: cursors.sort((a, b) => a - b) };
}

/** Splits a multi-file fixture at lines "//- /name". */
export function parseFiles(source: string): Map<string, Fixture> {
  const files = new Map<string, Fixture>();
  const parts = source.split(/^\/\/- (\S+)\n/m);
  for (let i = 1; i + 1 < parts.length; i += 2) files.set(parts[i], parseFixture(parts[i + 1]));
  return files;
}

/** Removes the common indentation of a template literal so fixtures can be indented in test code. */
export function dedent(source: string): string {
  const lines = source.replace(/^\n/, '').replace(/\n[ \t]*$/, '').split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length);
  const common = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(common)).join('\n');
}

/** The text at a span, for readable assertion messages. */
export function slice(text: string, span: MarkedSpan): string {
  return text.slice(span.start, span.end);
}
