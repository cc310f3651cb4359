// What a document says about its citation style, found once per version with its other facts: the CSL style its front
// matter names and the numbers of its reference entries. Its numeric citations are found with the scan of the document
// (and kept between versions when an edit cannot change them), its author-page citations when an author-page style
// first reads them (see documentFacts.ts and incrementalScan.ts).

import type { DocumentFacts, NumericCitation, ReferenceList } from '../types';
import { findFrontMatterCsl } from './frontMatterCsl';
import { findNumberedEntries, findNumericCitations, numberedEntryLines } from '../syntax/numericCitations';

export type StyleFacts = Pick<DocumentFacts, 'cslStyle' | 'numberedEntries'>;

export function findStyleFacts(text: string, referenceList: ReferenceList | undefined): StyleFacts {
  return {
    cslStyle: findFrontMatterCsl(text),
    numberedEntries: findNumberedEntries(text, referenceList?.entries ?? []),
  };
}

/** The numeric citations of the whole document, outside the lines of its reference entries. */
export function findDocumentNumericCitations(text: string, masked: string, referenceList: ReferenceList | undefined): NumericCitation[] {
  return findNumericCitations(text, masked, numberedEntryLines(text, referenceList?.entries ?? []));
}
