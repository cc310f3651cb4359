// The facts of one document version: its citations, its reference list and the abbreviations it defines. Computed once
// per version (see analysis.ts) and read by every feature, which never scans the text again.

import type { DocumentFacts, Problem } from '../types';
import { documentLanguageOf, maskNonProse } from '../syntax/mask';
import { findProseCitations } from '../syntax/proseCitations';
import { findReferenceList } from '../syntax/referenceList';
import { looksLikeReferenceEntry } from '../syntax/referenceEntry';
import { findBareMentions } from '../syntax/bareMentions';
import { findLatexBibliography } from '../syntax/latexBibliography';
import { findKeyedCitations, keyedLanguageOf } from '../syntax/keyedCitations';
import { findBibliographyReferences } from '../syntax/bibliographyReferences';

export function computeFacts(text: string, languageId: string, version: number): DocumentFacts {
  const language = documentLanguageOf(languageId);
  const masked = maskNonProse(text, language);
  const referenceList = (language === 'latex' ? findLatexBibliography(text, masked) : undefined) ?? findReferenceList(text, masked, language);
  // Only the entries are skipped, not the whole list: an annotated bibliography cites other works between its entries.
  const skip = referenceList ? referenceList.entries.map((e) => e.span) : [];
  const scan = findProseCitations(masked, skip);
  const found = scan.citations.filter((c) => !(masked[c.span.end] === '.' && opensEntryLikeLine(masked, c.span.start)));
  const bare = findBareMentions(masked, referenceList?.entries ?? [], [...skip, ...found.map((c) => c.span)]);
  const citations = bare.length ? [...found, ...bare].sort((a, b) => a.span.start - b.span.start) : found;
  const abbreviations = scan.abbreviations;
  const keyedLanguage = keyedLanguageOf(languageId);
  const keyedCitations = findKeyedCitations(text, masked, keyedLanguage);
  const bibliographies = findBibliographyReferences(text, keyedLanguage);
  const problems: Problem[] = [];
  if (referenceList) for (const entry of referenceList.entries) problems.push(...entry.problems);
  return { version, citations, keyedCitations, bibliographies, referenceList, abbreviations, problems };
}

/** How far into a line a citation may start and still be the head of a reference entry ("Doe, John (2000). Title."). */
const ENTRY_HEAD = 80;
/** How much of the line is read to decide. */
const ENTRY_LOOK = 400;

/**
 * Whether a citation is the author and date at the start of a line that reads as a reference entry, such as a sample
 * entry in a list outside the reference list ("\\item Doe, John (2000). \\emph{Book}."): that is no citation. The caller
 * only asks for citations followed by a period, as an entry's date is.
 */
function opensEntryLikeLine(masked: string, offset: number): boolean {
  // Both looks are bounded, so that a document of one long line stays linear.
  const before = masked.slice(Math.max(0, offset - ENTRY_HEAD - 1), offset);
  const newline = before.lastIndexOf('\n');
  if (newline < 0 && offset > ENTRY_HEAD) return false;
  const lineStart = newline < 0 ? offset - before.length : offset - before.length + newline + 1;
  const head = masked.slice(lineStart, lineStart + ENTRY_LOOK);
  const lineEnd = head.indexOf('\n');
  const line = lineEnd < 0 ? head : head.slice(0, lineEnd);
  const withoutMarker = line.replace(/^\s*(?:\\item\b\s*|[-*+>]\s+|\d+[.)]\s+|\[\d+\]\s*)?/, '');
  const markerLength = line.length - withoutMarker.length;
  // The scanner reads "Doe, John (2000)" as the narrative "John (2000)": the entry's surname and comma come before it.
  const surnameBefore = /^[\p{Lu}][\p{L}\p{M}'’-]*,\s*$/u.test(masked.slice(lineStart + markerLength, offset));
  return surnameBefore && looksLikeReferenceEntry(withoutMarker);
}
