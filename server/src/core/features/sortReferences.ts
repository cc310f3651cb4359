// Sorting a typed reference list into APA order. Each entry keeps its text byte for byte and moves into the place of
// another; what lies between entries (blank lines, list markers, line endings) stays where it is, so only the order
// changes.

import type { Analysis } from '../index/analysis';
import type { ReferenceEntry } from '../types';
import { compareReferenceEntries, entryOrderKey } from '../style/rules/sortOrder';
import { repeatsPreviousAuthors } from '../syntax/referenceEntry';
import type { TextEdit } from './codeActions';

export const SORT_REFERENCES_TITLE = 'Sort the reference list in APA order';

/**
 * Whether the list must keep its order: a numbered list is in citation order (a numeric style), dashes stand for the
 * authors of the entry above, text between entries (annotations, headings) belongs to its neighbours, and an entry
 * whose author or date could not be read cannot be placed.
 */
function keepsItsOrder(text: string, entries: ReferenceEntry[]): boolean {
  const between = entries.slice(1).map((entry, i) => text.slice(entries[i].span.end, entry.span.start));
  if (between.some((gap) => /[\p{L}\p{N}]/u.test(gap))) return true;
  return entries.some((entry) => {
    const lineStart = text.lastIndexOf('\n', entry.span.start - 1) + 1;
    const numbered = /^\s*(?:>\s*)*(?:\d+[.)]|\[\d+\])\s*$/u.test(text.slice(lineStart, entry.span.start));
    return numbered || repeatsPreviousAuthors(entry.text) || entry.problems.length > 0 || !entryOrderKey(entry);
  });
}

/**
 * The edits that put the entries in APA order, each replacing the text of one entry with the text of the entry that
 * belongs in its place; none when the list is already in order or must keep its order.
 */
export function sortEntriesEdits(text: string, entries: ReferenceEntry[]): TextEdit[] {
  if (entries.length < 2 || keepsItsOrder(text, entries)) return [];
  const sorted = [...entries].sort(compareReferenceEntries);
  const edits: TextEdit[] = [];
  entries.forEach((entry, index) => {
    const moved = sorted[index];
    if (moved !== entry) edits.push({ span: entry.span, newText: text.slice(moved.span.start, moved.span.end) });
  });
  return edits;
}

/** The edits that sort the document's typed reference list, or none when it is in order. */
export function sortReferences(analysis: Analysis): TextEdit[] {
  return sortEntriesEdits(analysis.text, analysis.facts.referenceList?.entries ?? []);
}
