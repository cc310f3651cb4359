// What a document says about its citation style, found once per version with its other facts: the CSL style its front
// matter names, its numeric citations and the numbers of its reference entries. Its author-page citations are found
// with the scan of the prose, when an author-page style first reads them (see documentFacts.ts).

import type { DocumentFacts, ReferenceList } from '../types';
import { findFrontMatterCsl } from './frontMatterCsl';
import { findNumberedEntries, findNumericCitations, numberedEntryLines } from '../syntax/numericCitations';

export type StyleFacts = Pick<DocumentFacts, 'cslStyle' | 'numericCitations' | 'numberedEntries'>;

export function findStyleFacts(text: string, masked: string, referenceList: ReferenceList | undefined): StyleFacts {
  const entries = referenceList?.entries ?? [];
  return {
    cslStyle: findFrontMatterCsl(text),
    numericCitations: findNumericCitations(text, masked, numberedEntryLines(text, entries)),
    numberedEntries: findNumberedEntries(text, entries),
  };
}
