// A source action that writes the reference list of the bibliography-file entries a document cites, formatted in the
// style and in APA order: a new "References" section at the end of a document without a typed list, or the cited entries
// a typed list lacks, each at its place. Nothing is removed. Markdown only: LaTeX prints its list with \printbibliography.

import type { Analysis } from '../index/analysis';
import { compareReferenceEntries } from '../style/rules/sortOrder';
import type { EntryRenderer } from './entryText';
import type { EditAction } from './addCitedEntry';
import { writesMarkdownList } from './addCitedEntry';
import { citedFileEntries, distinctEntries } from './citedFileEntries';
import { insertEntriesEdits, listHasWork } from './referenceListInsertion';
import { lineEndingOf, withLineEnding } from '../syntax/lineEndings';

export const INSERT_REFERENCES_TITLE = 'Insert a reference list of the cited works';
export const UPDATE_REFERENCES_TITLE = 'Update the reference list with the cited works it lacks';

export function generateReferences(analysis: Analysis, languageId: string, render: EntryRenderer): EditAction | undefined {
  if (!writesMarkdownList(languageId)) return undefined;
  const cited = distinctEntries(citedFileEntries(analysis));
  const list = analysis.facts.referenceList;
  if (!list) {
    if (cited.length === 0) return undefined;
    const text = analysis.text;
    const written = [...cited].sort(compareReferenceEntries).map(render);
    const end = text.length;
    const opening = text === '' ? '' : text.endsWith('\n') ? '\n' : '\n\n';
    const newText = withLineEnding(`${opening}## References\n\n${written.join('\n\n')}\n`, lineEndingOf(text));
    return { title: INSERT_REFERENCES_TITLE, edits: [{ span: { start: end, end }, newText }] };
  }
  // A list recognised without a heading may be a run of paragraphs that only look like entries: it is not written to.
  if (!list.heading) return undefined;
  const lacking = cited.filter((entry) => !listHasWork(list, entry));
  if (list.entries.length === 0 && lacking.length > 0) {
    const after = list.heading.span.end;
    const written = lacking.sort(compareReferenceEntries).map(render);
    const newText = withLineEnding(`\n\n${written.join('\n\n')}`, lineEndingOf(analysis.text));
    return { title: UPDATE_REFERENCES_TITLE, edits: [{ span: { start: after, end: after }, newText }] };
  }
  const edits = insertEntriesEdits(analysis.text, list, lacking.map((entry) => ({ entry, text: render(entry) })));
  return edits.length ? { title: UPDATE_REFERENCES_TITLE, edits } : undefined;
}
