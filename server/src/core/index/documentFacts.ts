// The facts of one document version: its citations, its reference list and the abbreviations it defines. Computed once
// per version (see analysis.ts) and read by every feature, which never scans the text again.

import type { Abbreviation, AuthorPageCitation, Citation, DocumentFacts, KeyedCitation, NumericCitation, Problem, ReferenceEntry, ReferenceList, Span } from '../types';
import { documentLanguageOf, maskNonProse } from '../syntax/mask';
import { findProseCitations } from '../syntax/proseCitations';
import { findReferenceListWithScope } from '../syntax/referenceList';
import { looksLikeReferenceEntry } from '../syntax/referenceEntry';
import { findBareMentions } from '../syntax/bareMentions';
import { sortedByStart } from '../text/sortedSpans';
import { findLatexBibliography } from '../syntax/latexBibliography';
import { findKeyedCitations, keyedLanguageOf } from '../syntax/keyedCitations';
import { findBibliographyReferences } from '../syntax/bibliographyReferences';
import { findDocumentNumericCitations, findStyleFacts } from '../style/styleFacts';
import { findAuthorPageCitations } from '../syntax/authorPageCitations';
import { defineLazyProperty, LazyFact } from './lazyFact';

/** The author-date citations of a stretch of masked text, the abbreviations they define, and its author-page
 * citations (which count only in an author-page style, and are found when first read). */
export interface ProseFacts {
  citations: Citation[];
  abbreviations: Abbreviation[];
  authorPageCitations: LazyFact<AuthorPageCitation[]>;
}

/** What the costly scans of a document found: kept between versions so that an edit re-reads only what it changed. */
export interface ScannedDocument {
  masked: string;
  referenceList?: ReferenceList;
  /** Where the text starts to decide the reference list (see findReferenceListWithScope). */
  referenceScopeStart: number;
  prose: ProseFacts;
  /** Citations by key and by number, found in the whole text; kept moved after an edit without citation markup. */
  keyedCitations: KeyedCitation[];
  numericCitations: NumericCitation[];
}

export function computeFacts(text: string, languageId: string, version: number): DocumentFacts {
  return factsOfScan(text, languageId, version, scanDocument(text, languageId));
}

export function scanDocument(text: string, languageId: string): ScannedDocument {
  const language = documentLanguageOf(languageId);
  const masked = maskNonProse(text, language);
  const latexList = language === 'latex' ? findLatexBibliography(text, masked) : undefined;
  const scoped = latexList ? { list: latexList, scopeStart: 0 } : findReferenceListWithScope(text, masked, language);
  const entries = scoped.list?.entries ?? [];
  // Only the entries are skipped, not the whole list: an annotated bibliography cites other works between its entries.
  const prose = findProseFacts(masked, entries, entries.map((e) => e.span));
  return {
    masked,
    referenceList: scoped.list,
    referenceScopeStart: scoped.scopeStart,
    prose,
    keyedCitations: findKeyedCitations(text, masked, keyedLanguageOf(languageId)),
    numericCitations: findDocumentNumericCitations(text, masked, scoped.list),
  };
}

/** Completes the facts from a scan with what is cheap to read from the whole text each time. */
export function factsOfScan(text: string, languageId: string, version: number, scan: ScannedDocument): DocumentFacts {
  const { referenceList, keyedCitations, numericCitations } = scan;
  const { citations, abbreviations, authorPageCitations } = scan.prose;
  const bibliographies = findBibliographyReferences(text, keyedLanguageOf(languageId));
  const problems: Problem[] = [];
  if (referenceList) for (const entry of referenceList.entries) problems.push(...entry.problems);
  const { cslStyle, numberedEntries } = findStyleFacts(text, referenceList);
  // In the order the facts always had, so that a document's facts read the same whichever way they were found.
  const facts: DocumentFacts = { version, citations, keyedCitations, bibliographies, referenceList, abbreviations, problems, cslStyle, numericCitations, numberedEntries };
  return defineLazyProperty(facts, 'authorPageCitations', authorPageCitations);
}

/**
 * The author-date citations (in parentheses, and bare mentions of the entries' authors) and the author-page citations
 * of masked text, which may be the whole document or one stretch of it between blank lines, outside the `skip` spans.
 */
export function findProseFacts(masked: string, entries: ReferenceEntry[], skip: Span[]): ProseFacts {
  const scan = findProseCitations(masked, skip);
  const found = withoutEntryHeads(masked, scan.citations);
  const bare = findBareMentions(masked, entries, takenSpans(skip, found));
  const citations = bare.length ? [...found, ...bare].sort((a, b) => a.span.start - b.span.start) : found;
  return { citations, abbreviations: scan.abbreviations, authorPageCitations: LazyFact.later(() => findAuthorPageCitations(masked, entries, skip)) };
}

/** The citations, without those that open a line reading as a reference entry (see opensEntryLikeLine). */
function withoutEntryHeads(masked: string, citations: Citation[]): Citation[] {
  const kept: Citation[] = [];
  for (const citation of citations) {
    const entryHead = masked.charCodeAt(citation.span.end) === PERIOD && opensEntryLikeLine(masked, citation.span.start);
    if (!entryHead) kept.push(citation);
  }
  return kept;
}

const PERIOD = 46;

/**
 * The skipped spans and the citations' spans, sorted by start: where a bare mention cannot start. The citations come
 * sorted, and so do the entries skipped, so merging the two sorts them without a comparison call per span.
 */
function takenSpans(skip: Span[], citations: Citation[]): Span[] {
  const skipped = sortedByStart(skip);
  const taken: Span[] = [];
  let s = 0;
  for (const { span } of citations) {
    while (s < skipped.length && skipped[s].start <= span.start) taken.push(skipped[s++]);
    taken.push(span);
  }
  while (s < skipped.length) taken.push(skipped[s++]);
  return taken;
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
