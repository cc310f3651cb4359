// A line above each entry of a typed reference list saying how often the document cites it, so that an entry nothing
// cites stands out and the citations of one are a click away.

import type { Analysis } from '../index/analysis';
import { defaultCitationStyle, type CitationStyleId } from '../types';
import { entryCiteCounts } from './entryCiteCounts';

export interface CitationLens {
  /** Where the entry starts: the lens shows above that line and lists the citations of the entry there. */
  at: number;
  cited: number;
  title: string;
}

function citedTimes(count: number): string {
  if (count === 0) return 'not cited';
  return count === 1 ? 'cited once' : `cited ${count} times`;
}

export function citationLenses(analysis: Analysis, citationStyle: CitationStyleId = defaultCitationStyle): CitationLens[] {
  const citeCount = entryCiteCounts(analysis, citationStyle);
  return (analysis.facts.referenceList?.entries ?? []).map((entry) => {
    const cited = citeCount(entry.id);
    return { at: entry.span.start, cited, title: citedTimes(cited) };
  });
}
