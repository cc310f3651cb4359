// Reads a LaTeX `thebibliography` environment, typed by hand or pasted from a .bbl file, as the document's reference
// list: each `\bibitem[label]{key}` starts an entry that keeps its key, so keyed citations resolve against it too.

import type { ReferenceEntry, ReferenceList } from '../types';
import { latexToUnicode } from './bib/latexText';
import { parseReferenceEntry } from './referenceEntry';

const BEGIN = '\\begin{thebibliography}';
const END = '\\end{thebibliography}';
/** `\bibitem`, an optional `[label]` (which may hold one level of braces) and the `{key}`. */
const BIBITEM = /\\bibitem\s*(?:\[(?:[^\][{}]|\{[^{}]*\})*\])?\s*\{([^{}\s]*)\}/g;

/** The entry's words without LaTeX: `\newblock` separates parts of an entry, `{\em ...}` marks emphasis. */
function plainText(latex: string): string {
  return latexToUnicode(latex.replace(/\\newblock\b/g, ' ').replace(/\{\\(?:em|it|bf|sc)\s+/g, '{'));
}

/** Finds the environment in the masked text (so that a commented-out one is ignored) and reads its entries. */
export function findLatexBibliography(text: string, masked: string): ReferenceList | undefined {
  const begin = masked.indexOf(BEGIN);
  if (begin < 0) return undefined;
  const endAt = masked.indexOf(END, begin);
  const end = endAt < 0 ? masked.length : endAt;
  const items: { start: number; key: string; keyStart: number; bodyStart: number }[] = [];
  BIBITEM.lastIndex = begin;
  for (let m = BIBITEM.exec(masked); m && m.index < end; m = BIBITEM.exec(masked)) {
    const keyStart = m.index + m[0].lastIndexOf('{') + 1;
    items.push({ start: m.index, key: m[1], keyStart, bodyStart: m.index + m[0].length });
  }
  const entries: ReferenceEntry[] = items.map((item, i) => {
    const bodyEnd = i + 1 < items.length ? items[i + 1].start : end;
    let entryEnd = bodyEnd;
    while (entryEnd > item.bodyStart && /\s/.test(text[entryEnd - 1])) entryEnd--;
    const span = { start: item.start, end: entryEnd };
    const entry = parseReferenceEntry(plainText(text.slice(item.bodyStart, entryEnd)), span, `entry-${i}`);
    // Spans found inside the decoded text do not map back onto the LaTeX, so problems point at the whole entry.
    entry.problems = entry.problems.map((p) => ({ ...p, span }));
    if (item.key) {
      entry.key = item.key;
      entry.keySpan = { start: item.keyStart, end: item.keyStart + item.key.length };
    }
    return entry;
  });
  if (entries.length === 0) return undefined;
  return { heading: { span: { start: begin, end: begin + BEGIN.length }, text: 'thebibliography' }, span: { start: begin, end: endAt < 0 ? end : end + END.length }, entries };
}
