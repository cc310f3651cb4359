// APA 7 sorts the reference list by first author, then co-authors, date and suffix (see sortOrder.ts). Only the first
// entry out of place is reported, naming the entry it belongs before; the fix sorts the whole list as the source action
// does (sortReferences.ts).

import type { Analysis } from '../../index/analysis';
import { citeEntry } from '../apa';
import { sortEntriesEdits, SORT_REFERENCES_TITLE } from '../../features/sortReferences';
import { compareOrder, entryOrderKey } from './sortOrder';
import { entryHead } from './spans';
import type { Finding, RuleFix } from './finding';
import { typedEntries } from './typedEntries';

export function listOrderFindings(analysis: Analysis): Finding[] {
  const entries = typedEntries(analysis);
  // An entry without a readable author or title cannot be placed; the others are still compared with each other.
  const keyed = entries.flatMap((entry) => {
    const key = entry.problems.length === 0 ? entryOrderKey(entry) : undefined;
    return key ? [{ entry, key }] : [];
  });
  for (let i = 1; i < keyed.length; i++) {
    if (compareOrder(keyed[i].key, keyed[i - 1].key) >= 0) continue;
    const misplaced = keyed[i];
    const before = keyed.find((other) => compareOrder(misplaced.key, other.key) < 0)!;
    const name = citeEntry(misplaced.entry, 'narrative');
    const edits = sortEntriesEdits(analysis.text, entries);
    const fix: RuleFix | undefined = edits.length ? { title: SORT_REFERENCES_TITLE, edits } : undefined;
    return [
      {
        span: entryHead(misplaced.entry, analysis.text),
        message: `The reference list is not in alphabetical order: ${name} should come before ${citeEntry(before.entry, 'narrative')}.`,
        related: [{ span: entryHead(before.entry, analysis.text), message: `${name} belongs before this entry` }],
        fix,
      },
    ];
  }
  return [];
}
