// What a document says about its citation style, found once per version with its other facts: the CSL style its front
// matter names, its numeric citations and the numbers of its reference entries, and its author-page citations. The
// author-page citations are found with the scan of the prose, block by block (see incrementalScan.ts), and passed in.

import type { AuthorPageCitation, DocumentFacts, ReferenceList } from '../types';
import { findFrontMatterCsl } from './frontMatterCsl';
import { findNumberedEntries, findNumericCitations, numberedEntryLines } from '../syntax/numericCitations';

export type StyleFacts = Pick<DocumentFacts, 'cslStyle' | 'numericCitations' | 'numberedEntries' | 'authorPageCitations'>;

export function findStyleFacts(text: string, masked: string, referenceList: ReferenceList | undefined, authorPageCitations: AuthorPageCitation[]): StyleFacts {
  const entries = referenceList?.entries ?? [];
  return {
    cslStyle: findFrontMatterCsl(text),
    numericCitations: findNumericCitations(text, masked, numberedEntryLines(text, entries)),
    numberedEntries: findNumberedEntries(text, entries),
    authorPageCitations,
  };
}
