// How often a document cites each entry, counted the way its citation style cites: by number in a numeric style, by
// author and page (or author and date) in an author-page style, by author and date or key otherwise. Hover, the code
// lenses, the Citations view and the status bar all count through here so that they never disagree.

import type { Analysis } from '../index/analysis';
import { defaultCitationStyle, type CitationStyleId } from '../types';
import { styleOf } from '../style/citationStyles';
import { matchNumericCitations } from '../style/numericMatching';
import { worksCitedCounts } from '../style/authorPageMatching';

/** The number of citations of an entry, by entry id; 0 for an entry nothing cites. */
export type CiteCount = (entryId: string) => number;

export function entryCiteCounts(analysis: Analysis, citationStyle: CitationStyleId = defaultCitationStyle): CiteCount {
  const citations = styleOf(analysis.facts, citationStyle).citations;
  if (citations === 'numeric') {
    const matching = matchNumericCitations(analysis.facts);
    const numberOf = new Map((analysis.facts.numberedEntries ?? []).map((numbered) => [numbered.entryId, numbered.number]));
    return (entryId) => {
      const number = numberOf.get(entryId);
      return number === undefined ? 0 : matching.citeCount.get(number) ?? 0;
    };
  }
  const counts = citations === 'author-page' ? worksCitedCounts(analysis) : analysis.resolution.citeCount;
  return (entryId) => counts.get(entryId) ?? 0;
}
