// Rescans a document after an edit by reading again only the blocks the edit touched. The blocks before them keep
// their citations; the blocks after them, and the reference list, keep theirs moved by the length the edit added or
// removed. The result is exactly what scanDocument gives for the new text: whenever an edit could change how text
// outside its blocks reads (a code fence, a comment or front matter opened or closed, a heading added or removed, an
// edit inside the reference list), the whole document is scanned again instead.

import type { AuthorPageCitation, Span } from '../types';
import { documentLanguageOf, maskNonProse, type DocumentLanguage } from '../syntax/mask';
import { containsHeading } from '../syntax/referenceList';
import { findProseFacts, scanDocument, type ProseFacts, type ScannedDocument } from './documentFacts';
import { findAuthorPageCitations } from '../syntax/authorPageCitations';
import { LazyFact } from './lazyFact';
import { findEditedRegion, type EditedRegion } from './editedRegion';
import { movedAbbreviation, movedAuthorPageCitation, movedCitation, movedKeyedCitation, movedNumericCitation, movedReferenceList } from './movedFacts';
import { findKeyedCitations, keyedLanguageOf } from '../syntax/keyedCitations';
import { findDocumentNumericCitations } from '../style/styleFacts';

/** A version of a document with its scan, kept to rescan the next version. */
export interface ScannedVersion {
  text: string;
  languageId: string;
  scan: ScannedDocument;
}

export function rescanDocument(previous: ScannedVersion | undefined, text: string, languageId: string): ScannedDocument {
  return (previous && rescanEditedBlocks(previous, text, languageId)) ?? scanDocument(text, languageId);
}

/**
 * The characters every citation by key or number is written with ("[@key]", "@key", "\\cite{key}", "[1]", "^1^"), and
 * that decide what the text next to one reads as: blocks without any of them, before and after an edit, hold no such
 * citation and change none, so the citations found before are kept, moved.
 */
const CITATION_MARKUP = /[@[\]^\\{}<>#]/;

/** Markup that can make text blocks away read differently: code fences, display math, HTML comments, front matter. */
const BLOCK_MARKUP: Partial<Record<DocumentLanguage, RegExp>> = {
  markdown: /```|~~~|\$\$|<!--|-->|^\s*(?:---|\+\+\+|\.\.\.)\s*$/m,
  plaintext: /<!--|-->/,
};

function rescanEditedBlocks(previous: ScannedVersion, text: string, languageId: string): ScannedDocument | undefined {
  const language = documentLanguageOf(languageId);
  const blockMarkup = BLOCK_MARKUP[language];
  if (previous.languageId !== languageId || !blockMarkup) return undefined;
  const region = findEditedRegion(previous.text, text);
  if (!region) return previous.scan;
  const { scan } = previous;
  if (region.oldEnd >= scan.referenceScopeStart) return undefined;
  const oldBlocks = previous.text.slice(region.start, region.oldEnd);
  const newBlocks = text.slice(region.start, region.newEnd);
  if (blockMarkup.test(oldBlocks) || blockMarkup.test(newBlocks)) return undefined;
  const oldMaskedBlocks = scan.masked.slice(region.start, region.oldEnd);
  // With no markup in the blocks, text left unblanked proves they were prose; wholly blank, they may lie inside a code
  // fence or comment opened elsewhere, which would blank the new text too.
  if (!/\S/.test(oldMaskedBlocks)) return undefined;
  const newMaskedBlocks = maskNonProse(newBlocks, language);
  if (containsHeading(oldBlocks, oldMaskedBlocks, language) || containsHeading(newBlocks, newMaskedBlocks, language)) return undefined;
  const delta = region.newEnd - region.oldEnd;
  const referenceList = scan.referenceList && movedReferenceList(scan.referenceList, region.oldEnd, delta);
  // The reference list lies after the edited blocks, or (as headings) outside them, so nothing in them is skipped.
  const entries = referenceList?.entries ?? [];
  const editedProse = findProseFacts(newMaskedBlocks, entries, []);
  const masked = scan.masked.slice(0, region.start) + newMaskedBlocks + scan.masked.slice(region.oldEnd);
  // Author-page citations never read in the old version are found, if ever read, in the whole new text as a first scan
  // finds them: spliced from a version that was never read, each edit would keep its predecessors alive.
  const wholeAuthorPage = () => findAuthorPageCitations(masked, entries, entries.map((entry) => entry.span));
  const citationMarkupEdited = CITATION_MARKUP.test(oldBlocks) || CITATION_MARKUP.test(newBlocks);
  return {
    masked,
    referenceList,
    referenceScopeStart: scan.referenceScopeStart + delta,
    prose: spliceProse(scan.prose, editedProse, region, wholeAuthorPage),
    keyedCitations: citationMarkupEdited ? findKeyedCitations(text, masked, keyedLanguageOf(languageId)) : splice(scan.keyedCitations, [], region, movedKeyedCitation),
    numericCitations: citationMarkupEdited ? findDocumentNumericCitations(text, masked, referenceList) : splice(scan.numericCitations, [], region, movedNumericCitation),
  };
}

/** The prose facts of the blocks before the region, of the region (read at its start) and of the blocks after it. */
function spliceProse(old: ProseFacts, edited: ProseFacts, region: EditedRegion, wholeAuthorPage: () => AuthorPageCitation[]): ProseFacts {
  return {
    citations: splice(old.citations, edited.citations, region, movedCitation),
    abbreviations: splice(old.abbreviations, edited.abbreviations, region, movedAbbreviation),
    authorPageCitations: old.authorPageCitations.isKnown
      ? LazyFact.known(splice(old.authorPageCitations.value, edited.authorPageCitations.value, region, movedAuthorPageCitation))
      : LazyFact.later(wholeAuthorPage),
  };
}

/** Items of the old version before the region, the region's (found at its start), and the old ones after it, moved. */
function splice<T extends { span: Span }>(old: T[], edited: T[], region: EditedRegion, moved: (item: T, delta: number) => T): T[] {
  const delta = region.newEnd - region.oldEnd;
  const before = countStartingBefore(old, region.start, (item) => item.span);
  const after = countStartingBefore(old, region.oldEnd, (item) => item.span);
  return [...old.slice(0, before), ...edited.map((item) => moved(item, region.start)), ...old.slice(after).map((item) => moved(item, delta))];
}

/** How many of the items, sorted by start, start before the offset: a binary search. */
function countStartingBefore<T>(items: T[], offset: number, spanOf: (item: T) => Span): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (spanOf(items[mid]).start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
