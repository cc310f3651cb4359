// APA 7 entries give the author, the date, the title and the source. A missing author or date is already reported as
// `unparsed-entry`; this rule adds only the entry that stops after its date, with no title, source, DOI or URL, which
// is never a complete APA reference. An entry with a link at least says where the work is, so it is left alone, and
// entries with other problems are left to `unparsed-entry`.

import type { Analysis } from '../../index/analysis';
import { entryHead } from './spans';
import type { Finding } from './finding';
import { typedEntries } from './typedEntries';

export function entryPartsFindings(analysis: Analysis): Finding[] {
  return typedEntries(analysis)
    .filter((entry) => entry.problems.length === 0 && entry.date && !entry.title && !entry.container && !entry.doi && !entry.url)
    .map((entry) => ({
      span: entryHead(entry, analysis.text),
      message: 'This reference entry has no title after its date: an APA entry gives the author, date, title and source.',
    }));
}
