// How many entries a document sees (its typed list and its bibliography files) and how many of them it cites, for the
// editor's status bar.

import type { Analysis } from '../index/analysis';
import { defaultCitationStyle, type CitationStyleId } from '../types';
import { entryCiteCounts } from './entryCiteCounts';

export interface DocumentSummary {
  references: number;
  cited: number;
}

export function documentSummary(analysis: Analysis, citationStyle: CitationStyleId = defaultCitationStyle): DocumentSummary {
  const typed = analysis.facts.referenceList?.entries ?? [];
  const { bibliography, resolution } = analysis;
  const citeCount = entryCiteCounts(analysis, citationStyle);
  const isCited = (id: string) => citeCount(id) > 0;
  // "\nocite{*}" cites every entry of the files.
  const citedInFiles = resolution.citesAll ? bibliography.entries.length : bibliography.entries.filter((e) => isCited(e.id)).length;
  return { references: typed.length + bibliography.entries.length, cited: typed.filter((e) => isCited(e.id)).length + citedInFiles };
}
