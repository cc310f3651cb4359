// The facts of one document version: its citations, its reference list and the abbreviations it defines. Computed once
// per version (see analysis.ts) and read by every feature, which never scans the text again.

import type { DocumentFacts, Problem } from '../types';
import { documentLanguageOf, maskNonProse } from '../syntax/mask';
import { findProseCitations } from '../syntax/proseCitations';
import { findReferenceList } from '../syntax/referenceList';
import { findKeyedCitations, keyedLanguageOf } from '../syntax/keyedCitations';
import { findBibliographyReferences } from '../syntax/bibliographyReferences';

export function computeFacts(text: string, languageId: string, version: number): DocumentFacts {
  const language = documentLanguageOf(languageId);
  const masked = maskNonProse(text, language);
  const referenceList = findReferenceList(text, masked, language);
  // Only the entries are skipped, not the whole list: an annotated bibliography cites other works between its entries.
  const skip = referenceList ? referenceList.entries.map((e) => e.span) : [];
  const { citations, abbreviations } = findProseCitations(masked, skip);
  const keyedLanguage = keyedLanguageOf(languageId);
  const keyedCitations = findKeyedCitations(text, masked, keyedLanguage);
  const bibliographies = findBibliographyReferences(text, keyedLanguage);
  const problems: Problem[] = [];
  if (referenceList) for (const entry of referenceList.entries) problems.push(...entry.problems);
  return { version, citations, keyedCitations, bibliographies, referenceList, abbreviations, problems };
}
