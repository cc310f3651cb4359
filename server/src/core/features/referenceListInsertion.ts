// Puts new entries into a typed reference list at the places APA order gives them, written like their neighbours: the
// text between two entries of the list (blank lines, a list marker) is copied between a new entry and the one beside it.
// Nothing of the list is moved or changed.

import type { ReferenceEntry, ReferenceList } from '../types';
import { compareOrder, compareReferenceEntries, entryOrderKey } from '../style/rules/sortOrder';
import type { TextEdit } from './codeActions';
import { lineEndingOf, withLineEnding } from '../syntax/lineEndings';

/** An entry to insert, and its text as it will be written (formatted in the style). */
export interface NewEntry {
  entry: ReferenceEntry;
  text: string;
}

/** What separates entries in a list that has only one: a blank line, as a Markdown paragraph needs. */
const DEFAULT_SEPARATOR = '\n\n';

function separatorOf(text: string, list: ReferenceList): string {
  const [first, second] = list.entries;
  return second ? text.slice(first.span.end, second.span.start) : DEFAULT_SEPARATOR;
}

/** The index of the typed entry a new entry goes before, or the length of the list when it goes last. */
function placeOf(entries: ReferenceEntry[], added: ReferenceEntry): number {
  const index = entries.findIndex((typed) => compareReferenceEntries(added, typed) < 0);
  return index < 0 ? entries.length : index;
}

/**
 * The edits that insert the entries, one edit per place (so that entries going to the same place keep their APA order
 * whatever order an editor applies edits at one offset in).
 */
export function insertEntriesEdits(text: string, list: ReferenceList, added: NewEntry[]): TextEdit[] {
  const entries = list.entries;
  if (entries.length === 0 || added.length === 0) return [];
  // The inserted text is written in the document's line ending, as the separator copied from the list already is.
  const lineEnding = lineEndingOf(text);
  const separator = withLineEnding(separatorOf(text, list), lineEnding);
  const byPlace = new Map<number, NewEntry[]>();
  for (const item of [...added].sort((a, b) => compareReferenceEntries(a.entry, b.entry))) {
    const place = placeOf(entries, item.entry);
    byPlace.set(place, [...(byPlace.get(place) ?? []), item]);
  }
  return [...byPlace].map(([place, items]) => {
    const written = items.map((item) => withLineEnding(item.text, lineEnding));
    // Before the first entry the new ones come first, each followed by the separator; elsewhere they follow an entry.
    if (place === 0) return { span: { start: entries[0].span.start, end: entries[0].span.start }, newText: written.map((w) => w + separator).join('') };
    const after = entries[place - 1].span.end;
    return { span: { start: after, end: after }, newText: written.map((w) => separator + w).join('') };
  });
}

/** Whether the typed list already has an entry for the work: the same authors, date and suffix, as APA orders them. */
export function listHasWork(list: ReferenceList | undefined, entry: ReferenceEntry): boolean {
  const key = entryOrderKey(entry);
  return !!key && !!list?.entries.some((typed) => {
    const typedKey = entryOrderKey(typed);
    return !!typedKey && compareOrder(typedKey, key) === 0;
  });
}
