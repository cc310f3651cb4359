// Numeric citations and numbered reference entries. In the prose: "[1]", "[2, 5]", "[2,5,7]", "[1–3]", "[1]-[3]",
// "[4, p. 7]" and Markdown superscripts "^1^", "^1,2^", "^1-3^". In the list: the number that opens an entry's line,
// "1. ", "[1] " or "(1) ". Whether these are citations at all is up to the citation style; this file only finds them.

import type { CitedNumbers, NumberedEntry, NumericCitation, ReferenceEntry, Span } from '../types';
import { insideSortedSpans } from '../text/sortedSpans';

/** Entry numbers have at most three digits; a four-digit number in brackets is a year or something else. */
const NUMBER = String.raw`\d{1,3}`;
const DASH = '[-–—]';
const ITEM = String.raw`${NUMBER}(?:\s*${DASH}\s*${NUMBER})?`;
/** A page or part after the numbers, as IEEE writes it: "[4, p. 7]", "[2, Fig. 3]". */
const LOCATOR = String.raw`,\s*(?:pp?|ch|sec|fig|eq|para|vol)\.\s*[\w–-]{1,12}`;
const BRACKETED = new RegExp(String.raw`\[[ \t]*(${ITEM}(?:\s*[,;]\s*${ITEM})*)(?:${LOCATOR})?[ \t]*\]`, 'giu');
/** "-[3]" after "[1]": the end of the range "[1]-[3]" (sticky, read where the first bracket ends). */
const BRACKETED_RANGE_END = new RegExp(String.raw`[ \t]*${DASH}[ \t]*\[(${NUMBER})\]`, 'y');
/** Pandoc superscripts hold no spaces. */
const SUPERSCRIPT = new RegExp(String.raw`\^(${NUMBER}(?:${DASH}${NUMBER})?(?:,${NUMBER}(?:${DASH}${NUMBER})?)*)\^`, 'gu');
const ITEMS = new RegExp(ITEM, 'gu');
/** A range longer than this is a typo or no citation, and would make every number in it cited. */
const LONGEST_RANGE = 100;

/**
 * Numeric citations in the masked prose, outside the skipped spans (the reference list's entries with their markers).
 * Brackets that Markdown reads otherwise are left out: a link "[1](url)", a reference link "[text][1]" or "[1][ref]",
 * a link definition "[1]: url", a wiki link "[[1]]", an attribute span "[1]{.x}", and an index written against a word
 * ("a[1]"); so is "[1][2]", which cannot be told from a reference link. Footnotes "[^1]" and task boxes "[ ]" never
 * match.
 */
