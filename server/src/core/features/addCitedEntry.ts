// An action on a citation of a bibliography-file entry in a document that also has a typed reference list: the entry is
// missing from that list, so offer to write it there, formatted in the style, at its place in APA order.

import type { Analysis } from '../index/analysis';
import type { Span } from '../types';
import { citeEntry } from '../style/apa';
import { overlaps } from '../style/rules/spans';
import { documentLanguageOf } from '../syntax/mask';
import type { EntryRenderer } from './entryText';
import type { TextEdit } from './codeActions';
import { citedFileEntries } from './citedFileEntries';
import { insertEntriesEdits, listHasWork } from './referenceListInsertion';

export interface EditAction {
  title: string;
  edits: TextEdit[];
}

/** Only Markdown lists are written to: the formatted entry is Markdown, with its title in *italics*. */
export function writesMarkdownList(languageId: string): boolean {
  return documentLanguageOf(languageId) === 'markdown';
}

export function addCitedEntryActions(analysis: Analysis, range: Span, languageId: string, render: EntryRenderer): EditAction[] {
  const list = analysis.facts.referenceList;
  if (!list || list.entries.length === 0 || !writesMarkdownList(languageId)) return [];
  const offered = new Set<string>();
  const actions: EditAction[] = [];
  for (const { entry, span } of citedFileEntries(analysis)) {
    if (!overlaps(span, range) || offered.has(entry.id) || listHasWork(list, entry)) continue;
    offered.add(entry.id);
    const edits = insertEntriesEdits(analysis.text, list, [{ entry, text: render(entry) }]);
    actions.push({ title: `Add ${citeEntry(entry, 'narrative')} to the reference list`, edits });
  }
  return actions;
}
