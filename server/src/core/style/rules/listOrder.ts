// APA 7 sorts the reference list by first author, then co-authors, date and suffix (see sortOrder.ts). Only the first
// entry out of place is reported, naming the entry it belongs before; the fix sorts the whole list as the source action
// does (sortReferences.ts). A list divided by headings into sections ("Primary sources", "Software") is sorted within
// each section, as annotated bibliographies and Chicago's bibliographies by subject are.

import type { Analysis } from '../../index/analysis';
import { citeEntry } from '../apa';
import { sortEntriesEdits, SORT_REFERENCES_TITLE } from '../../features/sortReferences';
import { compareOrder, entryOrderKey } from './sortOrder';
import { entryHead } from './spans';
import type { Finding, RuleFix } from './finding';
import { typedEntries } from './typedEntries';
import type { ReferenceEntry } from '../../types';

export function listOrderFindings(analysis: Analysis): Finding[] {
  const entries = typedEntries(analysis);
  // An entry without a readable author or title cannot be placed; the others are still compared with each other.
  const section = sectionNumbers(analysis.text, entries);
  const keyed = entries.flatMap((entry, i) => {
    const key = entry.problems.length === 0 ? entryOrderKey(entry) : undefined;
    return key ? [{ entry, key, section: section[i] }] : [];
  });
  for (let i = 1; i < keyed.length; i++) {
    const misplaced = keyed[i];
    if (misplaced.section !== keyed[i - 1].section || compareOrder(misplaced.key, keyed[i - 1].key) >= 0) continue;
    const before = keyed.find((other) => other.section === misplaced.section && compareOrder(misplaced.key, other.key) < 0)!;
    const name = citeEntry(misplaced.entry, 'narrative');
    const finding: Finding = {
      span: entryHead(misplaced.entry, analysis.text),
      message: `The reference list is not in alphabetical order: ${name} should come before ${citeEntry(before.entry, 'narrative')}.`,
      related: [{ span: entryHead(before.entry, analysis.text), message: `${name} belongs before this entry` }],
    };
    const { text } = analysis;
    return [{ ...finding, makeFix: () => sortFix(text, entries) }];
  }
  return [];
}

/** The fix that sorts the whole list, or none when the list must keep its order. */
function sortFix(text: string, entries: ReferenceEntry[]): RuleFix | undefined {
  const edits = sortEntriesEdits(text, entries);
  return edits.length ? { title: SORT_REFERENCES_TITLE, edits } : undefined;
}

/** A heading line: Markdown's "## Software", LaTeX's "\subsection*{Software}", Typst's "== Software". */
const HEADING_LINE = /^(?:[ \t]{0,3}#{1,6}[ \t]+\S|[ \t]*\\(?:sub)*section\*?[{[]|[ \t]*=+[ \t]+\S)/m;

/** The section of each entry: a heading between two entries starts a new one. */
function sectionNumbers(text: string, entries: ReferenceEntry[]): number[] {
  let section = 0;
  return entries.map((entry, i) => {
    if (i > 0 && HEADING_LINE.test(text.slice(entries[i - 1].span.end, entry.span.start))) section++;
    return section;
  });
}