export function findNumericCitations(text: string, masked: string, skip: Span[]): NumericCitation[] {
  const found: NumericCitation[] = [];
  // The end of the last citation, so that the "[3]" of "[1]-[3]" is not found again on its own.
  let consumed = 0;
  for (const match of masked.matchAll(BRACKETED)) {
    const start = match.index!;
    let end = start + match[0].length;
    if (start < consumed || insideSortedSpans(skip, start) || readsAsMarkdownLink(text, start, end)) continue;
    const contentStart = start + match[0].indexOf(match[1]);
    let items = itemsIn(match[1], contentStart);
    BRACKETED_RANGE_END.lastIndex = end;
    const rangeEnd = items?.length === 1 && items[0].first === items[0].last ? BRACKETED_RANGE_END.exec(masked) : null;
    if (items && rangeEnd && !readsAsMarkdownLink(text, end + rangeEnd[0].indexOf('['), end + rangeEnd[0].length)) {
      const last = Number(rangeEnd[1]);
      const lastEnd = end + rangeEnd[0].length - 1;
      items = isRange(items[0].first, last) ? [{ first: items[0].first, last, span: { start: items[0].span.start, end: lastEnd } }] : undefined;
      end += rangeEnd[0].length;
    }
    if (items) found.push({ span: { start, end }, superscript: false, items });
    consumed = end;
  }
  for (const match of masked.matchAll(SUPERSCRIPT)) {
    const start = match.index!;
    const before = masked[start - 1] ?? '';
    // "10^3^" is a power and "[^1^" the start of a footnote, not a citation.
    if (/[\d[^\\]/.test(before) || isUnitPower(masked, start) || insideSortedSpans(skip, start)) continue;
    const items = itemsIn(match[1], start + 1);
    if (items) found.push({ span: { start, end: start + match[0].length }, superscript: true, items });
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

/** A unit after a number or a slash ("12 km", "µg/m"), or a lone lower-case letter, a variable ("x"). */
const UNIT_OR_VARIABLE_BEFORE = /(?:(?:\d[ \t]?|\/)\p{L}{1,2}|(?<![\p{L}\p{M}\p{N}])\p{Ll})$/u;

/**
 * Whether the superscript at `caret` is a power of a unit or a variable ("40 µg/m^3^", "12 km^2^", "x^2^") rather than
 * a citation: citations follow the words of a claim ("cities^1^", "Wu^2^", "the US^3^").
 */
function isUnitPower(masked: string, caret: number): boolean {
  return UNIT_OR_VARIABLE_BEFORE.test(masked.slice(Math.max(0, caret - 4), caret));
}

/** The numbers and ranges of a citation's content, or nothing when a range runs backwards or too far. */
function itemsIn(content: string, contentStart: number): CitedNumbers[] | undefined {
  const items: CitedNumbers[] = [];
  for (const match of content.matchAll(ITEMS)) {
    const [first, last = first] = match[0].split(new RegExp(`\\s*${DASH}\\s*`)).map(Number);
    if (!isRange(first, last) || first === 0) return undefined;
    const start = contentStart + match.index!;
    items.push({ first, last, span: { start, end: start + match[0].length } });
  }
  return items.length ? items : undefined;
}

function isRange(first: number, last: number): boolean {
  return last >= first && last - first <= LONGEST_RANGE;
}

function readsAsMarkdownLink(text: string, open: number, close: number): boolean {
  const before = text[open - 1] ?? '';
  const after = text[close] ?? '';
  if (/[\p{L}\p{N}_\]![]/u.test(before)) return true;
  if (after === '(' || after === '{' || after === ']' || after === '[') return true;
  return after === ':' && (open === 0 || text[open - 1] === '\n' || /\n[ \t]{0,3}$/.test(text.slice(Math.max(0, open - 4), open)));
}


/** Markers are read only this far into a line, past blockquote markers and indentation. */
const MARKER_REACH = 40;
/** "1. ", "1) ", "[1] ", "(1) " after blockquote markers and indentation, up to where the entry's text starts. */
const ENTRY_MARKER = /^(?:[ \t]{0,3}>[ \t]?)*[ \t]*(?:(\d{1,3})[.)]|\[(\d{1,3})\]|\((\d{1,3})\))[ \t]+$/;

/** The entries whose line opens with a number, with the number; an entry's own span starts after its marker. */
export function findNumberedEntries(text: string, entries: ReferenceEntry[]): NumberedEntry[] {
  const numbered: NumberedEntry[] = [];
  for (const entry of entries) {
    const lineStart = text.lastIndexOf('\n', entry.span.start - 1) + 1;
    if (entry.span.start - lineStart > MARKER_REACH) continue;
    const marker = ENTRY_MARKER.exec(text.slice(lineStart, entry.span.start));
    if (!marker) continue;
    const digits = marker[1] ?? marker[2] ?? marker[3];
    const markerText = marker[0].trimEnd();
    const numberStart = lineStart + markerText.lastIndexOf(digits);
    const markerStart = marker[1] ? numberStart : numberStart - 1;
    numbered.push({
      entryId: entry.id,
      number: Number(digits),
      numberSpan: { start: numberStart, end: numberStart + digits.length },
      markerSpan: { start: markerStart, end: lineStart + markerText.length },
    });
  }
  return numbered;
}

/** Where each numbered entry's line starts: the spans no numeric citation is looked for in. */
export function numberedEntryLines(text: string, entries: ReferenceEntry[]): Span[] {
  return entries.map((entry) => ({ start: text.lastIndexOf('\n', entry.span.start - 1) + 1, end: entry.span.end }));
}
