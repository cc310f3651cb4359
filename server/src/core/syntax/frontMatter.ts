// The front matter at the very top of a Markdown, Quarto or R Markdown document: YAML between "---" fences (closed by
// "---" or "..."), or TOML between "+++" fences. One reader, so that masking it, the bibliography files it names and
// the CSL style it names agree on where it is: a document that opens with "---" and never closes it has none (the line
// is a rule, and what follows is prose).

import { lineAt, lineText, nextLine, type Line, type LineBounds } from '../text/lines';

export interface FrontMatter {
  format: 'yaml' | 'toml';
  /** The lines between the fences. */
  lines: Line[];
  /** The end of the closing fence's line, before its line break. */
  end: number;
  /** Where the body starts: the line after the closing fence, or the end of the text. */
  bodyStart: number;
}

export function findFrontMatter(text: string): FrontMatter | undefined {
  const first = lineAt(text, 0);
  const format = isFence(text, first, '---') ? 'yaml' : isFence(text, first, '+++') ? 'toml' : undefined;
  if (!format) return undefined;
  const marker = format === 'yaml' ? '---' : '+++';
  // The closing fence is found before any line is kept, so that a long document opening with a rule makes no lines.
  let closing: LineBounds | undefined;
  for (let line = nextLine(text, first); line && !closing; line = nextLine(text, line)) {
    if (isFence(text, line, marker) || (format === 'yaml' && isFence(text, line, '...'))) closing = line;
  }
  if (!closing) return undefined;
  const lines: Line[] = [];
  for (let line = nextLine(text, first); line && line.start < closing.start; line = nextLine(text, line)) {
    lines.push({ start: line.start, end: line.end, text: lineText(text, line) });
  }
  return { format, lines, end: closing.end, bodyStart: closing.next < 0 ? text.length : closing.next };
}

/** A line that holds the marker at its start and nothing after it but blanks. */
function isFence(text: string, line: LineBounds, marker: string): boolean {
  if (!text.startsWith(marker, line.start)) return false;
  for (let i = line.start + marker.length; i < line.end; i++) {
    if (!/\s/u.test(text[i])) return false;
  }
  return true;
}
