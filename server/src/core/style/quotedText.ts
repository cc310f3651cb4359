// Whether a span of a document lies inside a quotation. A citation quoted from another work is reproduced as its
// author wrote it (APA 7, section 8.32), so the rules that ask for a citation to be reworded leave it alone.

import type { Span } from '../types';

/** How far back from a span the opening quotation mark is looked for; a longer quotation is not recognised. */
const QUOTATION_REACH = 3000;

const PARAGRAPH_BREAK = /\n[ \t]*\r?\n/g;

/**
 * Whether the span lies between an opening and a closing quotation mark of the same paragraph: curly double quotes
 * (“ ”), guillemets (« »), or straight double quotes ("), which pair up in the order they are written. A mark that is
 * never closed in its paragraph opens no quotation, since stray marks are more common than quotations across paragraphs.
 */
export function insideQuotation(text: string, span: Span): boolean {
  const { start, end } = paragraphAround(text, span);
  const before = text.slice(start, span.start);
  const after = text.slice(span.end, end);
  return opensBefore(before, '“', '”') && after.includes('”')
    || opensBefore(before, '«', '»') && after.includes('»')
    || countOf(before, '"') % 2 === 1 && after.includes('"');
}

function opensBefore(before: string, open: string, close: string): boolean {
  return before.lastIndexOf(open) > before.lastIndexOf(close);
}

function countOf(text: string, mark: string): number {
  let count = 0;
  for (let i = text.indexOf(mark); i >= 0; i = text.indexOf(mark, i + 1)) count++;
  return count;
}

/** The paragraph that holds the span, within the reach on either side. */
function paragraphAround(text: string, span: Span): Span {
  const from = Math.max(0, span.start - QUOTATION_REACH);
  const before = text.slice(from, span.start);
  let start = 0;
  for (const m of before.matchAll(PARAGRAPH_BREAK)) start = m.index! + m[0].length;
  const after = text.slice(span.end, Math.min(text.length, span.end + QUOTATION_REACH));
  const next = after.search(PARAGRAPH_BREAK);
  return { start: from + start, end: span.end + (next < 0 ? after.length : next) };
}
