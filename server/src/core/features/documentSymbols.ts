// The outline of a document's reference list: the list (under its heading) with one child per entry.

import type { Analysis } from '../index/analysis';
import type { Span } from '../types';
import { citeEntry } from '../style/apa';

export interface OutlineSymbol {
  name: string;
  detail?: string;
  span: Span;
  /** The part to select when the symbol is chosen: the heading, or the entry's first line. */
  selection: Span;
  children?: OutlineSymbol[];
}

export function documentSymbols(analysis: Analysis): OutlineSymbol[] {
  const list = analysis.facts.referenceList;
  if (!list) return [];
  const text = analysis.text;
  const children = list.entries.map((entry) => {
    const lineEnd = text.indexOf('\n', entry.span.start);
    const selection = { start: entry.span.start, end: lineEnd < 0 || lineEnd > entry.span.end ? entry.span.end : lineEnd };
    const count = analysis.resolution.citeCount.get(entry.id) ?? 0;
    return { name: citeEntry(entry, 'narrative'), detail: `${entry.title ?? ''}${count === 0 ? ' · not cited' : ''}`.trim(), span: entry.span, selection };
  });
  const heading = list.heading;
  return [{ name: heading?.text.replace(/^[#\s*]+|[#\s*:]+$/g, '') || 'References', detail: `${list.entries.length} entries`, span: list.span, selection: heading?.span ?? children[0]?.selection ?? list.span, children }];
}
