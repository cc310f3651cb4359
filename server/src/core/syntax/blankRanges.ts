// The ranges of a text that masking blanks, collected by its passes and applied in one copy at the end. Copying every
// character into an array, writing spaces into it and building the string back cost more than all the passes together
// on a long document, where the ranges to blank are few.

import type { Span } from '../types';
import { sortedByStart } from '../text/sortedSpans';

/** Ranges to blank, added in any order; they may overlap. */
export class BlankRanges {
  private readonly ranges: Span[] = [];

  add(start: number, end: number): void {
    if (end > start) this.ranges.push({ start, end });
  }

  /**
   * Whether an offset lies in one of the ranges added so far (not in those added later), asked for offsets in
   * increasing order: one walk through the ranges sorted by start answers all the questions.
   */
  coverage(): (offset: number) => boolean {
    const sorted = sortedByStart(this.ranges);
    // The ranges so far: when they were sorted already, ranges added later go to the end of the same array.
    const count = sorted.length;
    let next = 0;
    let coveredUntil = 0;
    return (offset) => {
      while (next < count && sorted[next].start <= offset) coveredUntil = Math.max(coveredUntil, sorted[next++].end);
      return offset < coveredUntil;
    };
  }

  /** The text with every character in a range replaced by a space, except line breaks, so that offsets stay the same. */
  applyTo(text: string): string {
    if (this.ranges.length === 0) return text;
    const parts: string[] = [];
    let kept = 0;
    for (const { start, end } of sortedByStart(this.ranges)) {
      const from = Math.max(start, kept);
      const to = Math.min(end, text.length);
      if (to <= from) continue;
      if (from > kept) parts.push(text.slice(kept, from));
      parts.push(spacesKeepingLineBreaks(text, from, to));
      kept = to;
    }
    if (kept < text.length) parts.push(text.slice(kept));
    return parts.join('');
  }
}

function spacesKeepingLineBreaks(text: string, start: number, end: number): string {
  const blanked = text.slice(start, end);
  // Most ranges (a URL, an inline code span) hold no line break.
  if (!blanked.includes('\n') && !blanked.includes('\r')) return ' '.repeat(blanked.length);
  return blanked.replace(/[^\r\n]/g, ' ');
}
